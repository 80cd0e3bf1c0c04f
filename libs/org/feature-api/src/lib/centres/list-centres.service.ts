import { Injectable } from '@nestjs/common';
import { CentreRepository } from '@zhengwu/org/data-access';
import type { CentreSummary } from '@zhengwu/shared/contracts';

/**
 * Every centre, not only those this deployment hosts: an applicant at the province's portal applies
 * to a county centre, a county clerk takes in a city item. Requests about a centre hosted elsewhere
 * go to its deployment (the public directory says which); staff log in only where their centre is
 * hosted, and the workbench narrows its login list with the directory.
 */
@Injectable()
export class ListCentresService {
  constructor(private readonly centres: CentreRepository) {}

  async list(): Promise<CentreSummary[]> {
    const rows = await this.centres.listAll();
    return rows.map((row) => ({ code: row.code, name: row.name, level: row.level, parentCode: row.parentCode }));
  }
}
