import { type CivilDate, chinaCivilDate, isCivilDate } from '@zhengwu/calendar/domain';
import { hasValidMod11_2CheckCharacter, mod11_2CheckCharacter } from './iso7064-mod11-2';
import { type ItemTypeCode, isItemTypeCode } from './item-type';

/*
 * The application number (办件编号), 23 characters (ARCHITECTURE.md §5):
 *
 *   510100 | 20261008 | 01 | 000042 | 7
 *   handling centre's division code (GB/T 2260) · submission date in China · item type
 *   (GB/T 39046: 01–10, 20) · the centre's sequence for that day (allocated by the server)
 *   · ISO 7064 MOD 11-2 check character over the 22 digits (0–9 or X)
 *
 * The date is the civil date in China (Asia/Shanghai): a submission at 2026-09-30T16:30Z is
 * numbered 20261001. Pass the submission instant (`Date`) and the conversion is done here; never
 * slice `toISOString()`, which gives the UTC date.
 *
 * Typed input is trimmed and a lower-case x is accepted as X (see `normaliseCaseNumber`): look
 * numbers up by their normalised form, which is also the form this module produces.
 */

export interface CaseNumberParts {
  centreCode: string;
  /** `YYYY-MM-DD` */
  date: string;
  itemTypeCode: string;
  sequence: number;
}

export const CASE_NUMBER_LENGTH = 23;
export const MAX_DAILY_SEQUENCE = 999_999;

const CASE_NUMBER_PATTERN = /^([1-9]\d{5})(\d{4})(\d{2})(\d{2})(\d{2})(\d{6})([\dX])$/;
const DIVISION_CODE_PATTERN = /^[1-9]\d{5}$/;

export function formatCaseNumber(parts: {
  centreCode: string;
  date: CivilDate | string | Date;
  itemTypeCode: string;
  sequence: number;
}): string {
  if (!DIVISION_CODE_PATTERN.test(parts.centreCode)) {
    throw new RangeError(`A centre code is a 6-digit division code (GB/T 2260), got ${JSON.stringify(parts.centreCode)}`);
  }
  const date = parts.date instanceof Date ? chinaCivilDate(parts.date) : parts.date;
  if (!isCivilDate(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  if (!isItemTypeCode(parts.itemTypeCode)) {
    throw new RangeError(`Not a GB/T 39046 item type code (01–10, 20): ${JSON.stringify(parts.itemTypeCode)}`);
  }
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1 || parts.sequence > MAX_DAILY_SEQUENCE) {
    throw new RangeError(`The daily sequence must be 1…${MAX_DAILY_SEQUENCE}, got ${parts.sequence}`);
  }
  const sequence = String(parts.sequence).padStart(6, '0');
  const digits = `${parts.centreCode}${date.replace(/-/g, '')}${parts.itemTypeCode}${sequence}`;
  return digits + mod11_2CheckCharacter(digits);
}

/** The parts of a well-formed number, or null when it is malformed or its check character fails. */
export function parseCaseNumber(value: string): CaseNumberParts | null {
  const normalised = normaliseCaseNumber(value);
  const match = CASE_NUMBER_PATTERN.exec(normalised);
  if (!match || !hasValidMod11_2CheckCharacter(normalised)) return null;
  const [, centreCode, year, month, day, itemTypeCode, sequence] = match;
  const date = `${year}-${month}-${day}`;
  if (!isCivilDate(date) || !isItemTypeCode(itemTypeCode as ItemTypeCode) || Number(sequence) < 1) return null;
  return { centreCode, date, itemTypeCode, sequence: Number(sequence) };
}

export function isValidCaseNumber(value: string): boolean {
  return parseCaseNumber(value) !== null;
}

/** Trims whitespace (including the full-width space) and upper-cases a trailing x. */
export function normaliseCaseNumber(value: string): string {
  return value.trim().replace(/x$/, 'X');
}
