import { Injectable } from '@nestjs/common';
import { CalendarOverrideRepository, CentreCalendar } from '@zhengwu/calendar/data-access';
import { AuditLog } from '@zhengwu/org/data-access';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { RequestContext } from '@zhengwu/server/core/tenancy';
import type { CalendarOverrideView, SetCalendarOverrideRequest } from '@zhengwu/shared/contracts';
import { CalendarError } from './calendar-errors';

/** A centre admin's closures and extra service days. Each change is audited with what it replaced. */
@Injectable()
export class ManageOverridesService {
  constructor(
    private readonly overrides: CalendarOverrideRepository,
    private readonly calendars: CentreCalendar,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
    private readonly context: RequestContext,
  ) {}

  async set(centreCode: string, date: string, request: SetCalendarOverrideRequest): Promise<CalendarOverrideView> {
    const reason = request.reason.trim();
    await this.uow.run({ tenantId: centreCode }, async () => {
      const previous = await this.overrides.find(centreCode, date);
      await this.overrides.upsert(centreCode, {
        tenantId: centreCode,
        date,
        kind: request.kind,
        reason,
        createdBy: this.context.principal?.id ?? null,
        createdAt: new Date(),
      });
      await this.audit.record(centreCode, {
        action: 'calendar.override_set',
        subjectType: 'calendar_override',
        subjectId: date,
        details: { kind: request.kind, reason, previous: previous ? { kind: previous.kind, reason: previous.reason } : null },
      });
    });
    // After the commit: invalidating earlier would let a concurrent read cache the old overrides.
    this.calendars.invalidate(centreCode);
    return { date, kind: request.kind, reason };
  }

  async remove(centreCode: string, date: string): Promise<void> {
    await this.uow.run({ tenantId: centreCode }, async () => {
      const previous = await this.overrides.find(centreCode, date);
      if (!previous || !(await this.overrides.remove(centreCode, date))) {
        throw CalendarError.CALENDAR_OVERRIDE_NOT_FOUND({ date });
      }
      await this.audit.record(centreCode, {
        action: 'calendar.override_removed',
        subjectType: 'calendar_override',
        subjectId: date,
        details: { previous: { kind: previous.kind, reason: previous.reason } },
      });
    });
    this.calendars.invalidate(centreCode);
  }
}
