import year2020 from '../../data/holidays-cn/2020.json';
import year2021 from '../../data/holidays-cn/2021.json';
import year2022 from '../../data/holidays-cn/2022.json';
import year2023 from '../../data/holidays-cn/2023.json';
import year2024 from '../../data/holidays-cn/2024.json';
import year2025 from '../../data/holidays-cn/2025.json';
import year2026 from '../../data/holidays-cn/2026.json';

/** One entry of a State Council holiday schedule (holiday-cn format). */
export interface HolidayDay {
  /** The holiday it belongs to, e.g. 春节 or 国庆节、中秋节. */
  readonly name: string;
  readonly date: string;
  /** `true`: a day off; `false`: a make-up working day (调休上班), usually a Saturday or Sunday. */
  readonly isOffDay: boolean;
}

/** The published schedule of one year; dates it does not list follow Monday–Friday. */
export interface HolidayYearData {
  readonly year: number;
  /** The gov.cn notices the schedule was transcribed from. */
  readonly papers: readonly string[];
  readonly days: readonly HolidayDay[];
}

/**
 * Every schedule the State Council has published that this library ships (holiday-cn data set,
 * MIT; see data/holidays-cn/README.md). A year missing here is "not covered": deadlines that touch
 * it are provisional. Add the next year here when its notice is out.
 */
export const CHINA_HOLIDAY_SCHEDULES: readonly HolidayYearData[] = [
  year2020,
  year2021,
  year2022,
  year2023,
  year2024,
  year2025,
  year2026,
];
