import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@zhengwu/server/core/config';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { HostedTenants, RequestContext } from '@zhengwu/server/core/tenancy';
import { DepartmentHeadRepository } from '@zhengwu/supervision/data-access';

/** The demo approver (org's demo accounts): the person a demo department answers through. */
const DEMO_HEAD_USERNAME = 'approver';

/**
 * Demo data of `npm start` (SEED_DEMO=true): the demo approver heads every department of each
 * hosted centre that has no head yet, so red alerts reach a department head in the demo. It runs
 * after the org and catalogue seeds (Nest calls bootstrap hooks module by module, in import order);
 * a centre without the approver or departments is skipped. Restarting never changes an assignment.
 */
@Injectable()
export class DepartmentHeadsDemoSeed implements OnApplicationBootstrap {
  private readonly logger = new Logger('DepartmentHeadsDemoSeed');

  constructor(
    private readonly config: AppConfig,
    private readonly hosted: HostedTenants,
    private readonly context: RequestContext,
    private readonly uow: UnitOfWork,
    private readonly heads: DepartmentHeadRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.SEED_DEMO) {
      await this.context.runDetached(() => this.seed(new Date()));
    }
  }

  async seed(now: Date): Promise<number> {
    let headed = 0;
    for (const tenantId of this.hosted.list()) {
      headed += await this.uow.run({ tenantId }, () => this.heads.headDepartmentsWithoutHead(tenantId, DEMO_HEAD_USERNAME, now));
    }
    this.logger.log(`Demo department heads ready (${headed} departments headed)`);
    return headed;
  }
}
