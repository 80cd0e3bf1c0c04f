import { CHINA_HOLIDAY_SCHEDULES } from './holiday-data';
import { WorkingDayCalendar } from './working-day-calendar';

let national: WorkingDayCalendar | undefined;

/**
 * The national working-day calendar from the bundled State Council schedules. Built on first use
 * and shared: it is immutable, and sharing it lets every centre's calendar reuse its year tables.
 */
export function nationalCalendar(): WorkingDayCalendar {
  national ??= WorkingDayCalendar.fromSchedules(CHINA_HOLIDAY_SCHEDULES);
  return national;
}
