import { SHEHONG } from './demo-shehong';
import { SICHUAN } from './demo-sichuan';
import { SUINING } from './demo-suining';
import type { SeedCentre } from './seed-types';

/** The demo catalogue of the three demo centres (province, Suining city, Shehong county). */
export const DEMO_CATALOGUE: readonly SeedCentre[] = [SICHUAN, SUINING, SHEHONG];

/**
 * The city item of the seed story (ARCHITECTURE.md §2): a Shehong applicant applies to Suining,
 * originals are checked at Shehong. Its implementation code is derived as for every seed item.
 */
export const SEED_STORY_ITEM = { centreCode: SUINING.code, name: '食品经营许可（新办）', basicCode: '000105129000' } as const;
