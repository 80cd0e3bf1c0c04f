import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type { Principal } from '@zhengwu/server/core/tenancy';
import type { NotificationView } from '@zhengwu/shared/contracts';
import { NotificationError } from '../notification-errors';
import { NotificationRepository } from '../notification.repository';
import { applicantIdOf, toNotificationView } from './notification-view';

/** Marks one of the applicant's notifications read; repeating it changes nothing (the first time stays). */
@Injectable()
export class MarkNotificationReadService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly notifications: NotificationRepository,
  ) {}

  markRead(principal: Principal, id: string): Promise<NotificationView> {
    const applicantId = applicantIdOf(principal);
    return this.uow.run({ applicantId }, async () => {
      const notification = await this.notifications.markRead(applicantId, id);
      // Someone else's notification is as absent as a missing one: nothing tells them it exists.
      if (!notification) {
        throw NotificationError.NOTIFICATION_NOT_FOUND();
      }
      return toNotificationView(notification);
    });
  }
}
