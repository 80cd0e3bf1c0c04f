// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ROUTING_ENTITIES: Function[] = [];
export const ROUTING_MIGRATIONS: Array<new () => import('typeorm').MigrationInterface> = [];
