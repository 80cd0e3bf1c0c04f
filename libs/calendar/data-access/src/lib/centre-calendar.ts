import { Injectable } from '@nestjs/common';
import { type CalendarOverride, type CivilDate, nationalCalendar, WorkingDayCalendar } from '@zhengwu/calendar/domain';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { CalendarOverrideRepository } from './repositories/calendar-override.repository';

interface CachedCalendar {
  calendar: WorkingDayCalendar;
  loadedAt: number;
}

/**
 * How long a cached centre calendar is trusted. This process drops a centre's entry the moment
 * its overrides change here; the bound is for other replicas of the deployment, which learn of a
 * change only when their entry expires. Overrides are set days ahead of the date they concern,
 * so a minute of lag never moves a deadline that is being computed for today.
 */
export const CENTRE_CALENDAR_TTL_MS = 60_000;

/**
 * The working-day calendar of one centre: the national schedule with the centre's overrides on
 * top. Deadlines are computed on hot paths (every step transition, the supervision sweep), so each
 * centre's calendar is built once and cached; a cache hit costs no database round trip.
 * Reads go through the unit of work: inside an open one for the same centre (applicant-scoped or
 * not) they join its transaction, outside they open their own.
 */
@Injectable()
export class CentreCalendar {
  private readonly cache = new Map<string, CachedCalendar>();
  /** Bumped on every invalidation, so a load that raced with a change is not cached. */
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly overrides: CalendarOverrideRepository,
  ) {}

  async forCentre(tenantId: string): Promise<WorkingDayCalendar> {
    const cached = this.cache.get(tenantId);
    if (cached && Date.now() - cached.loadedAt < CENTRE_CALENDAR_TTL_MS) {
      this.uow.assertReadableFor(tenantId);
      return cached.calendar;
    }
    const generation = this.generations.get(tenantId) ?? 0;
    const rows = await this.uow.runForCentre(tenantId, () => this.overrides.list(tenantId));
    const overrides: CalendarOverride[] = rows.map((row) => ({ date: row.date as CivilDate, kind: row.kind, reason: row.reason }));
    const calendar = nationalCalendar().withOverrides(overrides);
    if ((this.generations.get(tenantId) ?? 0) === generation) {
      this.cache.set(tenantId, { calendar, loadedAt: Date.now() });
    }
    return calendar;
  }

  /**
   * Forget the centre's calendar. Call it after the transaction that changed its overrides has
   * committed (before would let a concurrent read cache the old overrides again).
   */
  invalidate(tenantId: string): void {
    this.generations.set(tenantId, (this.generations.get(tenantId) ?? 0) + 1);
    this.cache.delete(tenantId);
  }
}
