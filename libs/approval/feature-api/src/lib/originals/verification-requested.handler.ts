import { Injectable } from '@nestjs/common';
import { OriginalsCheckRepository } from '@zhengwu/approval/data-access';
import { CentreCalendar } from '@zhengwu/calendar/data-access';
import { envelopeHash, RouteHandler } from '@zhengwu/server/routing';
import type { Envelope, VerificationRequestedV1 } from '@zhengwu/shared/contracts';
import { v7 as uuidv7 } from 'uuid';

/**
 * At the verifying centre: a request becomes a task in this centre's own queue, with this centre's
 * own due date (its supervision owns it; the case's clock keeps running at the handling centre).
 */
@Injectable()
@RouteHandler('verification.requested.v1')
export class VerificationRequestedHandler {
  constructor(
    private readonly checks: OriginalsCheckRepository,
    private readonly calendars: CentreCalendar,
  ) {}

  async handle(envelope: Envelope<VerificationRequestedV1>): Promise<void> {
    const tenantId = envelope.to;
    const now = new Date();
    const due = (await this.calendars.forCentre(tenantId)).addWorkingDays(now, envelope.payload.limitWorkingDays);
    await this.checks.addTask(tenantId, {
      tenantId,
      id: uuidv7(),
      handlingCentre: envelope.from,
      caseNumber: envelope.payload.caseNumber,
      itemName: envelope.payload.itemName,
      applicant: envelope.payload.applicant,
      manifest: envelope.payload.materials,
      requestEnvelopeId: envelope.id,
      requestHash: envelopeHash(envelope),
      requestEnvelope: envelope,
      status: 'pending',
      due: due.date,
      dueProvisional: due.provisional,
      assigneeId: null,
      createdAt: now,
      completedAt: null,
      completedBy: null,
      completedByName: null,
      results: null,
      identityChecked: null,
      custody: null,
      courierNumber: null,
    });
  }
}
