export * from './lib/catalogue-feature.module';
export * from './lib/catalogue-errors';
export { DEMO_CATALOGUE, SEED_STORY_ITEM } from './lib/seed/data/demo-catalogue';
export { demoItemCodes } from './lib/seed/data/demo-codes';
export type { SeedCentre, SeedItem } from './lib/seed/data/seed-types';
