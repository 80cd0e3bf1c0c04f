import fc from 'fast-check';
import { compareOverride, driftOf, driftReport, effectiveRules, looseningsOf } from './inheritance';
import { PROVINCE_BASELINE_RULES } from './province-rules';
import { ALERT_LEVELS, RECIPIENTS, ruleShapeProblems, type SupervisionRule } from './rule';

const province = PROVINCE_BASELINE_RULES;
const rule = (id: string) => {
  const found = province.find((r) => r.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('tighten-only inheritance', () => {
  it('runs the province rules where a centre has none', () => {
    const { rules, loosenings } = effectiveRules(province, []);
    expect(rules).toEqual(province);
    expect(loosenings).toEqual([]);
  });

  it('accepts an override that fires earlier, at a higher level, to more recipients', () => {
    const tighter: SupervisionRule = {
      ...rule('case-due-soon'),
      trigger: { kind: 'due_soon', target: 'case', withinWorkingDays: 4 },
      level: 'red',
      notify: ['handler', 'department_head', 'supervisor'],
    };
    const { rules, loosenings } = effectiveRules(province, [tighter]);
    expect(loosenings).toEqual([]);
    expect(rules.find((r) => r.id === 'case-due-soon')).toBe(tighter);
    expect(driftOf(province, [tighter])).toEqual([
      {
        ruleId: 'case-due-soon',
        kind: 'tightened',
        fields: [
          { field: 'level', province: 'yellow', local: 'red' },
          { field: 'notify', province: ['handler', 'department_head'], local: ['handler', 'department_head', 'supervisor'] },
          { field: 'threshold', province: 2, local: 4 },
        ],
      },
    ]);
  });

  it('refuses (and does not apply) every kind of loosening', () => {
    const looser: SupervisionRule[] = [
      { ...rule('step-overdue'), trigger: { kind: 'step_overdue', afterWorkingDays: 2 } },
      { ...rule('case-overdue'), level: 'yellow' },
      { ...rule('case-due-soon'), notify: ['handler'] },
      { ...rule('pre-review-undecided'), enabled: false },
      { ...rule('step-due-soon'), trigger: { kind: 'due_soon', target: 'step', withinWorkingDays: 0 } },
      { ...rule('refused-without-reasons'), scope: { kind: 'department', departmentCode: 'GA' } },
      { ...rule('verification-overdue'), trigger: { kind: 'case_overdue', afterWorkingDays: 0 } },
    ];
    expect(looseningsOf(province, looser).map((l) => [l.ruleId, l.field])).toEqual([
      ['step-overdue', 'threshold'],
      ['case-overdue', 'level'],
      ['case-due-soon', 'notify'],
      ['pre-review-undecided', 'enabled'],
      ['step-due-soon', 'threshold'],
      ['refused-without-reasons', 'scope'],
      ['verification-overdue', 'trigger'],
    ]);
    const { rules } = effectiveRules(province, looser);
    expect(rules).toEqual(province);
    expect(driftReport(province, [{ centreCode: '510981', rules: looser }])[0].deviations.every((d) => d.kind === 'loosened')).toBe(true);
  });

  it("adds a centre's own rules after the province's", () => {
    const own: SupervisionRule = { ...rule('step-due-soon'), id: 'shehong-step-3-days', trigger: { kind: 'due_soon', target: 'step', withinWorkingDays: 3 } };
    expect(effectiveRules(province, [own]).rules.map((r) => r.id)).toEqual([...province.map((r) => r.id), 'shehong-step-3-days']);
    expect(driftOf(province, [own])).toEqual([{ ruleId: 'shehong-step-3-days', kind: 'added', fields: [] }]);
  });

  it('never lets an effective rule be looser than the province rule (property)', () => {
    const arbitraryOverride = fc.record({
      index: fc.integer({ min: 0, max: province.length - 1 }),
      threshold: fc.integer({ min: 0, max: 10 }),
      level: fc.constantFrom(...ALERT_LEVELS),
      notify: fc.subarray([...RECIPIENTS], { minLength: 1 }),
      enabled: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arbitraryOverride, { maxLength: 5 }), (overrides) => {
        const local = new Map<string, SupervisionRule>();
        for (const o of overrides) {
          const base = province[o.index];
          const trigger = base.trigger.kind === 'due_soon'
            ? { ...base.trigger, withinWorkingDays: o.threshold }
            : base.trigger.kind === 'refused_without_reasons' ? base.trigger : { ...base.trigger, afterWorkingDays: o.threshold };
          local.set(base.id, { ...base, trigger, level: o.level, notify: o.notify, enabled: o.enabled });
        }
        const { rules } = effectiveRules(province, [...local.values()]);
        for (const base of province) {
          const effective = rules.find((r) => r.id === base.id);
          expect(effective).toBeDefined();
          expect(compareOverride(base, effective as SupervisionRule).looser).toEqual([]);
        }
      }),
    );
  });

  it('checks the shape of a rule', () => {
    expect(province.flatMap(ruleShapeProblems)).toEqual([]);
    expect(ruleShapeProblems({ ...rule('step-overdue'), id: 'X', notify: [], trigger: { kind: 'step_overdue', afterWorkingDays: -1 } })).toHaveLength(3);
  });
});
