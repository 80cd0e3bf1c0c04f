import type { LocalizedText } from './localized-text';

/** GB/T 39046 appendix A: the item type code (事项类型). */
export type ItemTypeCode = '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '20';

export const ITEM_TYPE_LABELS: Readonly<Record<ItemTypeCode, LocalizedText>> = Object.freeze({
  '01': { zh: '行政许可', en: 'Administrative licensing' },
  '02': { zh: '行政处罚', en: 'Administrative penalty' },
  '03': { zh: '行政强制', en: 'Administrative enforcement' },
  '04': { zh: '行政征收', en: 'Administrative levy' },
  '05': { zh: '行政给付', en: 'Administrative benefit' },
  '06': { zh: '行政检查', en: 'Administrative inspection' },
  '07': { zh: '行政确认', en: 'Administrative confirmation' },
  '08': { zh: '行政奖励', en: 'Administrative award' },
  '09': { zh: '行政裁决', en: 'Administrative adjudication' },
  '10': { zh: '其他行政权力', en: 'Other administrative power' },
  '20': { zh: '公共服务', en: 'Public service' },
});

export const ITEM_TYPE_CODES: readonly ItemTypeCode[] = Object.freeze(Object.keys(ITEM_TYPE_LABELS) as ItemTypeCode[]);

export function isItemTypeCode(value: unknown): value is ItemTypeCode {
  return typeof value === 'string' && (ITEM_TYPE_CODES as readonly string[]).includes(value);
}
