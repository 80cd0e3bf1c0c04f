import { Injectable } from '@nestjs/common';
import { type BoardSummary, OpenWorkReader, SupervisionAlertRepository } from '@zhengwu/supervision/data-access';
import { StepRiskService } from '../risk/step-risk.service';

/** How many rows each of the board's lists shows. */
export const BOARD_LIST_LIMIT = 100;

/**
 * Counts the board's figures: open cases by their highest alert level, the open alerts of the two
 * lists, and the predicted-risk list. The sweep runs it once per sweep of a centre, in the sweep's
 * transaction, and stores the result (SweepLeaseRepository.finish); a board or a roll-up snapshot
 * reads that instead of counting per request. Runs in the caller's unit of work.
 */
@Injectable()
export class BoardSummarizer {
  constructor(
    private readonly work: OpenWorkReader,
    private readonly alerts: SupervisionAlertRepository,
    private readonly risk: StepRiskService,
  ) {}

  /** `withRisk: false` leaves the risk list empty (a roll-up snapshot carries counts only). */
  async summarize(tenantId: string, now: Date, { withRisk = true }: { withRisk?: boolean } = {}): Promise<BoardSummary> {
    const open = await this.work.openCaseCount(tenantId);
    const levels = await this.alerts.openCaseLevels(tenantId);
    const lists = await this.alerts.openAlertCounts(tenantId);
    const atRisk = withRisk ? await this.risk.atRisk(tenantId, await this.alerts.casesWithOpenAlerts(tenantId), now, BOARD_LIST_LIMIT) : [];
    return { countedAt: now.toISOString(), open, yellow: levels.yellow, red: levels.red, overdueAlerts: lists.red, dueSoonAlerts: lists.dueSoon, atRisk };
  }
}
