import type { AppConfig } from '@zhengwu/server/core/config';
import { createTransport } from 'nodemailer';
import { LogNotificationDriver } from './log-notification.driver';
import type { NotificationDriver, NotificationRecipients } from './notification-driver';
import { SmsHttpNotificationDriver } from './sms-http-notification.driver';
import { SmtpNotificationDriver } from './smtp-notification.driver';

/** A channel that does not answer within this long has failed this attempt (the relay retries). */
export const SEND_TIMEOUT_MS = 20_000;

/**
 * The driver NOTIFICATION_DRIVER names. A misconfigured channel stops the boot with a message that
 * names what to set, rather than failing every notification later.
 */
export function createNotificationDriver(config: AppConfig, recipients?: NotificationRecipients): NotificationDriver {
  switch (config.NOTIFICATION_DRIVER) {
    case 'log':
      return new LogNotificationDriver(recipients);
    case 'smtp': {
      const { SMTP_URL, SMTP_FROM } = config;
      if (!SMTP_URL || !SMTP_FROM) {
        throw new Error('NOTIFICATION_DRIVER=smtp needs SMTP_URL and SMTP_FROM');
      }
      const transport = createTransport({
        url: SMTP_URL,
        connectionTimeout: SEND_TIMEOUT_MS,
        greetingTimeout: SEND_TIMEOUT_MS,
        socketTimeout: SEND_TIMEOUT_MS,
      });
      return new SmtpNotificationDriver(transport, SMTP_FROM, requireRecipients(recipients, 'smtp'));
    }
    case 'sms-http': {
      const { SMS_GATEWAY_URL, SMS_GATEWAY_TOKEN } = config;
      if (!SMS_GATEWAY_URL || !SMS_GATEWAY_TOKEN) {
        throw new Error('NOTIFICATION_DRIVER=sms-http needs SMS_GATEWAY_URL and SMS_GATEWAY_TOKEN');
      }
      return new SmsHttpNotificationDriver(
        { url: SMS_GATEWAY_URL, token: SMS_GATEWAY_TOKEN, timeoutMs: SEND_TIMEOUT_MS },
        requireRecipients(recipients, 'sms-http'),
      );
    }
    default: {
      const unknown: never = config.NOTIFICATION_DRIVER;
      throw new Error(`Unknown NOTIFICATION_DRIVER ${String(unknown)}`);
    }
  }
}

function requireRecipients(recipients: NotificationRecipients | undefined, driver: string): NotificationRecipients {
  if (!recipients) {
    throw new Error(`NOTIFICATION_DRIVER=${driver} needs a NOTIFICATION_RECIPIENTS provider (applicants' contact details)`);
  }
  return recipients;
}
