import { chinaToday, periodProblem, presetPeriod } from './statistics-period';

describe('statistics periods', () => {
  it('takes the date in China, not in the browser', () => {
    expect(chinaToday(new Date('2026-03-31T17:00:00Z'))).toBe('2026-04-01');
    expect(chinaToday(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03-31');
  });

  it('turns presets into inclusive periods', () => {
    expect(presetPeriod('thisMonth', '2026-03-18')).toEqual({ from: '2026-03-01', to: '2026-03-18' });
    expect(presetPeriod('lastMonth', '2026-03-18')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetPeriod('lastMonth', '2026-01-05')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('thisQuarter', '2026-08-09')).toEqual({ from: '2026-07-01', to: '2026-08-09' });
    expect(presetPeriod('thisYear', '2026-08-09')).toEqual({ from: '2026-01-01', to: '2026-08-09' });
    expect(presetPeriod('lastYear', '2026-08-09')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('refuses a period that ends before it starts or is not made of dates', () => {
    expect(periodProblem({ from: '2026-03-02', to: '2026-03-01' })).toBe('supervision.stats.fromAfterTo');
    expect(periodProblem({ from: '', to: '2026-03-01' })).toBe('supervision.stats.invalidDate');
    expect(periodProblem({ from: '2026-03-01', to: '2026-03-01' })).toBeNull();
  });
});
