import type { NotificationLocale, NotificationTemplateName } from '@zhengwu/shared/contracts';

/** One notification on its way out, in the language the applicant chose. */
export interface NotificationMessage {
  id: string;
  /** The sending centre. */
  tenantId: string;
  applicantId: string;
  template: NotificationTemplateName;
  locale: NotificationLocale;
  subject: string;
  body: string;
  caseNumber: string | null;
  /** 1 for the first try. */
  attempt: number;
}

/**
 * Hands a notification to a channel. Resolving means the channel took it; throwing means try
 * again later, unless the error is a NotificationUndeliverableError.
 */
export interface NotificationDriver {
  readonly name: string;
  send(message: NotificationMessage): Promise<void>;
}

export const NOTIFICATION_DRIVER = Symbol('NOTIFICATION_DRIVER');

/** A failure no retry can fix (no address to send to): the notification goes straight to `dead`. */
export class NotificationUndeliverableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotificationUndeliverableError';
  }
}

export interface NotificationContact {
  name: string;
  mobile?: string;
  email?: string;
}

/**
 * Where an applicant can be reached. Contact data is not copied into notifications; the app binds
 * this (in org, which holds the applicants and decrypts their mobile numbers). It is called outside
 * any unit of work, so an implementation opens its own (`UnitOfWork.run({ applicantId })`).
 */
export interface NotificationRecipients {
  contactOf(applicantId: string): Promise<NotificationContact | null>;
}

export const NOTIFICATION_RECIPIENTS = Symbol('NOTIFICATION_RECIPIENTS');
