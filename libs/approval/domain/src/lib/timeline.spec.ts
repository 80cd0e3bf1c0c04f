import { ApplicationStatus as S } from './application-status';
import { type TimelineStepDefinition, buildTimeline } from './timeline';

const STEPS: TimelineStepDefinition[] = [
  { name: { zh: '受理', en: 'Acceptance' }, post: 'window_clerk', limitWorkingDays: 1 },
  { name: { zh: '审核', en: 'Review' }, post: 'reviewer', limitWorkingDays: 3 },
  { name: { zh: '决定', en: 'Decision' }, post: 'approver', limitWorkingDays: 2 },
];

describe('buildTimeline', () => {
  it('shows a case in review: milestones, steps with their posts and dates, the steps to come', () => {
    const timeline = buildTimeline({
      steps: STEPS,
      events: [
        { action: 'submit', to: S.Submitted, at: '2026-09-28T09:00:00+08:00' },
        { action: 'return_with_notice', to: S.Returned, at: '2026-09-28T15:00:00+08:00', comment: '营业执照复印件不清晰' },
        { action: 'resubmit', to: S.Submitted, at: '2026-09-29T08:00:00+08:00' },
        { action: 'accept', to: S.Accepted, at: '2026-09-29T10:00:00+08:00', comment: 'internal note' },
        { action: 'pass_step', to: S.Accepted, at: '2026-09-29T11:00:00+08:00', comment: 'internal note' },
      ],
      stepRecords: [
        { stepIndex: 0, startedAt: '2026-09-29T10:00:00+08:00', due: '2026-09-30', finishedAt: '2026-09-29T11:00:00+08:00', outcome: 'passed' },
        { stepIndex: 1, startedAt: '2026-09-29T11:00:00+08:00', due: '2026-10-09', finishedAt: null, outcome: null },
      ],
      current: { status: S.Accepted, currentStep: 1 },
      now: new Date('2026-10-08T10:00:00+08:00'),
    });
    expect(timeline.map((e) => (e.kind === 'milestone' ? e.action : `${e.stepIndex}:${e.state}`))).toEqual([
      'submit',
      'return_with_notice',
      'resubmit',
      'accept',
      '0:passed',
      '1:in_progress',
      '2:upcoming',
    ]);
    expect(timeline[1]).toMatchObject({ label: { zh: '退回并一次性告知' }, comment: '营业执照复印件不清晰' });
    expect(timeline[3]).toMatchObject({ comment: null }); // internal notes are not shown
    expect(timeline[5]).toMatchObject({ postLabel: { zh: '审核' }, due: '2026-10-09', overdue: false });
    expect(timeline[6]).toMatchObject({ name: { en: 'Decision' }, started: null, due: null });
  });

  it('marks a step overdue when it finished after its due date, or is still open after it', () => {
    const base = { steps: STEPS, events: [], current: { status: S.Approved, currentStep: null } };
    const late = buildTimeline({
      ...base,
      stepRecords: [{ stepIndex: 1, startedAt: '2026-09-29T11:00:00+08:00', due: '2026-10-09', finishedAt: '2026-10-10T09:00:00+08:00', outcome: 'passed' }],
      now: new Date('2026-10-20T10:00:00+08:00'),
    });
    expect(late).toEqual([expect.objectContaining({ stepIndex: 1, state: 'passed', overdue: true })]);
    const openStep = { stepIndex: 2, startedAt: '2026-10-12T09:00:00+08:00', due: '2026-10-14', finishedAt: null, outcome: null };
    const openAt = (now: string) => buildTimeline({ ...base, current: { status: S.Accepted, currentStep: 2 }, stepRecords: [openStep], now: new Date(now) });
    expect(openAt('2026-10-14T23:00:00+08:00')).toEqual([expect.objectContaining({ state: 'in_progress', overdue: false })]);
    // 16:30 UTC on the 14th is 00:30 on the 15th in China: overdue.
    expect(openAt('2026-10-14T16:30:00Z')).toEqual([expect.objectContaining({ state: 'in_progress', overdue: true })]);
  });

  it('shows every step as upcoming before acceptance and none after the decision', () => {
    const now = new Date('2026-10-08T10:00:00+08:00');
    expect(buildTimeline({ steps: STEPS, events: [], stepRecords: [], current: { status: S.Submitted, currentStep: null }, now })).toHaveLength(3);
    expect(buildTimeline({ steps: STEPS, events: [], stepRecords: [], current: { status: S.Completed, currentStep: null }, now })).toEqual([]);
  });

  it('shows a returned step and the step visited again', () => {
    const timeline = buildTimeline({
      steps: STEPS,
      events: [{ action: 'deny', to: S.Denied, at: '2026-10-13T10:00:00+08:00', comment: '不符合法定条件' }],
      stepRecords: [
        { stepIndex: 1, startedAt: '2026-10-08T09:00:00+08:00', due: '2026-10-12', finishedAt: '2026-10-09T09:00:00+08:00', outcome: 'passed' },
        { stepIndex: 2, startedAt: '2026-10-09T09:00:00+08:00', due: '2026-10-12', finishedAt: '2026-10-09T15:00:00+08:00', outcome: 'returned' },
        { stepIndex: 1, startedAt: '2026-10-09T15:00:00+08:00', due: '2026-10-14', finishedAt: '2026-10-12T09:00:00+08:00', outcome: 'passed' },
        { stepIndex: 2, startedAt: '2026-10-12T09:00:00+08:00', due: '2026-10-14', finishedAt: '2026-10-13T10:00:00+08:00', outcome: 'denied' },
      ],
      current: { status: S.Denied, currentStep: null },
      now: new Date('2026-10-13T11:00:00+08:00'),
    });
    expect(timeline.map((e) => (e.kind === 'milestone' ? `${e.action}:${e.comment}` : `${e.stepIndex}:${e.state}`))).toEqual([
      '1:passed',
      '2:returned',
      '1:passed',
      '2:denied',
      'deny:不符合法定条件',
    ]);
  });

  it('refuses a record for a step the procedure does not have', () => {
    expect(() =>
      buildTimeline({
        steps: STEPS,
        events: [],
        stepRecords: [{ stepIndex: 3, startedAt: '2026-10-08T09:00:00+08:00', due: null, finishedAt: null, outcome: null }],
        current: { status: S.Accepted, currentStep: 2 },
        now: new Date(),
      }),
    ).toThrow(RangeError);
  });
});
