import { APPROVAL_ENTITIES, APPROVAL_MIGRATIONS } from '@zhengwu/approval/data-access';
import { CALENDAR_ENTITIES, CALENDAR_MIGRATIONS } from '@zhengwu/calendar/data-access';
import { CATALOGUE_ENTITIES, CATALOGUE_MIGRATIONS } from '@zhengwu/catalogue/data-access';
import { ORG_ENTITIES, ORG_MIGRATIONS } from '@zhengwu/org/data-access';
import { PlatformBaseline1795780000000 } from '@zhengwu/server/core/database';
import { NOTIFICATION_ENTITIES, NOTIFICATION_MIGRATIONS } from '@zhengwu/server/notifications';

/**
 * Every entity and every migration of the approval core. The API and the test harness both take
 * the schema from here, so tests always run against exactly what production runs. Migrations run
 * in timestamp order; each scope owns a range: org 17957800xxxxx, calendar 17957850xxxxx,
 * catalogue 17957900xxxxx, notifications 17957950xxxxx, approval 17958000xxxxx.
 */
export const ALL_ENTITIES = [...ORG_ENTITIES, ...CALENDAR_ENTITIES, ...CATALOGUE_ENTITIES, ...NOTIFICATION_ENTITIES, ...APPROVAL_ENTITIES];

export const ALL_MIGRATIONS = [
  PlatformBaseline1795780000000,
  ...ORG_MIGRATIONS,
  ...CALENDAR_MIGRATIONS,
  ...CATALOGUE_MIGRATIONS,
  ...NOTIFICATION_MIGRATIONS,
  ...APPROVAL_MIGRATIONS,
];
