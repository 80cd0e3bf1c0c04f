import { tzOffset } from '@date-fns/tz';
import { type CivilDate, type DayNumber, assertSupportedDay, fromDayNumber, mod } from './civil-date';

/** China Standard Time: every centre counts days on the Beijing wall clock, wherever the server runs. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const CUTOFF_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Where an instant falls on the China calendar: its civil day and the time of day on that day. */
export interface ChinaWallClock {
  readonly day: DayNumber;
  readonly msOfDay: number;
}

// China has kept UTC+8 all year since its last summer time ended in September 1991.
const FIXED_OFFSET_SINCE = Date.UTC(1991, 11, 31, 16); // 1992-01-01T00:00+08:00
const CHINA_STANDARD_OFFSET_MS = 8 * 60 * MS_PER_MINUTE;

/**
 * Reads an instant on the China wall clock with UTC arithmetic only, never the machine's local
 * time zone, so a server in UTC and a browser in Los Angeles agree. From 1992 the offset is the
 * constant +8 (asking Intl for it costs ~5 µs, most of a deadline computation); earlier instants,
 * which only old records carry, ask the time-zone database because 1986–1991 had summer time.
 */
export function chinaWallClock(instant: Date): ChinaWallClock {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  const local = ms + (ms >= FIXED_OFFSET_SINCE ? CHINA_STANDARD_OFFSET_MS : historicalOffset(instant));
  const day = Math.floor(local / MS_PER_DAY);
  assertSupportedDay(day);
  return { day, msOfDay: mod(local, MS_PER_DAY) };
}

/** The civil date of an instant in China (e.g. 2026-09-30T16:30Z is 2026-10-01). */
export function chinaCivilDate(instant: Date): CivilDate {
  return fromDayNumber(chinaWallClock(instant).day);
}

/** Parses an office-hours cutoff such as `'17:30'` into milliseconds after midnight. */
export function parseCutoff(cutoff: string): number {
  const match = CUTOFF_PATTERN.exec(cutoff);
  if (!match) throw new RangeError(`Not an HH:MM time of day: ${JSON.stringify(cutoff)}`);
  return (Number(match[1]) * 60 + Number(match[2])) * MS_PER_MINUTE;
}

function historicalOffset(instant: Date): number {
  const offsetMinutes = tzOffset(CHINA_TIME_ZONE, instant);
  if (!Number.isFinite(offsetMinutes)) {
    throw new Error(`The runtime has no time-zone data for ${CHINA_TIME_ZONE}`);
  }
  return offsetMinutes * MS_PER_MINUTE;
}
