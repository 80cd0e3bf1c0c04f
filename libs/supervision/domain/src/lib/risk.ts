import type { LocalizedText } from './rule';

/*
 * Predicted overdue risk of an open step (issue 6, item 6): the chance it breaches its limit,
 * estimated from how long the same step of the same item took at this centre before, when its
 * post had a similar queue. A deliberately simple, explainable model:
 *
 *   - each historical step is a sample (item, step code, queue length at its post when it started,
 *     its limit and its duration, both in working days on the centre's calendar);
 *   - for an open step that has been open e working days out of a limit of L, the estimate is the
 *     share of comparable samples still open after e days (D ≥ e: survival conditioning) that took
 *     longer than their limit; durations are compared as fractions of their own limit (D / L_sample
 *     against 1 and e / L), so a wider scope with other limits still says something;
 *   - "comparable" is tried from narrow to broad: same item, step and queue bucket → same item and
 *     step → same step code (any item) → the whole centre. Each level's rate is pulled toward the
 *     next broader one with the weight of PRIOR_WEIGHT samples (shrinkage), so a cell with 3
 *     samples says little and a cell with 300 says almost everything;
 *   - the explanation names the levels, their sample and breach counts, and the empirical
 *     quantiles (50/80/90 %) of the narrowest level with enough samples, in working days scaled to
 *     this step's limit.
 */

/** Queue length buckets: the open steps at the same post, when the step started (or now). */
export const QUEUE_BUCKETS: readonly { max: number; label: string }[] = [
  { max: 2, label: '0–2' },
  { max: 9, label: '3–9' },
  { max: 29, label: '10–29' },
  { max: Number.POSITIVE_INFINITY, label: '30+' },
];

export function queueBucket(queue: number): number {
  return QUEUE_BUCKETS.findIndex((bucket) => queue <= bucket.max);
}

/** How many samples' worth of weight the broader level's rate carries in a narrower level's estimate. */
export const PRIOR_WEIGHT = 10;
/** Samples a level needs before its quantiles are quoted. */
export const MIN_QUANTILE_SAMPLES = 5;

export interface StepSample {
  /** The item (its id or basic code: the same key for the model and the questions asked of it). */
  itemKey: string;
  stepCode: string;
  /** Open steps at the same post when this one started (not counting itself). */
  queue: number;
  limitWorkingDays: number;
  durationWorkingDays: number;
}

export interface OpenStep {
  itemKey: string;
  stepCode: string;
  /** Open steps at the post now (not counting this one). */
  queue: number;
  limitWorkingDays: number;
  /** Working days since the step started. */
  elapsedWorkingDays: number;
}

export type RiskScope = 'item_step_queue' | 'item_step' | 'step' | 'centre';
export type RiskBand = 'low' | 'medium' | 'high';

export interface RiskBasis {
  scope: RiskScope;
  /** Comparable samples still open after the elapsed days. */
  samples: number;
  breaches: number;
  /** The level's estimate after shrinkage toward the broader level. */
  rate: number;
}

export interface RiskEstimate {
  probability: number;
  band: RiskBand;
  /** Already past its limit: nothing to predict. */
  breached: boolean;
  elapsedWorkingDays: number;
  limitWorkingDays: number;
  queue: number;
  queueBucket: string;
  /** Narrow to broad; the probability is the first entry's rate. */
  basis: RiskBasis[];
  /** Of the narrowest level with enough samples: durations scaled to this step's limit. */
  quantiles: { scope: RiskScope; samples: number; p50: number; p80: number; p90: number } | null;
  explanation: LocalizedText;
}

export const RISK_BANDS: Readonly<Record<RiskBand, { min: number; label: LocalizedText }>> = {
  low: { min: 0, label: { zh: '低', en: 'low' } },
  medium: { min: 0.2, label: { zh: '中', en: 'medium' } },
  high: { min: 0.5, label: { zh: '高', en: 'high' } },
};

export function riskBand(probability: number): RiskBand {
  return probability >= RISK_BANDS.high.min ? 'high' : probability >= RISK_BANDS.medium.min ? 'medium' : 'low';
}

const SCOPE_LABELS: Readonly<Record<RiskScope, LocalizedText>> = {
  item_step_queue: { zh: '同事项同环节、相近排队量', en: 'same item and step, similar queue' },
  item_step: { zh: '同事项同环节', en: 'same item and step' },
  step: { zh: '同环节（各事项）', en: 'same step, any item' },
  centre: { zh: '本中心全部环节', en: 'every step at the centre' },
};

interface Normalised {
  /** Duration as a fraction of the sample's own limit. */
  ratio: number;
  breached: boolean;
}

/** One level's samples, sorted by ratio, with the breaches among the samples from each index on. */
interface Level {
  ratios: number[];
  breachesFrom: number[];
}

/** A fitted model: the centre's history, indexed by the keys of each level. */
export class RiskModel {
  private readonly levels = new Map<string, Level>();

  private constructor(readonly sampleCount: number) {}

  static fit(samples: readonly StepSample[]): RiskModel {
    const model = new RiskModel(samples.length);
    const lists = new Map<string, Normalised[]>();
    for (const sample of samples) {
      const limit = Math.max(sample.limitWorkingDays, 1);
      const normalised = { ratio: sample.durationWorkingDays / limit, breached: sample.durationWorkingDays > sample.limitWorkingDays };
      for (const key of levelKeys(sample.itemKey, sample.stepCode, queueBucket(sample.queue))) {
        const list = lists.get(key);
        if (list) list.push(normalised);
        else lists.set(key, [normalised]);
      }
    }
    for (const [key, list] of lists) {
      list.sort((a, b) => a.ratio - b.ratio);
      const breachesFrom = new Array<number>(list.length + 1).fill(0);
      for (let i = list.length - 1; i >= 0; i--) breachesFrom[i] = breachesFrom[i + 1] + (list[i].breached ? 1 : 0);
      model.levels.set(key, { ratios: list.map((n) => n.ratio), breachesFrom });
    }
    return model;
  }

  predict(step: OpenStep): RiskEstimate {
    const bucket = queueBucket(step.queue);
    const limit = Math.max(step.limitWorkingDays, 1);
    const base = { elapsedWorkingDays: step.elapsedWorkingDays, limitWorkingDays: step.limitWorkingDays, queue: step.queue, queueBucket: QUEUE_BUCKETS[bucket].label };
    if (step.elapsedWorkingDays > step.limitWorkingDays) {
      return {
        ...base,
        probability: 1,
        band: 'high',
        breached: true,
        basis: [],
        quantiles: null,
        explanation: {
          zh: `已超过时限（${step.limitWorkingDays} 个工作日中已用 ${step.elapsedWorkingDays} 个）。`,
          en: `Already past its limit (${step.elapsedWorkingDays} of ${step.limitWorkingDays} working days used).`,
        },
      };
    }
    const elapsedRatio = step.elapsedWorkingDays / limit;
    const keys = levelKeys(step.itemKey, step.stepCode, bucket);
    const scopes: RiskScope[] = ['item_step_queue', 'item_step', 'step', 'centre'];
    // The samples still open after the elapsed days: a suffix of each level's sorted ratios.
    const survivors = keys.map((key) => {
      const level = this.levels.get(key) ?? { ratios: [], breachesFrom: [0] };
      const from = lowerBound(level.ratios, elapsedRatio);
      return { ratios: level.ratios, from, samples: level.ratios.length - from, breaches: level.breachesFrom[from] };
    });
    // Broad to narrow: the centre's rate with a Laplace prior, then each level shrunk toward the broader one.
    const basis: RiskBasis[] = [];
    let prior = 0.5;
    let weight = 2;
    for (let level = scopes.length - 1; level >= 0; level--) {
      const { samples, breaches } = survivors[level];
      const rate = (breaches + weight * prior) / (samples + weight);
      basis.unshift({ scope: scopes[level], samples, breaches, rate: round(rate) });
      prior = rate;
      weight = PRIOR_WEIGHT;
    }
    const probability = basis[0].rate;
    const quantileLevel = survivors.findIndex((level) => level.samples >= MIN_QUANTILE_SAMPLES);
    const quantiles =
      quantileLevel < 0
        ? null
        : (() => {
            const { ratios, from, samples } = survivors[quantileLevel];
            const q = (p: number) => round(quantile(ratios, p, from) * step.limitWorkingDays, 2);
            return { scope: scopes[quantileLevel], samples, p50: q(0.5), p80: q(0.8), p90: q(0.9) };
          })();
    return { ...base, probability, band: riskBand(probability), breached: false, basis, quantiles, explanation: explain(step, probability, basis, quantiles) };
  }
}

/** The first index whose value is ≥ x in ascending values. */
function lowerBound(values: readonly number[], x: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid] < x) low = mid + 1;
    else high = mid;
  }
  return low;
}

function levelKeys(itemKey: string, stepCode: string, bucket: number): string[] {
  return [`iq|${itemKey}|${stepCode}|${bucket}`, `i|${itemKey}|${stepCode}`, `s|${stepCode}`, 'c'];
}

/** The p-quantile of sorted values from index `from` on (linear interpolation between order statistics). */
export function quantile(sorted: readonly number[], p: number, from = 0): number {
  const length = sorted.length - from;
  if (length <= 0) return Number.NaN;
  const position = (length - 1) * p;
  const low = from + Math.floor(position);
  const high = from + Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (from + position - low);
}

function explain(step: OpenStep, probability: number, basis: readonly RiskBasis[], quantiles: RiskEstimate['quantiles']): LocalizedText {
  const percent = `${Math.round(probability * 100)}%`;
  const used = `${step.elapsedWorkingDays}/${step.limitWorkingDays}`;
  const narrow = basis.find((b) => b.samples > 0) ?? basis[basis.length - 1];
  const zh = [`预计超期概率 ${percent}（已用 ${used} 个工作日，岗位排队 ${step.queue} 件）。`];
  const en = [`Estimated chance of breaching the limit: ${percent} (${used} working days used, ${step.queue} waiting at the post).`];
  zh.push(`依据：${SCOPE_LABELS[narrow.scope].zh}的历史环节中，已办理满 ${step.elapsedWorkingDays} 个工作日仍未完成的 ${narrow.samples} 件，其中 ${narrow.breaches} 件超期。`);
  en.push(`Basis: of ${narrow.samples} past steps (${SCOPE_LABELS[narrow.scope].en}) still open after ${step.elapsedWorkingDays} working days, ${narrow.breaches} breached.`);
  if (quantiles) {
    zh.push(`同类环节用时：中位 ${quantiles.p50}、80% ${quantiles.p80}、90% ${quantiles.p90} 个工作日（按本环节时限折算）。`);
    en.push(`Durations of such steps: median ${quantiles.p50}, 80% ${quantiles.p80}, 90% ${quantiles.p90} working days (scaled to this step's limit).`);
  }
  return { zh: zh.join(''), en: en.join(' ') };
}

function round(value: number, places = 4): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

/** A step of the history as stored: its post and when it was open (for the queue at its start). */
export interface StepSpell {
  post: string;
  startedAt: Date;
  finishedAt: Date | null;
}

/**
 * For each step, the number of other steps open at the same post when it started (a sweep over
 * the start and finish instants per post: O(n log n), not a self-join). A step finishing at the
 * very instant another starts is no longer counted.
 */
export function queuesAtStart(spells: readonly StepSpell[]): number[] {
  const result = new Array<number>(spells.length).fill(0);
  const byPost = new Map<string, number[]>();
  spells.forEach((spell, index) => {
    const list = byPost.get(spell.post);
    if (list) list.push(index);
    else byPost.set(spell.post, [index]);
  });
  for (const indexes of byPost.values()) {
    // Events: finish (-1) before start (+1) at the same instant; starts at the same instant in input order.
    const events: Array<{ at: number; kind: 0 | 1; index: number }> = [];
    for (const index of indexes) {
      events.push({ at: spells[index].startedAt.getTime(), kind: 1, index });
      const finished = spells[index].finishedAt;
      if (finished) events.push({ at: finished.getTime(), kind: 0, index });
    }
    events.sort((a, b) => a.at - b.at || a.kind - b.kind || a.index - b.index);
    let open = 0;
    for (const event of events) {
      if (event.kind === 0) open--;
      else {
        result[event.index] = open;
        open++;
      }
    }
  }
  return result;
}

/** One historical step for the calibration: a sample plus when it started and finished. */
export interface TimedSample extends StepSample {
  startedAt: Date;
  finishedAt: Date;
}

export interface CalibrationDecile {
  decile: number;
  predictions: number;
  minPredicted: number;
  maxPredicted: number;
  meanPredicted: number;
  observedBreachRate: number;
}

export interface CalibrationReport {
  samples: number;
  predictions: number;
  baseRate: number;
  /** Mean squared error of the predicted probabilities (lower is better; the base rate's own is baseRate·(1−baseRate)). */
  brierScore: number;
  deciles: CalibrationDecile[];
}

/**
 * Predicted vs observed breach rate per decile, without looking ahead: the history is cut into
 * `folds` consecutive time slices by start; each slice's steps are predicted by a model fitted only
 * on steps that had finished before the slice began, at their start (elapsed 0, the queue they
 * met) and, for those still open then, half-way through their limit.
 */
export function calibrate(history: readonly TimedSample[], folds = 10): CalibrationReport {
  const sorted = [...history].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  const predictions: Array<{ p: number; breached: boolean }> = [];
  const size = Math.ceil(sorted.length / folds);
  for (let fold = 1; fold < folds; fold++) {
    const slice = sorted.slice(fold * size, (fold + 1) * size);
    if (slice.length === 0) break;
    const cut = slice[0].startedAt.getTime();
    const model = RiskModel.fit(sorted.filter((s) => s.finishedAt.getTime() <= cut));
    for (const sample of slice) {
      const breached = sample.durationWorkingDays > sample.limitWorkingDays;
      const checkpoints = [0, Math.floor(sample.limitWorkingDays / 2)].filter((e, i, all) => all.indexOf(e) === i && e <= sample.durationWorkingDays);
      for (const elapsed of checkpoints) {
        const estimate = model.predict({ itemKey: sample.itemKey, stepCode: sample.stepCode, queue: sample.queue, limitWorkingDays: sample.limitWorkingDays, elapsedWorkingDays: elapsed });
        predictions.push({ p: estimate.probability, breached });
      }
    }
  }
  predictions.sort((a, b) => a.p - b.p);
  const deciles: CalibrationDecile[] = [];
  for (let d = 0; d < 10 && predictions.length > 0; d++) {
    const group = predictions.slice(Math.floor((d * predictions.length) / 10), Math.floor(((d + 1) * predictions.length) / 10));
    if (group.length === 0) continue;
    deciles.push({
      decile: d + 1,
      predictions: group.length,
      minPredicted: group[0].p,
      maxPredicted: group[group.length - 1].p,
      meanPredicted: round(group.reduce((sum, x) => sum + x.p, 0) / group.length),
      observedBreachRate: round(group.filter((x) => x.breached).length / group.length),
    });
  }
  const breaches = predictions.filter((x) => x.breached).length;
  return {
    samples: history.length,
    predictions: predictions.length,
    baseRate: predictions.length === 0 ? 0 : round(breaches / predictions.length),
    brierScore: predictions.length === 0 ? 0 : round(predictions.reduce((sum, x) => sum + (x.p - (x.breached ? 1 : 0)) ** 2, 0) / predictions.length),
    deciles,
  };
}
