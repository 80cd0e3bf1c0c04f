import { chinaCivilDate, nationalCalendar } from '@zhengwu/calendar/domain';

/**
 * The national working days around today, numbered: 0 is today (or the next working day when
 * today is not one), -1 the working day before, +1 the one after. The seed places every case on
 * this axis, so submissions, steps and due dates fall on working days as they do in a centre
 * (centre overrides are ignored: the demo centres have none).
 */
export class WorkingDays {
  /** Working days, oldest first; `days[i - first]` is day number `i`. */
  readonly days: string[];
  readonly first: number;
  readonly today: string;

  constructor(back: number, forward: number, now = new Date()) {
    const calendar = nationalCalendar();
    this.today = chinaCivilDate(now);
    const working = (date: string) => calendar.isWorkingDay(date as `${number}-${number}-${number}`).working;
    const past: string[] = [];
    for (let date = shift(this.today, -1); past.length < back; date = shift(date, -1)) {
      if (working(date)) past.unshift(date);
    }
    const future: string[] = [];
    for (let date = this.today; future.length < forward + 1; date = shift(date, 1)) {
      if (working(date)) future.push(date);
    }
    this.days = [...past, ...future];
    this.first = -back;
  }

  /** The date of working day number `n` (0: today, or the next working day). */
  at(n: number): string {
    const date = this.days[n - this.first];
    if (!date) throw new RangeError(`Working day ${n} is outside ${this.first}…${this.first + this.days.length - 1}`);
    return date;
  }

  /** SQL for the date of working day number `indexSql`, given the days as parameter `$param`. */
  sql(param: number, indexSql: string): string {
    return `($${param}::date[])[(${indexSql}) + ${1 - this.first}]`;
  }
}

function shift(date: string, days: number): string {
  const utc = new Date(`${date}T00:00:00Z`);
  utc.setUTCDate(utc.getUTCDate() + days);
  return utc.toISOString().slice(0, 10);
}
