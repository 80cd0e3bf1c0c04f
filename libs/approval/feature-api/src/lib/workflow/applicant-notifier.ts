import { Injectable } from '@nestjs/common';
import type { ApplicationEntity } from '@zhengwu/approval/data-access';
import { NotificationOutbox } from '@zhengwu/server/notifications';

/**
 * Tells the applicant what happened to their case: the message is written to the notification
 * outbox in the same unit of work as the change, so it is sent if and only if the change commits.
 */
@Injectable()
export class ApplicantNotifier {
  constructor(private readonly outbox: NotificationOutbox) {}

  notify(application: ApplicationEntity, template: string, params: Record<string, string> = {}): Promise<void> {
    return this.outbox.enqueue(application.tenantId, {
      applicantId: application.applicantId,
      template,
      caseNumber: application.caseNumber ?? undefined,
      params: { itemName: application.itemName, caseNumber: application.caseNumber ?? '', ...params },
    });
  }
}
