import { Injectable } from '@nestjs/common';
import { caseDeadlines, stepDeadline } from '@zhengwu/approval/domain';
import { ApplicationEntity, ApplicationPauseEntity, ApplicationStepEntity } from '@zhengwu/approval/data-access';
import type { Pause } from '@zhengwu/calendar/domain';
import { CentreCalendar } from '@zhengwu/calendar/data-access';

/** The working-day deadlines of a case and its current step, from the centre's calendar. */
@Injectable()
export class DeadlinesService {
  constructor(private readonly calendars: CentreCalendar) {}

  async forCase(
    application: ApplicationEntity,
    pauses: readonly ApplicationPauseEntity[],
    afterHoursCutoff: string | null,
  ): Promise<Pick<ApplicationEntity, 'promisedDue' | 'legalDue' | 'deadlinesProvisional'>> {
    if (!application.acceptedAt) {
      return { promisedDue: null, legalDue: null, deadlinesProvisional: false };
    }
    const calendar = await this.calendars.forCentre(application.tenantId);
    const result = caseDeadlines(calendar, {
      acceptedAt: application.acceptedAt,
      promised: { value: application.promisedLimitValue, unit: application.promisedLimitUnit },
      legal: { value: application.legalLimitValue, unit: application.legalLimitUnit },
      extensionWorkingDays: application.extensionWorkingDays,
      pauses: toPauses(pauses),
      ...(afterHoursCutoff ? { afterHoursCutoff } : {}),
    });
    return { promisedDue: result.promisedDue, legalDue: result.legalDue, deadlinesProvisional: result.provisional };
  }

  async forStep(
    tenantId: string,
    step: Pick<ApplicationStepEntity, 'startedAt' | 'limitWorkingDays'>,
    pauses: readonly ApplicationPauseEntity[],
  ): Promise<{ due: string | null; provisional: boolean }> {
    const calendar = await this.calendars.forCentre(tenantId);
    const result = stepDeadline(calendar, { startedAt: step.startedAt, limitWorkingDays: step.limitWorkingDays, pauses: toPauses(pauses) });
    return { due: result.due, provisional: result.provisional };
  }
}

function toPauses(pauses: readonly ApplicationPauseEntity[]): Pause[] {
  return pauses.map((pause) => ({ from: pause.startedAt, to: pause.endedAt, reason: pause.kind }));
}
