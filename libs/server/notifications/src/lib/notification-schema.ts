import type { MigrationInterface } from 'typeorm';
import { Notifications1795795000000 } from './migrations/1795795000000-notifications';
import { NotificationEntity } from './notification.entity';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const NOTIFICATION_ENTITIES: Function[] = [NotificationEntity];
export const NOTIFICATION_MIGRATIONS: Array<new () => MigrationInterface> = [Notifications1795795000000];
