import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { AccountabilityRecordRepository, SupervisionAlertRepository, SweepLeaseRepository } from '@zhengwu/supervision/data-access';
import type {
  AccountabilityRecordView,
  SupervisionAlertView as AlertView,
  SupervisionBoardView as BoardView,
  SupervisionPage as Page,
} from '@zhengwu/shared/contracts';
import type { AccountabilityQuery, AlertsQuery } from '../supervision.dto';
import { BOARD_LIST_LIMIT, BoardSummarizer } from './board-summarizer';
import { accountabilityView, alertView } from './supervision-views.mapper';

const DEFAULT_PAGE = 50;

/** What a centre's supervisors read: the live board, alerts and accountability records. */
@Injectable()
export class SupervisionQueriesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly alerts: SupervisionAlertRepository,
    private readonly accountability: AccountabilityRecordRepository,
    private readonly leases: SweepLeaseRepository,
    private readonly summarizer: BoardSummarizer,
  ) {}

  /**
   * The live board. Its counts and risk list are the ones the centre's last sweep left (the sweep
   * runs every minute and is what raises the alerts they count); only before a centre's first sweep
   * are they counted for the request. The two lists are read live, the first rows of an index each.
   */
  board(tenantId: string): Promise<BoardView> {
    return this.uow.run({ tenantId }, async () => {
      const now = new Date();
      const lease = await this.leases.find(tenantId);
      const summary = lease?.board ?? (await this.summarizer.summarize(tenantId, now));
      const overdue = await this.alerts.open(tenantId, 'red', BOARD_LIST_LIMIT);
      const dueSoon = await this.alerts.open(tenantId, 'yellow', BOARD_LIST_LIMIT, { withoutRedOnSameCase: true });
      return {
        centreCode: tenantId,
        asOf: now.toISOString(),
        countedAt: summary.countedAt,
        counts: { open: summary.open, normal: Math.max(0, summary.open - summary.red - summary.yellow), yellow: summary.yellow, red: summary.red },
        overdueTotal: summary.overdueAlerts,
        dueSoonTotal: summary.dueSoonAlerts,
        overdue: overdue.map(alertView),
        dueSoon: dueSoon.map(alertView),
        atRisk: summary.atRisk,
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
