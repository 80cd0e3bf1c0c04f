import { IsIn, IsString, MaxLength, MinLength, Matches } from 'class-validator';
import { IsCivilDateString } from './civil-date.validator';

export const CALENDAR_OVERRIDE_KINDS = ['closed', 'open'] as const;
export type CalendarOverrideKind = (typeof CALENDAR_OVERRIDE_KINDS)[number];
/** The longest range one calendar request may ask for (a year, leap years included). */
export const CALENDAR_MAX_RANGE_DAYS = 366;
export const CALENDAR_OVERRIDE_REASON_MAX_LENGTH = 200;

/** `GET /centres/:centreCode/calendar?from=…&to=…` (both inclusive). */
export class CalendarRangeQuery {
  @IsCivilDateString()
  from!: string;

  @IsCivilDateString()
  to!: string;
}

/** `PUT /centres/:centreCode/calendar/overrides/:date`. */
export class SetCalendarOverrideRequest {
  @IsIn(CALENDAR_OVERRIDE_KINDS)
  kind!: CalendarOverrideKind;

  /** Shown to applicants and staff, e.g. 防汛应急闭厅 or 周末延时服务. */
  @IsString()
  @MinLength(1)
  @MaxLength(CALENDAR_OVERRIDE_REASON_MAX_LENGTH)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

/**
 * Why a day is (not) working: `workday`/`weekend` (ordinary rule), `public-holiday`,
 * `make-up-workday` (调休), `centre-closed`/`centre-open` (the centre's own override).
 */
export type CalendarDayKind = 'workday' | 'weekend' | 'public-holiday' | 'make-up-workday' | 'centre-closed' | 'centre-open';

export interface CalendarDayView {
  date: string;
  working: boolean;
  kind: CalendarDayKind;
  holidayName: string | null;
  overrideReason: string | null;
  /** The national schedule of this day's year is not yet published: the answer is Monday–Friday. */
  provisional: boolean;
}

export interface CalendarView {
  centreCode: string;
  from: string;
  to: string;
  /** Years whose State Council holiday schedule is published. */
  coveredYears: number[];
  days: CalendarDayView[];
}

export interface CalendarOverrideView {
  date: string;
  kind: CalendarOverrideKind;
  reason: string;
}
