import { Logger, LoggerService } from '@nestjs/common';
import { maskedRecipient } from './contact-masking';
import type { NotificationDriver, NotificationMessage, NotificationRecipients } from './notification-driver';

/**
 * The default channel: nothing leaves the deployment; the applicant reads the notification in the
 * portal, and a structured log line records it. The line names the template, the case and a
 * masked recipient, never the body (it carries the applicant's affairs).
 */
export class LogNotificationDriver implements NotificationDriver {
  readonly name = 'log';

  constructor(
    private readonly recipients?: NotificationRecipients,
    private readonly logger: Pick<LoggerService, 'log'> = new Logger('Notifications'),
  ) {}

  async send(message: NotificationMessage): Promise<void> {
    const contact = this.recipients ? await this.recipients.contactOf(message.applicantId) : undefined;
    this.logger.log({
      event: 'notification.delivered',
      driver: this.name,
      notificationId: message.id,
      centre: message.tenantId,
      template: message.template,
      caseNumber: message.caseNumber,
      locale: message.locale,
      attempt: message.attempt,
      recipient: maskedRecipient(contact, 'mobile') ?? maskedRecipient(contact, 'email') ?? `applicant:${message.applicantId}`,
    });
  }
}
