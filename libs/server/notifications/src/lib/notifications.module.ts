import { TypeOrmModule } from '@nestjs/typeorm';
import { NOTIFICATION_ENTITIES } from './notification-schema';
import { Module } from '@nestjs/common';
import { AppConfig } from '@zhengwu/server/core/config';
import { ListMyNotificationsService } from './api/list-my-notifications.service';
import { MarkNotificationReadService } from './api/mark-notification-read.service';
import { MyNotificationsController } from './api/my-notifications.controller';
import { createNotificationDriver } from './delivery/create-notification-driver';
import { NOTIFICATION_DRIVER, NOTIFICATION_RECIPIENTS, NotificationRecipients } from './delivery/notification-driver';
import { NotificationOutbox } from './notification-outbox';
import { NotificationRepository } from './notification.repository';
import { NotificationRelay } from './relay/notification-relay';

/**
 * Applicant notifications: the outbox feature modules write to (`NotificationOutbox`), the relay
 * that delivers it, and the applicant's `/me/notifications` API.
 *
 * Optional providers it picks up from a global module when one exports them:
 * NOTIFICATION_RECIPIENTS (contact details; required by the smtp and sms-http drivers) and
 * NOTIFICATION_RELAY_SETTINGS (pacing overrides).
 */
@Module({
  // The entities register themselves with the DataSource (autoLoadEntities) wherever this module is used.
  imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES)],
  controllers: [MyNotificationsController],
  providers: [
    NotificationRepository,
    NotificationOutbox,
    NotificationRelay,
    ListMyNotificationsService,
    MarkNotificationReadService,
    {
      provide: NOTIFICATION_DRIVER,
      inject: [AppConfig, { token: NOTIFICATION_RECIPIENTS, optional: true }],
      useFactory: (config: AppConfig, recipients?: NotificationRecipients) => createNotificationDriver(config, recipients),
    },
  ],
  exports: [NotificationOutbox, NotificationRelay],
})
export class NotificationsModule {}
