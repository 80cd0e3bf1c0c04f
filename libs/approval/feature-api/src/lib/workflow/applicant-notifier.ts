import { Injectable } from '@nestjs/common';
import type { ApplicationEntity } from '@zhengwu/approval/data-access';
import { NotificationOutbox, NotificationTemplateParams } from '@zhengwu/server/notifications';
import type { NotificationTemplateName } from '@zhengwu/shared/contracts';

/**
 * Tells the applicant what happened to their case: the message is written to the notification
 * outbox in the same unit of work as the change, so it is sent if and only if the change commits.
 */
@Injectable()
export class ApplicantNotifier {
  constructor(private readonly outbox: NotificationOutbox) {}

  async notify<T extends NotificationTemplateName>(
    application: ApplicationEntity,
    template: T,
    params: Omit<NotificationTemplateParams[T], 'itemName'>,
  ): Promise<void> {
    await this.outbox.enqueue(application.tenantId, {
      applicantId: application.applicantId,
      template,
      caseNumber: application.caseNumber ?? undefined,
      params: { ...params, itemName: application.itemName } as NotificationTemplateParams[T],
    });
  }
}
