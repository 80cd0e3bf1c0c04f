import {
  type AlertLevel,
  levelRank,
  type Recipient,
  type RuleScope,
  sameScope,
  stricterThresholdIsLarger,
  type SupervisionRule,
  thresholdOf,
} from './rule';

/**
 * Inheritance of the province's rules: every centre runs them; a centre may add rules of its own
 * and may override a province rule (same id) only to TIGHTEN it: fire earlier, at a higher level,
 * to more recipients, over the same or a wider scope. It may never disable one, fire later, lower
 * its level, drop a recipient or narrow its scope.
 */

export type LooseningField = 'enabled' | 'level' | 'notify' | 'threshold' | 'scope' | 'trigger';

export interface Loosening {
  ruleId: string;
  field: LooseningField;
  province: unknown;
  local: unknown;
}

/** Ways an override differs from the province rule it overrides (stricter or looser). */
export type DeviationKind = 'added' | 'tightened' | 'loosened';

export interface RuleDeviation {
  ruleId: string;
  kind: DeviationKind;
  /** What differs: for `loosened`, the fields that loosen; for `tightened`, the fields that tighten. */
  fields: Array<{ field: LooseningField; province: unknown; local: unknown }>;
}

export interface EffectiveRules {
  /** What the sweep runs: the province rules, overridden where a centre tightened them, plus the centre's own. */
  rules: SupervisionRule[];
  /** Overrides that would loosen a province rule: ignored (the province rule stands) and reported. */
  loosenings: Loosening[];
}

/** How an override compares with the province rule, field by field. */
export function compareOverride(province: SupervisionRule, local: SupervisionRule): { looser: Loosening[]; stricter: Loosening[] } {
  const looser: Loosening[] = [];
  const stricter: Loosening[] = [];
  const note = (list: Loosening[], field: LooseningField, p: unknown, l: unknown) => list.push({ ruleId: province.id, field, province: p, local: l });

  if (province.enabled && !local.enabled) note(looser, 'enabled', true, false);

  const levelDiff = levelRank(local.level) - levelRank(province.level);
  if (levelDiff < 0) note(looser, 'level', province.level, local.level);
  else if (levelDiff > 0) note(stricter, 'level', province.level, local.level);

  const dropped = province.notify.filter((r) => !local.notify.includes(r));
  const added = local.notify.filter((r) => !province.notify.includes(r));
  if (dropped.length > 0) note(looser, 'notify', province.notify, local.notify);
  else if (added.length > 0) note(stricter, 'notify', province.notify, local.notify);

  if (!sameScope(province.scope, local.scope)) {
    // A rule for all work is wider than any department or item rule; anything else narrows or moves it.
    if (local.scope.kind === 'all') note(stricter, 'scope', province.scope, local.scope);
    else note(looser, 'scope', province.scope, local.scope);
  }

  const sameTrigger =
    province.trigger.kind === local.trigger.kind &&
    (province.trigger.kind !== 'due_soon' || (local.trigger.kind === 'due_soon' && province.trigger.target === local.trigger.target));
  if (!sameTrigger) {
    // A different trigger does not watch what the province rule watches: that rule would stop applying.
    note(looser, 'trigger', province.trigger, local.trigger);
  } else {
    const p = thresholdOf(province.trigger);
    const l = thresholdOf(local.trigger);
    if (p !== null && l !== null && p !== l) {
      const tighter = stricterThresholdIsLarger(province.trigger) ? l > p : l < p;
      note(tighter ? stricter : looser, 'threshold', p, l);
    }
  }
  return { looser, stricter };
}

/** The loosenings a set of centre rules would make; empty when every override only tightens. */
export function looseningsOf(province: readonly SupervisionRule[], local: readonly SupervisionRule[]): Loosening[] {
  const byId = new Map(province.map((rule) => [rule.id, rule]));
  return local.flatMap((rule) => {
    const base = byId.get(rule.id);
    return base ? compareOverride(base, rule).looser : [];
  });
}

/**
 * The rules a centre runs. A loosening override is not applied: the province rule stands for that
 * rule, and the loosening is reported so the drift report (and the API that stored it, if the
 * province tightened after the centre saved its override) can show it. Order: province rules in
 * their order, then the centre's additions in theirs.
 */
export function effectiveRules(province: readonly SupervisionRule[], local: readonly SupervisionRule[]): EffectiveRules {
  const localById = new Map(local.map((rule) => [rule.id, rule]));
  const provinceIds = new Set(province.map((rule) => rule.id));
  const loosenings: Loosening[] = [];
  const rules: SupervisionRule[] = [];
  for (const base of province) {
    const override = localById.get(base.id);
    if (!override) {
      rules.push(base);
      continue;
    }
    const { looser } = compareOverride(base, override);
    if (looser.length > 0) {
      loosenings.push(...looser);
      rules.push(base);
    } else {
      rules.push(override);
    }
  }
  rules.push(...local.filter((rule) => !provinceIds.has(rule.id)));
  return { rules, loosenings };
}

/** A centre's deviations from the province set: additions, tightenings, and (stored) loosenings. */
export function driftOf(province: readonly SupervisionRule[], local: readonly SupervisionRule[]): RuleDeviation[] {
  const byId = new Map(province.map((rule) => [rule.id, rule]));
  const deviations: RuleDeviation[] = [];
  for (const rule of local) {
    const base = byId.get(rule.id);
    if (!base) {
      deviations.push({ ruleId: rule.id, kind: 'added', fields: [] });
      continue;
    }
    const { looser, stricter } = compareOverride(base, rule);
    const strip = (list: Loosening[]) => list.map(({ field, province: p, local: l }) => ({ field, province: p, local: l }));
    if (looser.length > 0) deviations.push({ ruleId: rule.id, kind: 'loosened', fields: strip(looser) });
    else if (stricter.length > 0) deviations.push({ ruleId: rule.id, kind: 'tightened', fields: strip(stricter) });
  }
  return deviations;
}

export interface CentreDrift {
  centreCode: string;
  deviations: RuleDeviation[];
}

/** The drift report over several centres: each centre's deviations, centres without any included. */
export function driftReport(province: readonly SupervisionRule[], centres: ReadonlyArray<{ centreCode: string; rules: readonly SupervisionRule[] }>): CentreDrift[] {
  return centres.map(({ centreCode, rules }) => ({ centreCode, deviations: driftOf(province, rules) }));
}

/** Does a rule's scope cover this piece of work? */
export function scopeCovers(scope: RuleScope, work: { departmentCode: string | null; itemCode: string | null }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'department':
      return work.departmentCode === scope.departmentCode;
    case 'item':
      return work.itemCode === scope.itemCode;
  }
}

export type { AlertLevel, Recipient };
