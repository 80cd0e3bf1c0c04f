import { Injectable } from '@nestjs/common';
import type { ApplicationEntity } from '@zhengwu/approval/data-access';
import { RoutedOutbox } from '@zhengwu/server/routing';
import type { ApplicationStatusV1 } from '@zhengwu/shared/contracts';

/**
 * 代收 status flowing back: every change of status of a case that came from another centre's counter
 * is reported to that counter through the routing outbox, in the unit of work of the change itself,
 * so the counter's view never runs ahead of (or loses) what happened at the handling centre.
 */
@Injectable()
export class IntakeStatusReporter {
  constructor(private readonly outbox: RoutedOutbox) {}

  async report(application: ApplicationEntity, actorId: string | null, note: string | null, at: Date): Promise<void> {
    if (!application.counterIntakeId) return;
    const payload: ApplicationStatusV1 = {
      intakeId: application.counterIntakeId,
      ...(application.caseNumber ? { caseNumber: application.caseNumber } : {}),
      status: application.status,
      ...(application.resultType ? { resultType: application.resultType } : {}),
      ...(note ? { note: note.slice(0, 2000) } : {}),
      at: at.toISOString(),
    };
    await this.outbox.send(application.tenantId, {
      type: 'application.status.v1',
      to: application.receivingCentre,
      issue: application.caseNumber,
      actor: actorId,
      payload,
    });
  }
}
