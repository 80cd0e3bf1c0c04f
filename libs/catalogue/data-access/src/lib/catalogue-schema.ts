// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const CATALOGUE_ENTITIES: Function[] = [];
export const CATALOGUE_MIGRATIONS: Array<new () => import('typeorm').MigrationInterface> = [];
