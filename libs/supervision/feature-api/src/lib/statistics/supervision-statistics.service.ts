import { Injectable } from '@nestjs/common';
import type { WorkingDayCalendar } from '@zhengwu/calendar/domain';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { StatCountersRepository } from '@zhengwu/supervision/data-access';
import {
  catalogueIndicators,
  foldEvents,
  foldRatingChanges,
  STAT_DIMENSIONS,
  type StatDimension,
  type StatisticsView,
  statisticsPeriodProblem,
  statRow,
  ZERO_CATALOGUE,
} from '@zhengwu/supervision/domain';
import { StatisticsError } from './statistics-errors';

const FOLD_BATCH = 5_000;
/** Batches folded per sweep: a backlog (a restored database, a new deployment) is caught up over a few sweeps. */
const FOLD_BATCHES_PER_SWEEP = 20;

export interface StatisticsPeriodQuery {
  from: string;
  to: string;
  dimension?: StatDimension;
}

/** Every dimension of one period, for the export. */
export interface StatisticsReport {
  centreCode: string;
  centreName: string;
  from: string;
  to: string;
  views: Record<StatDimension, StatisticsView>;
}

/**
 * Statistics from counters kept up to date by the sweep (per day, per centre, department, item
 * and staff member), so a period's figures cost a sum over days, not a scan of the cases; the
 * catalogue's shares (online, fully online, 即办件, limit compression) are read from the centre's
 * small catalogue.
 */
@Injectable()
export class SupervisionStatisticsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly counters: StatCountersRepository,
  ) {}

  /**
   * Folds the centre's new events, and its queued rating and rectification changes, into the
   * counters; call inside the centre's sweep transaction. The watermark moves (and the queue is
   * emptied) in the same transaction as the counters, so each is counted once.
   */
  async fold(tenantId: string, calendar: WorkingDayCalendar): Promise<number> {
    const handlingDays = (from: Date, to: Date) => calendar.workingDaysBetween(from, to).days;
    let seq = await this.counters.lockWatermark(tenantId);
    let folded = 0;
    for (let batch = 0; batch < FOLD_BATCHES_PER_SWEEP; batch++) {
      const events = await this.counters.eventsAfter(tenantId, seq, FOLD_BATCH);
      if (events.length === 0) break;
      await this.counters.add(tenantId, foldEvents(events, handlingDays));
      seq = events[events.length - 1].seq;
      folded += events.length;
      if (events.length < FOLD_BATCH) break;
    }
    if (folded > 0) await this.counters.moveWatermark(tenantId, seq);
    for (let batch = 0; batch < FOLD_BATCHES_PER_SWEEP; batch++) {
      const changes = await this.counters.takeRatingChanges(tenantId, FOLD_BATCH);
      if (changes.length === 0) break;
      await this.counters.add(tenantId, foldRatingChanges(changes));
      folded += changes.length;
      if (changes.length < FOLD_BATCH) break;
    }
    return folded;
  }

  period(tenantId: string, query: StatisticsPeriodQuery): Promise<StatisticsView> {
    checkPeriod(query);
    return this.uow.run({ tenantId }, () => this.view(tenantId, query.from, query.to, query.dimension ?? 'centre'));
  }

  /** Every dimension of the period, read in one unit of work (one consistent picture). */
  report(tenantId: string, query: StatisticsPeriodQuery): Promise<StatisticsReport> {
    checkPeriod(query);
    return this.uow.run({ tenantId }, async () => {
      const views = {} as Record<StatDimension, StatisticsView>;
      for (const dimension of STAT_DIMENSIONS) views[dimension] = await this.view(tenantId, query.from, query.to, dimension);
      return { centreCode: tenantId, centreName: await this.counters.centreName(tenantId), from: query.from, to: query.to, views };
    });
  }

  private async view(tenantId: string, from: string, to: string, dimension: StatDimension): Promise<StatisticsView> {
    const rows = await this.counters.period(tenantId, dimension, from, to);
    const centreCatalogue = (await this.counters.catalogue(tenantId, 'centre')).get('') ?? ZERO_CATALOGUE;
    const catalogue = dimension === 'staff' ? null : dimension === 'centre' ? new Map([['', centreCatalogue]]) : await this.counters.catalogue(tenantId, dimension);
    return {
      centreCode: tenantId,
      from,
      to,
      dimension,
      rows: rows.map((row) => statRow(dimension, row.key, row.label, row.counters, catalogue ? (catalogue.get(row.key) ?? ZERO_CATALOGUE) : null)),
      foldedThroughSeq: await this.counters.watermark(tenantId),
      catalogue: catalogueIndicators(centreCatalogue),
    };
  }
}

function checkPeriod(query: { from: unknown; to: unknown }): void {
  const problem = statisticsPeriodProblem(query.from, query.to);
  if (problem) throw StatisticsError.STATISTICS_PERIOD_INVALID({ problem, from: query.from, to: query.to });
}
