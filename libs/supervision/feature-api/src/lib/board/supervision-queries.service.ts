import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { AccountabilityRecordRepository, OpenWorkReader, SupervisionAlertRepository, SweepLeaseRepository } from '@zhengwu/supervision/data-access';
import type {
  AccountabilityRecordView,
  SupervisionAlertView as AlertView,
  SupervisionBoardView as BoardView,
  SupervisionPage as Page,
} from '@zhengwu/shared/contracts';
import type { AccountabilityQuery, AlertsQuery } from '../supervision.dto';
import { StepRiskService } from '../risk/step-risk.service';
import { accountabilityView, alertView } from './supervision-views.mapper';

const BOARD_LIST_LIMIT = 100;
const DEFAULT_PAGE = 50;

/** What a centre's supervisors read: the live board, alerts and accountability records. */
@Injectable()
export class SupervisionQueriesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly alerts: SupervisionAlertRepository,
    private readonly accountability: AccountabilityRecordRepository,
    private readonly work: OpenWorkReader,
    private readonly leases: SweepLeaseRepository,
    private readonly risk: StepRiskService,
  ) {}

  board(tenantId: string): Promise<BoardView> {
    return this.uow.run({ tenantId }, async () => {
      const open = await this.work.openCaseCount(tenantId);
      const levels = await this.alerts.openCaseLevels(tenantId);
      const overdue = await this.alerts.open(tenantId, 'red', BOARD_LIST_LIMIT);
      const dueSoon = await this.alerts.open(tenantId, 'yellow', BOARD_LIST_LIMIT, { withoutRedOnSameCase: true });
      const now = new Date();
      const atRisk = await this.risk.atRisk(tenantId, await this.alerts.casesWithOpenAlerts(tenantId), now, BOARD_LIST_LIMIT);
      const lease = await this.leases.find(tenantId);
      return {
        centreCode: tenantId,
        asOf: now.toISOString(),
        counts: { open, normal: Math.max(0, open - levels.red - levels.yellow), yellow: levels.yellow, red: levels.red },
        overdue: overdue.map(alertView),
        dueSoon: dueSoon.map(alertView),
        atRisk,
        lastSweptAt: lease?.lastSweptAt?.toISOString() ?? null,
      };
    });
  }

  alertsOf(tenantId: string, query: AlertsQuery): Promise<Page<AlertView>> {
    return this.uow.run({ tenantId }, async () => {
      const { items, total } = await this.alerts.list(tenantId, {
        level: query.level,
        state: query.state ?? 'open',
        applicationId: query.applicationId,
        limit: query.limit ?? DEFAULT_PAGE,
        offset: query.offset ?? 0,
      });
      return { items: items.map(alertView), total };
    });
  }

  accountabilityOf(tenantId: string, query: AccountabilityQuery): Promise<Page<AccountabilityRecordView>> {
    return this.uow.run({ tenantId }, async () => {
      const { items, total } = await this.accountability.list(tenantId, {
        holderId: query.holderId,
        applicationId: query.applicationId,
        limit: query.limit ?? DEFAULT_PAGE,
        offset: query.offset ?? 0,
      });
      return { items: items.map(accountabilityView), total };
    });
  }
}
