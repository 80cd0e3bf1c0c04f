/** The languages a notification is rendered in; `locale` picks the one sent to the applicant. */
export type NotificationLocale = 'zh-CN' | 'en';
export const NOTIFICATION_LOCALES: readonly NotificationLocale[] = Object.freeze(['zh-CN', 'en']);

/** What happened that the applicant is told about; each has a zh-CN and an English template. */
export type NotificationTemplateName =
  | 'application.returned'
  | 'application.accepted'
  | 'application.not_accepted'
  | 'application.approved'
  | 'application.denied'
  | 'application.completed'
  | 'application.extended'
  | 'application.special_procedure_started'
  | 'rating.rectification_opened';

export const NOTIFICATION_TEMPLATE_NAMES: readonly NotificationTemplateName[] = Object.freeze([
  'application.returned',
  'application.accepted',
  'application.not_accepted',
  'application.approved',
  'application.denied',
  'application.completed',
  'application.extended',
  'application.special_procedure_started',
  'rating.rectification_opened',
]);
