import type { SeedItem } from './seed-types';

type Defaulted = 'crossRegionScope' | 'handlingForms' | 'onlineApplicable' | 'fullyOnline' | 'feeFen' | 'feeDescription' | 'originalsCheckRequired' | 'onSiteInspection';

/** Most items: window and online (PC, mobile), free, no originals check, no on-site inspection. */
export function demoItem(item: Omit<SeedItem, Defaulted> & Partial<Pick<SeedItem, Defaulted>>): SeedItem {
  return {
    crossRegionScope: 'none',
    handlingForms: [1, 2, 3],
    onlineApplicable: true,
    fullyOnline: false,
    feeFen: 0,
    feeDescription: '不收费',
    originalsCheckRequired: false,
    onSiteInspection: false,
    ...item,
  };
}
