import { NotificationDriver, NotificationMessage, NotificationRecipients, NotificationUndeliverableError } from './notification-driver';

export interface SmsGatewayOptions {
  url: string;
  token: string;
  timeoutMs: number;
}

/**
 * Text messages through an HTTP SMS gateway: `POST {to, text, template, reference}` with a bearer
 * token; any 2xx is accepted, anything else is a failure to retry. `reference` is the notification
 * id, so a gateway that deduplicates can drop the rare resend after a crash.
 */
export class SmsHttpNotificationDriver implements NotificationDriver {
  readonly name = 'sms-http';

  constructor(
    private readonly options: SmsGatewayOptions,
    private readonly recipients: NotificationRecipients,
  ) {}

  async send(message: NotificationMessage): Promise<void> {
    const contact = await this.recipients.contactOf(message.applicantId);
    if (!contact?.mobile) {
      throw new NotificationUndeliverableError('The applicant has no mobile number');
    }
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.token}` },
      body: JSON.stringify({ to: contact.mobile, text: message.body, template: message.template, reference: message.id }),
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    // The gateway's answer is not read into errors: it may echo the number or the text.
    await response.body?.cancel();
    if (!response.ok) {
      throw new Error(`SMS gateway answered HTTP ${response.status}`);
    }
  }
}
