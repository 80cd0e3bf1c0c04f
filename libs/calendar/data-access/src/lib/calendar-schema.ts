// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const CALENDAR_ENTITIES: Function[] = [];
export const CALENDAR_MIGRATIONS: Array<new () => import('typeorm').MigrationInterface> = [];
