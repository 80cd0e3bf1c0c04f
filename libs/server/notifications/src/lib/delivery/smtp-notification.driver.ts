import type { Transporter } from 'nodemailer';
import { NotificationDriver, NotificationMessage, NotificationRecipients, NotificationUndeliverableError } from './notification-driver';

/** E-mail through an SMTP relay (nodemailer), plain text, in the applicant's language. */
export class SmtpNotificationDriver implements NotificationDriver {
  readonly name = 'smtp';

  constructor(
    private readonly transport: Transporter,
    private readonly from: string,
    private readonly recipients: NotificationRecipients,
  ) {}

  async send(message: NotificationMessage): Promise<void> {
    const contact = await this.recipients.contactOf(message.applicantId);
    if (!contact?.email) {
      throw new NotificationUndeliverableError('The applicant has no e-mail address');
    }
    await this.transport.sendMail({
      from: this.from,
      to: { name: contact.name, address: contact.email },
      subject: message.subject,
      text: message.body,
      headers: { 'X-Zhengwu-Reference': message.id },
    });
  }
}
