import { Injectable } from '@nestjs/common';
import { CalendarOverrideRepository, CentreCalendar } from '@zhengwu/calendar/data-access';
import type { CivilDate } from '@zhengwu/calendar/domain';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { CALENDAR_MAX_RANGE_DAYS, type CalendarOverrideView, type CalendarRangeQuery, type CalendarView } from '@zhengwu/shared/contracts';
import { CalendarError } from './calendar-errors';

const MS_PER_DAY = 86_400_000;

/** The public calendar of a centre: what counts as a working day there, and why. */
@Injectable()
export class CalendarQueryService {
  constructor(
    private readonly calendars: CentreCalendar,
    private readonly overrides: CalendarOverrideRepository,
    private readonly uow: UnitOfWork,
  ) {}

  async range(centreCode: string, query: CalendarRangeQuery): Promise<CalendarView> {
    const from = Date.parse(`${query.from}T00:00:00Z`);
    const to = Date.parse(`${query.to}T00:00:00Z`);
    const days = (to - from) / MS_PER_DAY + 1;
    if (days < 1 || days > CALENDAR_MAX_RANGE_DAYS) {
      throw CalendarError.CALENDAR_RANGE_INVALID({ from: query.from, to: query.to, maxDays: CALENDAR_MAX_RANGE_DAYS });
    }
    const calendar = await this.calendars.forCentre(centreCode);
    return {
      centreCode,
      from: query.from,
      to: query.to,
      coveredYears: [...calendar.coverage().years],
      days: Array.from({ length: days }, (_, i) => {
        const date = new Date(from + i * MS_PER_DAY).toISOString().slice(0, 10) as CivilDate;
        const day = calendar.describeDay(date);
        return {
          date: day.date,
          working: day.working,
          kind: day.kind,
          holidayName: day.holidayName,
          overrideReason: day.overrideReason,
          provisional: day.provisional,
        };
      }),
    };
  }

  listOverrides(centreCode: string): Promise<CalendarOverrideView[]> {
    return this.uow.run({ tenantId: centreCode }, async () =>
      (await this.overrides.list(centreCode)).map((row) => ({ date: row.date, kind: row.kind, reason: row.reason })),
    );
  }
}
