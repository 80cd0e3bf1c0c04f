import { type CivilDate, nationalCalendar } from '@zhengwu/calendar/domain';
import { type CaseUnderSupervision, evaluateCase, evaluateVerification, stepSubjectKey } from './evaluate';
import { PROVINCE_BASELINE_RULES } from './province-rules';
import type { SupervisionRule } from './rule';

const calendar = nationalCalendar();
/** Noon in China on a civil date. */
const at = (date: string) => new Date(`${date}T12:00:00+08:00`);

const accepted = (overrides: Partial<CaseUnderSupervision> = {}): CaseUnderSupervision => ({
  applicationId: 'a1',
  caseNumber: '51090020260918010000011',
  status: 30,
  clockState: 'running',
  itemCode: '11510000MB1234567X',
  departmentCode: 'SCJG',
  submittedAt: at('2026-09-10'),
  promisedDue: '2026-10-30',
  step: { seq: 2, due: '2026-09-30' },
  ...overrides,
});

const byRule = (rules: readonly SupervisionRule[], work: CaseUnderSupervision, now: Date) =>
  Object.fromEntries(evaluateCase(rules, work, calendar, now).map((f) => [f.ruleId, f]));

describe('evaluation on the 2026 calendar', () => {
  it('counts a step due 2026-09-30 as 1 working day overdue on 2026-10-08, not 8 (National Day is off)', () => {
    const fired = byRule(PROVINCE_BASELINE_RULES, accepted(), at('2026-10-08'));
    expect(fired['step-overdue']).toMatchObject({
      level: 'red',
      subjectKind: 'step',
      subjectKey: stepSubjectKey('a1', 2),
      due: '2026-09-30',
      workingDays: 1,
      provisional: false,
    });
    // The case as a whole is on time: a step is supervised on its own.
    expect(fired['case-overdue']).toBeUndefined();
  });

  it('is overdue by 0 working days through the holiday and fires red from the day after the deadline', () => {
    expect(byRule(PROVINCE_BASELINE_RULES, accepted(), at('2026-09-30'))['step-overdue']).toBeUndefined();
    expect(byRule(PROVINCE_BASELINE_RULES, accepted(), at('2026-10-03'))['step-overdue']).toMatchObject({ workingDays: 0 });
    const later: SupervisionRule = { ...PROVINCE_BASELINE_RULES[2], id: 'late-step', trigger: { kind: 'step_overdue', afterWorkingDays: 1 } };
    expect(byRule([later], accepted(), at('2026-10-07'))['late-step']).toBeUndefined();
    expect(byRule([later], accepted(), at('2026-10-08'))['late-step']).toMatchObject({ workingDays: 1 });
  });

  it('counts the make-up Saturday 2026-10-10 as a working day', () => {
    const work = accepted({ step: { seq: 3, due: '2026-10-09' } });
    expect(byRule(PROVINCE_BASELINE_RULES, work, at('2026-10-10'))['step-overdue']).toMatchObject({ workingDays: 1 });
    expect(byRule(PROVINCE_BASELINE_RULES, work, at('2026-10-11'))['step-overdue']).toMatchObject({ workingDays: 1 });
    expect(byRule(PROVINCE_BASELINE_RULES, work, at('2026-10-12'))['step-overdue']).toMatchObject({ workingDays: 2 });
  });

  it('warns yellow as a deadline nears, in working days across the holiday', () => {
    // 2026-09-29 → 09-30 is the one working day left before a 09-30 deadline.
    expect(byRule(PROVINCE_BASELINE_RULES, accepted(), at('2026-09-29'))['step-due-soon']).toMatchObject({ level: 'yellow', workingDays: 1 });
    expect(byRule(PROVINCE_BASELINE_RULES, accepted(), at('2026-09-28'))['step-due-soon']).toBeUndefined();
    // Case due 2026-10-09: on 2026-09-30 only 10-08 and 10-09 are left (2 working days) though 9 calendar days remain.
    const work = accepted({ promisedDue: '2026-10-09', step: null });
    expect(byRule(PROVINCE_BASELINE_RULES, work, at('2026-09-30'))['case-due-soon']).toMatchObject({ workingDays: 2 });
    expect(byRule(PROVINCE_BASELINE_RULES, work, at('2026-09-29'))['case-due-soon']).toBeUndefined();
  });

  it('flags a case overdue on its promised deadline', () => {
    const fired = byRule(PROVINCE_BASELINE_RULES, accepted({ promisedDue: '2026-09-30', step: null }), at('2026-10-09'));
    expect(fired['case-overdue']).toMatchObject({ subjectKind: 'case', subjectKey: 'case:a1', workingDays: 2 });
  });

  it('does not supervise deadlines while a special procedure holds the clock', () => {
    const fired = byRule(PROVINCE_BASELINE_RULES, accepted({ clockState: 'paused' }), at('2026-10-20'));
    expect(Object.keys(fired)).toEqual([]);
  });

  it('flags a pre-review not decided within 5 working days of receipt (§32)', () => {
    // Submitted 2026-09-24: the 5th working day after is 2026-10-09 (09-25…09-27 and 10-01…10-07 are off).
    const work = accepted({ status: 12, clockState: 'not_started', submittedAt: at('2026-09-24'), promisedDue: null, step: null });
    expect(byRule(PROVINCE_BASELINE_RULES, work, at('2026-10-09'))['pre-review-undecided']).toBeUndefined();
    expect(byRule(PROVINCE_BASELINE_RULES, work, at('2026-10-10'))['pre-review-undecided']).toMatchObject({ due: '2026-10-09', workingDays: 1 });
  });

  it('flags a refusal without reasons and not one with reasons', () => {
    const refused = accepted({ status: 97, clockState: 'stopped', step: null, promisedDue: null });
    expect(byRule(PROVINCE_BASELINE_RULES, { ...refused, refusalReasoned: false }, at('2026-10-12'))['refused-without-reasons']).toMatchObject({ level: 'red' });
    expect(byRule(PROVINCE_BASELINE_RULES, { ...refused, refusalReasoned: true }, at('2026-10-12'))['refused-without-reasons']).toBeUndefined();
  });

  it('applies department and item scopes only to their work', () => {
    const strict: SupervisionRule = {
      id: 'food-step-early',
      name: { zh: '食品环节', en: 'Food steps' },
      scope: { kind: 'department', departmentCode: 'SCJG' },
      trigger: { kind: 'due_soon', target: 'step', withinWorkingDays: 3 },
      level: 'yellow',
      notify: ['handler'],
      enabled: true,
    };
    expect(byRule([strict], accepted(), at('2026-09-25'))['food-step-early']).toMatchObject({ workingDays: 3 });
    expect(byRule([strict], accepted({ departmentCode: 'GA' }), at('2026-09-25'))['food-step-early']).toBeUndefined();
    const item: SupervisionRule = { ...strict, id: 'item-rule', scope: { kind: 'item', itemCode: 'other' } };
    expect(byRule([item], accepted(), at('2026-09-25'))['item-rule']).toBeUndefined();
  });

  it('marks an answer that rests on the unpublished 2027 schedule provisional', () => {
    const fired = byRule(PROVINCE_BASELINE_RULES, accepted({ step: { seq: 1, due: '2026-12-31' } }), at('2027-01-06'));
    expect(fired['step-overdue']).toMatchObject({ provisional: true });
  });

  it('watches an originals check routed to this centre past its due date', () => {
    const task = { taskId: 't1', caseNumber: '51090020260918010000011', due: '2026-09-30' as CivilDate };
    expect(evaluateVerification(PROVINCE_BASELINE_RULES, task, calendar, at('2026-09-30'))).toEqual([]);
    expect(evaluateVerification(PROVINCE_BASELINE_RULES, task, calendar, at('2026-10-08'))).toEqual([
      expect.objectContaining({ ruleId: 'verification-overdue', subjectKey: 'verification:t1', workingDays: 1 }),
    ]);
  });
});
