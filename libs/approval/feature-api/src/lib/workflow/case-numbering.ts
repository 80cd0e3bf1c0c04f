import { Injectable } from '@nestjs/common';
import { formatCaseNumber, generateQueryCode } from '@zhengwu/approval/domain';
import { CaseNumberAllocator } from '@zhengwu/approval/data-access';
import { chinaCivilDate } from '@zhengwu/calendar/domain';
import { randomBytes } from 'node:crypto';

/** The case number (办件编号) and public query code a case gets when it is first submitted. */
@Injectable()
export class CaseNumbering {
  constructor(private readonly caseNumbers: CaseNumberAllocator) {}

  async assign(tenantId: string, itemTypeCode: string, now: Date): Promise<{ caseNumber: string; queryCode: string }> {
    const date = chinaCivilDate(now);
    return {
      caseNumber: formatCaseNumber({ centreCode: tenantId, date, itemTypeCode, sequence: await this.caseNumbers.next(tenantId, date) }),
      queryCode: generateQueryCode(randomBytes(32)),
    };
  }
}
