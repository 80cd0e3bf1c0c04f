/*
 * Resident ID numbers (公民身份号码), GB 11643-1999.
 *
 *   5 1 0 9 8 1 | 1 9 9 0 0 3 0 7 | 1 2 3 | X
 *   address code  date of birth     seq.    check character
 *   (GB/T 2260)   YYYYMMDD          (odd = male)
 *
 * The check character is ISO 7064:1983 MOD 11-2 over the first 17 digits (weights 2^(17-i) mod 11:
 * 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2), written 0–9 or X for 10. Because 11 is prime and no weight
 * is 0 mod 11, every single wrong character changes the sum and is caught; so is every swap of two
 * neighbouring digits (neighbouring weights differ).
 *
 * Lower-case x: ID cards print an upper-case X, but people type the last character in lower case
 * and phone keyboards offer it first. We accept it as the same number and normalise it: the
 * validators judge `normaliseResidentIdNumber(value)`, so callers must STORE the normalised form
 * (otherwise `…123x` and `…123X` become two identities).
 */
import { calendarDateInChina } from './china-calendar-date.util';
import { isRealCalendarDate } from './calendar-date.util';

export type ResidentIdNumberProblem = 'length' | 'format' | 'birthDate' | 'checkDigit';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
// Index = weighted sum mod 11. Equivalent to (12 - sum mod 11) mod 11, with 10 written as X.
const CHECK_CHARACTERS = '10X98765432';
// GB 11643 allows any date, but nobody alive was born before 1900 and such numbers in our input
// are typing errors; the platform refuses them (the standard's own 1880 example is rejected too).
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** Trims surrounding whitespace (including the full-width space) and upper-cases the x. */
export function normaliseResidentIdNumber(value: string): string {
  return value.trim().replace(/x/g, 'X');
}

/** The MOD 11-2 check character for the first 17 digits of a resident ID number. */
export function residentIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    // The value is not echoed: it is (part of) a personal identifier and errors end up in logs.
    throw new RangeError(`residentIdCheckDigit expects 17 digits (got ${first17.length} characters)`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS.charAt(sum % 11);
}

/**
 * What is wrong with a resident ID number, or null if it is valid: `length` (not 18 characters
 * after normalising), `format` (not 17 digits and a digit or X), `birthDate` (not a real date,
 * before 1900 or after `today` in China), `checkDigit` (MOD 11-2 mismatch).
 */
export function residentIdNumberProblem(value: string, today: Date = new Date()): ResidentIdNumberProblem | null {
  const id = normaliseResidentIdNumber(value);
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (!isRealCalendarDate(year, month, day)) return 'birthDate';
  const birthDate = isoDate(id);
  if (birthDate < EARLIEST_BIRTH_DATE || birthDate > calendarDateInChina(today)) return 'birthDate';
  if (residentIdCheckDigit(id.slice(0, 17)) !== id[17]) return 'checkDigit';
  return null;
}

/** Date of birth (`YYYY-MM-DD`) of a valid resident ID number; throws if the number is invalid. */
export function birthDateOfResidentIdNumber(value: string): string {
  const problem = residentIdNumberProblem(value);
  if (problem !== null) {
    throw new RangeError(`Not a valid resident ID number (${problem})`);
  }
  return isoDate(normaliseResidentIdNumber(value));
}

function isoDate(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}
