import { APPROVAL_MIGRATIONS } from '@zhengwu/approval/data-access';
import { CALENDAR_MIGRATIONS } from '@zhengwu/calendar/data-access';
import { CATALOGUE_MIGRATIONS } from '@zhengwu/catalogue/data-access';
import { ORG_MIGRATIONS } from '@zhengwu/org/data-access';
import { PlatformBaseline1795780000000 } from '@zhengwu/server/core/database';
import { NOTIFICATION_MIGRATIONS } from '@zhengwu/server/notifications';
import { ROUTING_MIGRATIONS } from '@zhengwu/server/routing';
import { SUPERVISION_MIGRATIONS } from '@zhengwu/supervision/data-access';

/**
 * Every migration of the approval core. The API and the test database both take them from here,
 * so tests always run against exactly what production runs (entities register themselves with
 * TypeOrmModule.forFeature in their data-access modules). Migrations run in timestamp order; each
 * scope owns a range: org 17957800xxxxx, calendar 17957850xxxxx, catalogue 17957900xxxxx,
 * notifications 17957950xxxxx, approval 17958000xxxxx, routing 17958100xxxxx, supervision 17958200xxxxx.
 */
export const ALL_MIGRATIONS = [
  PlatformBaseline1795780000000,
  ...ORG_MIGRATIONS,
  ...CALENDAR_MIGRATIONS,
  ...CATALOGUE_MIGRATIONS,
  ...NOTIFICATION_MIGRATIONS,
  ...APPROVAL_MIGRATIONS,
  ...ROUTING_MIGRATIONS,
  ...SUPERVISION_MIGRATIONS,
];
