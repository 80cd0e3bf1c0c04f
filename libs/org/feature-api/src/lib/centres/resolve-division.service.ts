import { Injectable } from '@nestjs/common';
import { CentreRepository, DivisionEntity } from '@zhengwu/org/data-access';
import type { DivisionView } from '@zhengwu/shared/contracts';
import { OrgError } from '../org-errors';

/** Successor chains are short (a code changes every few decades); this bounds a corrupt cycle. */
const MAX_SUCCESSOR_HOPS = 8;

@Injectable()
export class ResolveDivisionService {
  constructor(private readonly centres: CentreRepository) {}

  async resolve(code: string): Promise<DivisionView> {
    const division = await this.centres.findDivision(code);
    if (!division) {
      throw OrgError.DIVISION_NOT_FOUND({ code });
    }
    let current = division;
    for (let hops = 0; current.successorCode && hops < MAX_SUCCESSOR_HOPS; hops++) {
      const next = await this.centres.findDivision(current.successorCode);
      if (!next) break;
      current = next;
    }
    return {
      code: division.code,
      name: division.name,
      level: division.level,
      parentCode: division.parentCode,
      validFrom: division.validFrom,
      validTo: division.validTo,
      successorCode: division.successorCode,
      current: summary(current),
    };
  }
}

function summary(division: DivisionEntity): DivisionView['current'] {
  return { code: division.code, name: division.name, level: division.level, parentCode: division.parentCode };
}
