import { calibrate, quantile, queueBucket, queuesAtStart, RiskModel, type StepSample, type TimedSample } from './risk';

/** A small deterministic generator (LCG), so the synthetic history is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
const uniformInt = (next: () => number, min: number, max: number) => min + Math.floor(next() * (max - min + 1));

/** Review of item A (limit 5): a short queue takes 1–5 days (never late), a long one 3–8 (half late), evenly. */
function history(count: number): StepSample[] {
  return Array.from({ length: count }, (_, i) => {
    const long = i % 2 === 0;
    return { itemKey: 'A', stepCode: 'review', queue: long ? 40 : 1, limitWorkingDays: 5, durationWorkingDays: long ? 3 + ((i / 2) % 6) : 1 + (((i - 1) / 2) % 5) };
  });
}

describe('predicted overdue risk', () => {
  it('counts the steps open at the same post when each step started', () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 9, 9, 1, minute));
    expect(
      queuesAtStart([
        { post: 'reviewer', startedAt: at(0), finishedAt: at(10) },
        { post: 'reviewer', startedAt: at(5), finishedAt: null },
        { post: 'approver', startedAt: at(6), finishedAt: null },
        // The first finishes at the very minute this one starts: not counted.
        { post: 'reviewer', startedAt: at(10), finishedAt: at(20) },
        { post: 'reviewer', startedAt: at(15), finishedAt: at(16) },
      ]),
    ).toEqual([0, 1, 0, 1, 2]);
    expect([0, 2, 3, 9, 10, 29, 30, 500].map(queueBucket)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it('estimates from the same item, step and queue, conditioned on the days already used, and explains itself', () => {
    const model = RiskModel.fit(history(600));
    const long = model.predict({ itemKey: 'A', stepCode: 'review', queue: 35, limitWorkingDays: 5, elapsedWorkingDays: 0 });
    const short = model.predict({ itemKey: 'A', stepCode: 'review', queue: 0, limitWorkingDays: 5, elapsedWorkingDays: 0 });
    // 300 samples each: 150 of the long-queue ones breached; shrinkage toward the item's 25% moves it a little.
    expect(long.basis[0]).toMatchObject({ scope: 'item_step_queue', samples: 300, breaches: 150 });
    expect(long.probability).toBeCloseTo((150 + 10 * long.basis[1].rate) / 310, 4);
    expect(long.band).toBe('medium');
    expect(short.probability).toBeLessThan(0.02);
    expect(short.band).toBe('low');
    // Four days in with a long queue, only the 4–8 day steps are comparable: 3 of 5 durations breach.
    const late = model.predict({ itemKey: 'A', stepCode: 'review', queue: 35, limitWorkingDays: 5, elapsedWorkingDays: 4 });
    expect(late.basis[0]).toMatchObject({ samples: 250, breaches: 150 });
    expect(late.band).toBe('high');
    expect(late.quantiles).toEqual({ scope: 'item_step_queue', samples: 250, p50: 6, p80: 7.2, p90: 8 });
    expect(late.explanation.zh).toContain('已办理满 4 个工作日仍未完成的 250 件，其中 150 件超期');
    expect(late.explanation.en).toContain('of 250 past steps (same item and step, similar queue) still open after 4 working days, 150 breached');
  });

  it('leans on the broader levels where the narrow one has few samples, and says a step past its limit has breached', () => {
    const model = RiskModel.fit([...history(600), { itemKey: 'B', stepCode: 'review', queue: 40, limitWorkingDays: 10, durationWorkingDays: 20 }]);
    const rare = model.predict({ itemKey: 'B', stepCode: 'review', queue: 40, limitWorkingDays: 10, elapsedWorkingDays: 0 });
    expect(rare.basis.map((b) => [b.scope, b.samples, b.breaches])).toEqual([
      ['item_step_queue', 1, 1],
      ['item_step', 1, 1],
      ['step', 601, 151],
      ['centre', 601, 151],
    ]);
    // One breach in one sample is not a certainty: about (1 + 10 × 0.32) / 11.
    expect(rare.probability).toBeGreaterThan(0.3);
    expect(rare.probability).toBeLessThan(0.45);
    expect(rare.quantiles?.scope).toBe('step');
    const unknown = model.predict({ itemKey: 'C', stepCode: 'inspect', queue: 0, limitWorkingDays: 3, elapsedWorkingDays: 0 });
    expect(unknown.basis[0].samples).toBe(0);
    expect(unknown.probability).toBeCloseTo(unknown.basis[3].rate, 1);
    const past = model.predict({ itemKey: 'A', stepCode: 'review', queue: 0, limitWorkingDays: 5, elapsedWorkingDays: 6 });
    expect(past).toMatchObject({ probability: 1, breached: true, band: 'high' });
  });

  it('interpolates quantiles between order statistics', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 10);
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantile([9, 9, 1, 2, 3, 4], 0.5, 2)).toBe(2.5);
  });

  it('is calibrated on a history drawn from a known process: predicted and observed rates agree per decile', () => {
    // Each day 0–39 of a run starts steps of three items; the queue decides the breach chance.
    const next = random(11);
    const start = Date.UTC(2026, 0, 5);
    const samples: TimedSample[] = [];
    for (let i = 0; i < 6000; i++) {
      const queue = uniformInt(next, 0, 45);
      const item = ['A', 'B', 'C'][i % 3];
      const limit = item === 'C' ? 10 : 5;
      const chance = queue < 3 ? 0.05 : queue < 10 ? 0.2 : queue < 30 ? 0.4 : 0.7;
      const late = next() < chance;
      const duration = late ? limit + uniformInt(next, 1, 5) : uniformInt(next, 0, limit);
      const startedAt = new Date(start + i * 3_600_000);
      samples.push({ itemKey: item, stepCode: 'review', queue, limitWorkingDays: limit, durationWorkingDays: duration, startedAt, finishedAt: new Date(startedAt.getTime() + duration * 86_400_000) });
    }
    const report = calibrate(samples);
    expect(report.deciles).toHaveLength(10);
    for (const decile of report.deciles) expect(Math.abs(decile.meanPredicted - decile.observedBreachRate)).toBeLessThan(0.08);
    expect(report.deciles[9].observedBreachRate).toBeGreaterThan(report.deciles[0].observedBreachRate + 0.4);
    // Better than always answering the base rate.
    expect(report.brierScore).toBeLessThan(report.baseRate * (1 - report.baseRate));
  });
});
