import { Injectable } from '@nestjs/common';
import { CentreRepository } from '@zhengwu/org/data-access';
import { HostedTenants } from '@zhengwu/server/core/tenancy';
import type { CentreSummary } from '@zhengwu/shared/contracts';

@Injectable()
export class ListCentresService {
  constructor(
    private readonly centres: CentreRepository,
    private readonly hosted: HostedTenants,
  ) {}

  async list(): Promise<CentreSummary[]> {
    const rows = await this.centres.listByCodes(this.hosted.list());
    return rows.map((row) => ({ code: row.code, name: row.name, level: row.level, parentCode: row.parentCode }));
  }
}
