// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const APPROVAL_ENTITIES: Function[] = [];
export const APPROVAL_MIGRATIONS: Array<new () => import('typeorm').MigrationInterface> = [];
