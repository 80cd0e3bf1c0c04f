import { Injectable } from '@nestjs/common';
import type { WorkingDayCalendar } from '@zhengwu/calendar/domain';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { StatCountersRepository } from '@zhengwu/supervision/data-access';
import { foldEvents, statRow, type StatisticsView } from '@zhengwu/supervision/domain';
import type { StatisticsQuery } from '../supervision.dto';

const FOLD_BATCH = 5_000;
/** Batches folded per sweep: a backlog (a restored database, a new deployment) is caught up over a few sweeps. */
const FOLD_BATCHES_PER_SWEEP = 20;

/**
 * Statistics from counters kept up to date by the sweep (per day, per centre, department, item
 * and staff member), so a period's figures cost a sum over days, not a scan of the cases.
 */
@Injectable()
export class SupervisionStatisticsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly counters: StatCountersRepository,
  ) {}

  /**
   * Folds the centre's new events into the counters; call inside the centre's sweep transaction.
   * The watermark moves in the same transaction as the counters, so an event is counted once.
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
    return folded;
  }

  period(tenantId: string, query: StatisticsQuery): Promise<StatisticsView> {
    const dimension = query.dimension ?? 'centre';
    return this.uow.run({ tenantId }, async () => {
      const rows = await this.counters.period(tenantId, dimension, query.from, query.to);
      return {
        centreCode: tenantId,
        from: query.from,
        to: query.to,
        dimension,
        rows: rows.map((row) => statRow(dimension, row.key, row.label, row.counters)),
        foldedThroughSeq: await this.counters.watermark(tenantId),
      };
    });
  }
}
