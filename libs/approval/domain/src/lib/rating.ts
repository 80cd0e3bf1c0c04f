import type { LocalizedText } from './localized-text';

/*
 * 好差评 (GB/T 39734-2020, GB/T 39735-2020; 国办发〔2019〕51号). One internal enum; the two
 * external code directions are mapped at each boundary (DOMAIN.md):
 *   GB/T 39046 data exchange: 1 = 非常满意 … 5 = 非常不满意
 *   好差评 system exchange:   1 = 非常不满意 … 5 = 非常满意
 * Mixing them up turns praise into complaints, so nothing outside this file uses raw codes.
 */

export enum RatingLevel {
  VerySatisfied = 'very_satisfied',
  Satisfied = 'satisfied',
  Basic = 'basic',
  Dissatisfied = 'dissatisfied',
  VeryDissatisfied = 'very_dissatisfied',
}

export type RatingCode = 1 | 2 | 3 | 4 | 5;

/** Best first: the GB/T 39046 order. */
export const RATING_LEVELS: readonly RatingLevel[] = Object.freeze([
  RatingLevel.VerySatisfied,
  RatingLevel.Satisfied,
  RatingLevel.Basic,
  RatingLevel.Dissatisfied,
  RatingLevel.VeryDissatisfied,
]);

export function toGbt39046Code(level: RatingLevel): RatingCode {
  return (indexOfLevel(level) + 1) as RatingCode;
}

export function fromGbt39046Code(code: number): RatingLevel {
  return RATING_LEVELS[checkedCode(code, 'GB/T 39046 satisfaction') - 1];
}

export function toHaoChaPingCode(level: RatingLevel): RatingCode {
  return (RATING_LEVELS.length - indexOfLevel(level)) as RatingCode;
}

export function fromHaoChaPingCode(code: number): RatingLevel {
  return RATING_LEVELS[RATING_LEVELS.length - checkedCode(code, '好差评')];
}

/** 差评: 不满意 and 非常不满意. Every one opens a rectification case. */
export function isBadReview(level: RatingLevel): boolean {
  indexOfLevel(level);
  return level === RatingLevel.Dissatisfied || level === RatingLevel.VeryDissatisfied;
}

export const RATING_LABELS: Readonly<Record<RatingLevel, LocalizedText>> = Object.freeze({
  [RatingLevel.VerySatisfied]: { zh: '非常满意', en: 'Very satisfied' },
  [RatingLevel.Satisfied]: { zh: '满意', en: 'Satisfied' },
  [RatingLevel.Basic]: { zh: '基本满意', en: 'Fairly satisfied' },
  [RatingLevel.Dissatisfied]: { zh: '不满意', en: 'Dissatisfied' },
  [RatingLevel.VeryDissatisfied]: { zh: '非常不满意', en: 'Very dissatisfied' },
});

/** Indicators rated online (GB/T 39734). */
export type OnlineIndicator = 'efficiency' | 'guide_accuracy' | 'convenience' | 'usability';
export const ONLINE_INDICATORS: Readonly<Record<OnlineIndicator, LocalizedText>> = Object.freeze({
  efficiency: { zh: '办事效率', en: 'Efficiency' },
  guide_accuracy: { zh: '办事指南准确性', en: 'Accuracy of the service guide' },
  convenience: { zh: '办事便捷程度', en: 'Convenience' },
  usability: { zh: '平台易用性', en: 'Ease of use' },
});

/** Indicators rated at the hall (GB/T 39735). */
export type HallIndicator = 'efficiency' | 'competence' | 'attitude';
export const HALL_INDICATORS: Readonly<Record<HallIndicator, LocalizedText>> = Object.freeze({
  efficiency: { zh: '办事效率', en: 'Efficiency' },
  competence: { zh: '业务能力', en: 'Competence' },
  attitude: { zh: '服务态度', en: 'Attitude' },
});

/** Where a rating was given: 1 PC, 2 mobile, 3 QR code, 4 hall pad, 5 other hall terminal, 6 phone, 7 SMS. */
export type RatingChannel = 'pc' | 'mobile' | 'qr_code' | 'hall_pad' | 'hall_terminal' | 'phone' | 'sms';
export type RatingChannelCode = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** In code order. */
export const RATING_CHANNELS: readonly RatingChannel[] = Object.freeze([
  'pc',
  'mobile',
  'qr_code',
  'hall_pad',
  'hall_terminal',
  'phone',
  'sms',
]);

export const RATING_CHANNEL_LABELS: Readonly<Record<RatingChannel, LocalizedText>> = Object.freeze({
  pc: { zh: 'PC端', en: 'PC' },
  mobile: { zh: '移动端', en: 'Mobile' },
  qr_code: { zh: '二维码', en: 'QR code' },
  hall_pad: { zh: '政务大厅评价器', en: 'Hall rating pad' },
  hall_terminal: { zh: '政务大厅其他终端', en: 'Other hall terminal' },
  phone: { zh: '电话', en: 'Phone' },
  sms: { zh: '短信', en: 'SMS' },
});

export function toRatingChannelCode(channel: RatingChannel): RatingChannelCode {
  const index = RATING_CHANNELS.indexOf(channel);
  if (index < 0) throw new RangeError(`Unknown rating channel: ${String(channel)}`);
  return (index + 1) as RatingChannelCode;
}

export function fromRatingChannelCode(code: number): RatingChannel {
  if (!Number.isInteger(code) || code < 1 || code > RATING_CHANNELS.length) {
    throw new RangeError(`Not a rating channel code (1–7): ${code}`);
  }
  return RATING_CHANNELS[code - 1];
}

function indexOfLevel(level: RatingLevel): number {
  const index = RATING_LEVELS.indexOf(level);
  if (index < 0) throw new RangeError(`Unknown rating level: ${String(level)}`);
  return index;
}

function checkedCode(code: number, scale: string): RatingCode {
  if (!Number.isInteger(code) || code < 1 || code > 5) throw new RangeError(`Not a ${scale} code (1–5): ${code}`);
  return code as RatingCode;
}
