import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type { Principal } from '@zhengwu/server/core/tenancy';
import type { ListMyNotificationsQuery, NotificationPage, UnreadNotificationCount } from '@zhengwu/shared/contracts';
import { NotificationRepository } from '../notification.repository';
import { applicantIdOf, toNotificationView } from './notification-view';

/** The signed-in applicant's notifications from every centre: no centre in scope, their rows only. */
@Injectable()
export class ListMyNotificationsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly notifications: NotificationRepository,
  ) {}

  list(principal: Principal, query: ListMyNotificationsQuery): Promise<NotificationPage> {
    const applicantId = applicantIdOf(principal);
    const { page, pageSize } = query;
    return this.uow.run({ applicantId }, async () => {
      const [rows, total] = await this.notifications.listForApplicant(applicantId, {
        unreadOnly: query.unread === true,
        offset: (page - 1) * pageSize,
        limit: pageSize,
      });
      return { items: rows.map(toNotificationView), page, pageSize, total };
    });
  }

  unreadCount(principal: Principal): Promise<UnreadNotificationCount> {
    const applicantId = applicantIdOf(principal);
    return this.uow.run({ applicantId }, async () => ({ unread: await this.notifications.countUnread(applicantId) }));
  }
}
