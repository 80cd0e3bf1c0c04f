export { isCivilDate, parseCivilDate } from './lib/civil-date';
export type { CivilDate, DateInput } from './lib/civil-date';
export { CHINA_TIME_ZONE, chinaCivilDate } from './lib/china-time';
export { CHINA_HOLIDAY_SCHEDULES } from './lib/holiday-data';
export type { HolidayDay, HolidayYearData } from './lib/holiday-data';
export type { CalendarOverride } from './lib/calendar-override';
export type { ClosedPause, Pause } from './lib/pause';
export type {
  CalendarCoverage,
  DayDescription,
  DayKind,
  Deadline,
  Provisionality,
  RemainingWorkingDays,
  SuspendedDeadline,
  WorkingDayCount,
  WorkingDayStatus,
} from './lib/calendar-result';
export { WorkingDayCalendar } from './lib/working-day-calendar';
export type { CountingOptions } from './lib/working-day-calendar';
export { nationalCalendar } from './lib/national-calendar';
