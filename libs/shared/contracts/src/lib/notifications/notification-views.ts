import type { LocalizedMessage } from '../errors/error-body';
import type { NotificationTemplateName } from './notification-vocabulary';

/**
 * One notification as the applicant sees it: both languages as rendered when it was written, so
 * what they read never changes when the templates do.
 */
export interface NotificationView {
  id: string;
  /** The centre that sent it (GB/T 2260 code). */
  centreCode: string;
  template: NotificationTemplateName;
  subject: LocalizedMessage;
  body: LocalizedMessage;
  caseNumber: string | null;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601, or null while unread. */
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationView[];
  page: number;
  pageSize: number;
  total: number;
}

export interface UnreadNotificationCount {
  unread: number;
}
