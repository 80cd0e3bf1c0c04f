import { ORG_ENTITIES, ORG_MIGRATIONS } from '@zhengwu/org/data-access';
import { PlatformBaseline1795780000000 } from '@zhengwu/server/core/database';

/**
 * Every entity and every migration of the approval core, in order. The API and the test harness
 * both take the schema from here, so tests always run against exactly what production runs.
 */
export const ALL_ENTITIES = [...ORG_ENTITIES];

export const ALL_MIGRATIONS = [PlatformBaseline1795780000000, ...ORG_MIGRATIONS];
