import type { SupervisionRule, SupervisionRulesView } from '@zhengwu/shared/contracts';
import { figureOf, statColumns } from './supervision-statistics.page';
import { ruleSource, scopeText, triggerText } from './supervision-rules.page';

const rule = (id: string): SupervisionRule => ({
  id,
  name: { zh: id, en: id },
  scope: { kind: 'all' },
  trigger: { kind: 'step_overdue', afterWorkingDays: 0 },
  level: 'red',
  notify: ['supervisor'],
  enabled: true,
});

describe('supervision pages', () => {
  it('shows the known indicators the rows carry, and any new figure the statistics API adds, under its field name', () => {
    const row = {
      dimension: 'centre',
      key: '510900',
      label: '遂宁',
      received: 3,
      onTimeRate: null,
      handlingWorkingDays: 4,
      ratingRate: 0.5,
      complaints: 2,
      note: 'x',
      catalogue: { items: 10, onlineApplicableShare: 0.9, limitCompressionSum: 3.2, newShare: 0.1 },
    };
    const columns = statColumns([row]);
    expect(columns.map((c) => c.field)).toEqual(['received', 'onTimeRate', 'ratingRate', 'catalogue.items', 'catalogue.onlineApplicableShare', 'catalogue.newShare', 'complaints']);
    expect(columns.find((c) => c.field === 'catalogue.items')?.labelKey).toBe('supervision.stats.col.catalogue_items');
    expect(columns.filter((c) => c.labelKey === null)).toEqual([
      { field: 'catalogue.newShare', labelKey: null, format: 'rate' },
      { field: 'complaints', labelKey: null, format: 'count' },
    ]);
    expect(figureOf(row, 'catalogue.onlineApplicableShare')).toBe(0.9);
    expect(figureOf(row, 'accepted')).toBeNull();
  });

  it('tells a province rule from a tightened override and a rule the centre added', () => {
    const view: SupervisionRulesView = {
      centreCode: '510900',
      province: [rule('step-overdue'), rule('case-overdue')],
      local: [rule('step-overdue'), rule('night-shift')],
      effective: [rule('step-overdue'), rule('case-overdue'), rule('night-shift')],
      loosenings: [],
    };
    expect(view.effective.map((r) => ruleSource(r, view))).toEqual(['override', 'province', 'local']);
  });

  it('describes scopes and triggers with their thresholds', () => {
    expect(scopeText({ kind: 'item', itemCode: '11510900MB1' })).toEqual({ key: 'supervision.rules.scope.item', params: { code: '11510900MB1' } });
    expect(triggerText({ kind: 'due_soon', target: 'step', withinWorkingDays: 2 })).toEqual({ key: 'supervision.rules.trigger.due_soon_step', params: { days: 2 } });
    expect(triggerText({ kind: 'case_overdue', afterWorkingDays: 1 })).toEqual({ key: 'supervision.rules.trigger.case_overdue', params: { days: 1 } });
    expect(triggerText({ kind: 'refused_without_reasons' })).toEqual({ key: 'supervision.rules.trigger.refused_without_reasons', params: {} });
  });
});
