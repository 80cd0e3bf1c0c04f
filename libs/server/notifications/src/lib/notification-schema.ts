// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const NOTIFICATION_ENTITIES: Function[] = [];
export const NOTIFICATION_MIGRATIONS: Array<new () => import('typeorm').MigrationInterface> = [];
