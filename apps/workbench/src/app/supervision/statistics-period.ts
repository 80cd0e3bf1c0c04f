/** A statistics period: civil dates (YYYY-MM-DD), both inclusive. */
export interface StatisticsPeriod {
  from: string;
  to: string;
}

export type PeriodPreset = 'thisMonth' | 'lastMonth' | 'thisQuarter' | 'thisYear' | 'lastYear';
export const PERIOD_PRESETS: readonly PeriodPreset[] = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear', 'lastYear'];

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Today's date in China (the centres' civil day), whatever the browser's time zone. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, '0');
const day = (year: number, month: number, date: number) => `${year}-${pad(month)}-${pad(date)}`;
/** The last day of a month (1-12). */
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The period a preset names, as of a China date. */
export function presetPeriod(preset: PeriodPreset, today: string): StatisticsPeriod {
  const [year, month] = today.split('-').map(Number);
  switch (preset) {
    case 'thisMonth':
      return { from: day(year, month, 1), to: today };
    case 'lastMonth': {
      const y = month === 1 ? year - 1 : year;
      const m = month === 1 ? 12 : month - 1;
      return { from: day(y, m, 1), to: day(y, m, lastDay(y, m)) };
    }
    case 'thisQuarter':
      return { from: day(year, Math.floor((month - 1) / 3) * 3 + 1, 1), to: today };
    case 'thisYear':
      return { from: day(year, 1, 1), to: today };
    case 'lastYear':
      return { from: day(year - 1, 1, 1), to: day(year - 1, 12, 31) };
  }
}

/** Why a period cannot be asked for (a translation key), or null. */
export function periodProblem(period: StatisticsPeriod): string | null {
  const pattern = /^\d{4}-\d{2}-\d{2}$/;
  if (!pattern.test(period.from) || !pattern.test(period.to)) return 'supervision.stats.invalidDate';
  if (period.from > period.to) return 'supervision.stats.fromAfterTo';
  return null;
}
