import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { CentreDirectory } from '@zhengwu/server/routing';
import { RollupSnapshotRepository, SweepLeaseRepository } from '@zhengwu/supervision/data-access';
import {
  buildRollupTree,
  catalogueWithShares,
  snapshotPeriod,
  statisticsWithRates,
  type RollupCentre,
  type RollupSnapshot,
  type RollupView,
  type StoredRollupSnapshot,
} from '@zhengwu/supervision/domain';
import { BoardSummarizer } from '../board/board-summarizer';
import { SupervisionStatisticsService } from '../statistics/supervision-statistics.service';
import { RollupError } from './rollup-errors';
import { ROLLUP_SETTINGS, type RollupSettings } from './rollup-settings';

/**
 * Roll-up across levels: what a centre reports upward (its snapshot: aggregates of its open work,
 * alerts and the month's statistics, never a case, a name or an id) and what it sees of the
 * centres beneath it (the tree of their latest snapshots, with the ones that stopped reporting
 * flagged `missing`).
 */
@Injectable()
export class SupervisionRollupService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly directory: CentreDirectory,
    private readonly summarizer: BoardSummarizer,
    private readonly leases: SweepLeaseRepository,
    private readonly snapshots: RollupSnapshotRepository,
    private readonly statistics: SupervisionStatisticsService,
    @Inject(ROLLUP_SETTINGS) private readonly settings: RollupSettings,
  ) {}

  /** The centre as the directory lists it. */
  centre(code: string): RollupCentre {
    const centre = this.directory.centre(code);
    if (!centre) throw RollupError.CENTRE_NOT_IN_DIRECTORY({ centreCode: code });
    return { code: centre.code, name: centre.name, level: centre.level, parentCode: centre.parentCode };
  }

  /** The centres above a centre in the directory, nearest first (its city, then the province). */
  ancestorsOf(code: string): string[] {
    const chain: string[] = [];
    const seen = new Set([code]);
    for (let parent = this.directory.centre(code)?.parentCode ?? null; parent !== null && !seen.has(parent); parent = this.directory.centre(parent)?.parentCode ?? null) {
      seen.add(parent);
      if (this.directory.has(parent)) chain.push(parent);
    }
    return chain;
  }

  /** The centre's own figures at `now` (joins the caller's unit of work for the centre, or opens one). */
  snapshotOf(tenantId: string, now: Date): Promise<RollupSnapshot> {
    const centre = this.centre(tenantId);
    const period = snapshotPeriod(now);
    return this.uow.run({ tenantId }, async () => {
      // The counts the centre's last sweep left, as on its board.
      const lease = await this.leases.find(tenantId);
      const counts = lease?.board ?? (await this.summarizer.summarize(tenantId, now, { withRisk: false }));
      const view = await this.statistics.period(tenantId, { from: period.from, to: period.to, dimension: 'centre' });
      const row = view.rows.find((candidate) => candidate.key === '') ?? view.rows[0];
      return {
        centreCode: centre.code,
        centreName: centre.name,
        level: centre.level,
        parentCode: centre.parentCode,
        generatedAt: now.toISOString(),
        periodFrom: period.from,
        periodTo: period.to,
        intervalMs: this.settings.intervalMs,
        lastSweptAt: lease?.lastSweptAt?.toISOString() ?? null,
        openWork: {
          open: counts.open,
          normal: Math.max(0, counts.open - counts.red - counts.yellow),
          yellow: counts.yellow,
          red: counts.red,
          overdueAlerts: counts.overdueAlerts,
          dueSoonAlerts: counts.dueSoonAlerts,
        },
        statistics: statisticsWithRates({
          received: row?.received ?? 0,
          accepted: row?.accepted ?? 0,
          completed: row?.completed ?? 0,
          completedOnTime: row?.completedOnTime ?? 0,
          overdueCompleted: row?.overdueCompleted ?? 0,
          handlingWorkingDays: row?.handlingWorkingDays ?? 0,
          immediateReceived: row?.immediateReceived ?? 0,
          ratings: row?.ratings ?? 0,
          caseRatings: row?.caseRatings ?? 0,
          satisfiedRatings: row?.satisfiedRatings ?? 0,
          badReviews: row?.badReviews ?? 0,
          badReviewsRectified: row?.badReviewsRectified ?? 0,
          badReviewsInvalid: row?.badReviewsInvalid ?? 0,
        }),
        catalogue: catalogueWithShares({
          items: view.catalogue.items,
          onlineApplicableItems: view.catalogue.onlineApplicableItems,
          fullyOnlineItems: view.catalogue.fullyOnlineItems,
          immediateItems: view.catalogue.immediateItems,
          limitComparableItems: view.catalogue.limitComparableItems,
          limitCompressionSum: view.catalogue.limitCompressionSum,
        }),
      };
    });
  }

  /** The centre's roll-up tree as of `now`: its own figures, and every centre beneath it. */
  rollup(tenantId: string, now: Date): Promise<RollupView> {
    const root = this.centre(tenantId);
    return this.uow.run({ tenantId }, async () => {
      const own = await this.snapshotOf(tenantId, now);
      const stored = new Map<string, StoredRollupSnapshot>(
        (await this.snapshots.all(tenantId)).map((row) => [row.centreCode, { snapshot: row.snapshot, receivedAt: row.receivedAt.toISOString() }]),
      );
      const centres: RollupCentre[] = this.directory.current().centres.map((centre) => ({ code: centre.code, name: centre.name, level: centre.level, parentCode: centre.parentCode }));
      return buildRollupTree({ root, own, centres, ancestorsOf: (code) => this.ancestorsOf(code), snapshots: stored, now, timing: this.settings });
    });
  }
}
