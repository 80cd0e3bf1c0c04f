import type { NotificationView } from '@zhengwu/shared/contracts';
import type { Principal } from '@zhengwu/server/core/tenancy';
import type { NotificationEntity } from '../notification.entity';
import { NotificationError } from '../notification-errors';

export function toNotificationView(notification: NotificationEntity): NotificationView {
  return {
    id: notification.id,
    centreCode: notification.tenantId,
    template: notification.template,
    subject: { zh: notification.subjectZh, en: notification.subjectEn },
    body: { zh: notification.bodyZh, en: notification.bodyEn },
    caseNumber: notification.caseNumber,
    createdAt: notification.createdAt.toISOString(),
    readAt: notification.readAt?.toISOString() ?? null,
  };
}

/**
 * The applicant a /me/notifications call is for. The permission already admits applicants only;
 * this keeps it so if a staff role ever gains it: staff never read notification bodies here.
 */
export function applicantIdOf(principal: Principal): string {
  if (principal.kind !== 'applicant') {
    throw NotificationError.NOTIFICATIONS_APPLICANTS_ONLY();
  }
  return principal.id;
}
