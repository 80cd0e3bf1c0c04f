/*
 * Valid resident ID numbers (GB 11643) and unified social credit codes (GB 32100) for other
 * libraries' tests and seed data. Deterministic when every option is given, random otherwise;
 * the result always passes `residentIdNumberProblem` / `usccProblem`. Not for production use: the
 * numbers are well-formed, not issued to anyone (though a random one may coincide with a real one).
 */
import { calendarDateInChina } from './china-calendar-date.util';
import { isRealCalendarDate } from './calendar-date.util';
import { organisationCodeCheckCharacter } from './organisation-code.util';
import { residentIdCheckDigit } from './resident-id-number.validator';
import { usccCheckCharacter } from './uscc.validator';

// County-level Sichuan divisions (GB/T 2260) used when the caller does not choose one.
const SAMPLE_DIVISION_CODES = ['510104', '510107', '510681', '510903', '510981', '511302', '513401'] as const;
const RANDOM_BIRTH_DATES_FROM = Date.UTC(1940, 0, 1);
const RANDOM_BIRTH_DATES_TO = Date.UTC(2005, 11, 31);
const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_SERIAL = 99_999_999;

export interface ResidentIdNumberOptions {
  /** 6-digit GB/T 2260 code; random Sichuan county if omitted. */
  divisionCode?: string;
  /** `YYYY-MM-DD`, from 1900-01-01 to today (China); random 1940–2005 if omitted. */
  birthDate?: string;
  /** 0–999; odd means male. Random if omitted. */
  sequence?: number;
}

export interface UsccOptions {
  /** 6-digit GB/T 2260 code of the registering authority; random Sichuan county if omitted. */
  divisionCode?: string;
  /** 0–99,999,999, becomes the 8-digit organisation code body. Random if omitted. */
  serial?: number;
}

export function generateResidentIdNumber(options: ResidentIdNumberOptions = {}): string {
  const division = divisionCodeOption(options.divisionCode);
  const birthDate = options.birthDate ?? randomBirthDate();
  assertBirthDate(birthDate);
  const sequence = options.sequence ?? randomInt(0, 999);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError(`sequence must be an integer from 0 to 999, got ${sequence}`);
  }
  const first17 = `${division}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckDigit(first17);
}

/** A company code (registration authority 9, category 1) with a valid embedded organisation code. */
export function generateUscc(options: UsccOptions = {}): string {
  const division = divisionCodeOption(options.divisionCode);
  const serial = options.serial ?? randomInt(0, MAX_SERIAL);
  if (!Number.isInteger(serial) || serial < 0 || serial > MAX_SERIAL) {
    throw new RangeError(`serial must be an integer from 0 to ${MAX_SERIAL}, got ${serial}`);
  }
  const body = String(serial).padStart(8, '0');
  const first17 = `91${division}${body}${organisationCodeCheckCharacter(body)}`;
  return first17 + usccCheckCharacter(first17);
}

function divisionCodeOption(code: string | undefined): string {
  const division = code ?? SAMPLE_DIVISION_CODES[randomInt(0, SAMPLE_DIVISION_CODES.length - 1)];
  if (!/^\d{6}$/.test(division)) {
    throw new RangeError(`divisionCode must be 6 digits, got "${division}"`);
  }
  return division;
}

function assertBirthDate(date: string): void {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const real = match !== null && isRealCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  if (!real || date < '1900-01-01' || date > calendarDateInChina()) {
    throw new RangeError(`birthDate must be a real YYYY-MM-DD date from 1900-01-01 to today, got "${date}"`);
  }
}

function randomBirthDate(): string {
  const days = randomInt(0, (RANDOM_BIRTH_DATES_TO - RANDOM_BIRTH_DATES_FROM) / DAY_MS);
  return new Date(RANDOM_BIRTH_DATES_FROM + days * DAY_MS).toISOString().slice(0, 10);
}

/** Uniform integer in [min, max]. Math.random is enough: this is test data, not a secret. */
function randomInt(min: number, max: number): number {
  return min + Math.floor(Math.random() * (max - min + 1));
}
