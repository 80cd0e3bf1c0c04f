import { ApplicationStatus } from '@zhengwu/approval/domain';
import { nationalCalendar } from '@zhengwu/calendar/domain';
import type { ApplicationView, ProcedureStepView } from '@zhengwu/shared/contracts';
import { calendarWithOverrides } from '../api/centre-calendar.service';
import { deadlineEffects, shiftAcrossPause } from './deadline-effects';

const calendar = nationalCalendar();
/** 10:00 in China on Friday 18 September 2026. */
const friday = new Date('2026-09-18T02:00:00Z');

const procedure: ProcedureStepView[] = [
  { position: 1, code: 'SL', name: '受理', post: 'window_clerk', limitWorkingDays: 1 },
  { position: 2, code: 'SC', name: '审查', post: 'reviewer', limitWorkingDays: 2 },
  { position: 3, code: 'JD', name: '决定', post: 'approver', limitWorkingDays: 2 },
];

function view(overrides: Partial<ApplicationView> = {}): ApplicationView {
  return {
    id: 'a1',
    version: 4,
    centreCode: '510900',
    receivingCentre: '510900',
    verificationCentre: null,
    caseNumber: null,
    item: { id: 'i1', name: '道路货物运输经营许可', departmentName: '交通运输局', caseType: 'promised', itemTypeCode: '01' },
    applicant: { kind: 'natural_person', name: '张三', identityMasked: '510981********1234' },
    status: ApplicationStatus.Submitted,
    statusLabel: { zh: '已提交，待预审', en: 'Submitted' },
    clockState: 'not_started',
    pause: null,
    supervisionLevel: 'normal',
    resultType: null,
    deliveryMode: 'window',
    originalsCheckRequired: false,
    originalsVerified: false,
    originalsChecks: [],
    deadlines: { promisedDue: null, legalDue: null, provisional: false, extensionWorkingDays: 0 },
    currentStep: null,
    timeline: [],
    pauses: [],
    notices: [],
    materials: [],
    allowedActions: [],
    formData: {},
    createdAt: '2026-09-17T01:00:00.000Z',
    submittedAt: '2026-09-17T01:00:00.000Z',
    acceptedAt: null,
    completedAt: null,
    deemedAcceptedAt: null,
    caseRated: false,
    ...overrides,
  };
}

const limits = { promised: { value: 20, unit: 'working_day' as const }, legal: { value: 20, unit: 'working_day' as const } };

describe('deadlineEffects', () => {
  it('accept: the clock starts today, 20 working days after 2026-09-18 is 2026-10-22 (National Day week), the review step starts', () => {
    expect(deadlineEffects({ action: 'accept', view: view(), calendar, now: friday, procedure, limits })).toEqual([
      { kind: 'clock_starts', on: '2026-09-18' },
      { kind: 'case_due', which: 'promised', from: null, to: '2026-10-22', provisional: false },
      { kind: 'case_due', which: 'legal', from: null, to: '2026-10-22', provisional: false },
      // Sunday 20 September is a make-up working day (调休) for National Day.
      { kind: 'step_opens', stepName: '审查', post: 'reviewer', limitWorkingDays: 2, due: '2026-09-21', provisional: false },
    ]);
  });

  it('accept of a case deemed accepted (§32) counts from its submission', () => {
    const effects = deadlineEffects({
      action: 'accept',
      view: view({ deemedAcceptedAt: '2026-09-25T01:00:00.000Z' }),
      calendar,
      now: friday,
      procedure,
      limits,
    });
    expect(effects[0]).toEqual({ kind: 'clock_starts', on: '2026-09-17' });
  });

  it('an 即办件 is decided on the spot', () => {
    const immediate = view({ item: { ...view().item, caseType: 'immediate' } });
    expect(deadlineEffects({ action: 'accept', view: immediate, calendar, now: friday, procedure, limits })).toEqual([{ kind: 'decided_on_the_spot' }]);
  });

  it('pass: the current step closes with its days left and the next step starts today', () => {
    const inReview = view({
      status: ApplicationStatus.Accepted,
      deadlines: { promisedDue: '2026-10-22', legalDue: '2026-10-22', provisional: false, extensionWorkingDays: 0 },
      currentStep: { position: 1, name: '审查', post: 'reviewer', due: '2026-09-22', assignee: null },
    });
    expect(deadlineEffects({ action: 'pass_step', view: inReview, calendar, now: friday, procedure, limits })).toEqual([
      { kind: 'step_closes', stepName: '审查', due: '2026-09-22', remainingWorkingDays: 3, overdue: false },
      { kind: 'step_opens', stepName: '决定', post: 'approver', limitWorkingDays: 2, due: '2026-09-21', provisional: false },
      { kind: 'unchanged', promisedDue: '2026-10-22', legalDue: '2026-10-22' },
    ]);
  });

  it('extension (§42): both deadlines move 10 working days, across the holiday week', () => {
    const accepted = view({
      status: ApplicationStatus.Accepted,
      deadlines: { promisedDue: '2026-09-25', legalDue: '2026-10-22', provisional: false, extensionWorkingDays: 0 },
    });
    expect(deadlineEffects({ action: 'extend', view: accepted, calendar, now: friday, procedure, limits })).toEqual([
      // Mid-Autumn (25–27 September) and National Day (1–7 October) are off; 10 October is worked.
      { kind: 'case_due', which: 'promised', from: '2026-09-25', to: '2026-10-15', provisional: false },
      { kind: 'case_due', which: 'legal', from: '2026-10-22', to: '2026-11-05', provisional: false },
    ]);
  });

  it('a deadline pushed into an unpublished year is provisional', () => {
    const late = view({
      status: ApplicationStatus.Accepted,
      deadlines: { promisedDue: '2026-12-28', legalDue: '2026-12-31', provisional: false, extensionWorkingDays: 0 },
    });
    const effects = deadlineEffects({ action: 'extend', view: late, calendar, now: friday, procedure, limits });
    expect(effects.every((effect) => effect.kind === 'case_due' && effect.provisional)).toBe(true);
  });

  it('special procedure: the clock pauses; at the full cap every deadline moves by the paused working days', () => {
    const accepted = view({
      status: ApplicationStatus.Accepted,
      clockState: 'running',
      deadlines: { promisedDue: '2026-09-25', legalDue: '2026-10-22', provisional: false, extensionWorkingDays: 0 },
      currentStep: { position: 1, name: '审查', post: 'reviewer', due: '2026-09-22', assignee: null },
    });
    const effects = deadlineEffects({ action: 'start_special_procedure', view: accepted, calendar, now: friday, procedure, limits, capWorkingDays: 5 });
    expect(effects).toEqual([
      { kind: 'clock_pauses', on: '2026-09-18', capWorkingDays: 5, resumeBy: '2026-09-24', provisional: false },
      // 5 working days were left to the promise (20–24 September): counted again from the 24th.
      { kind: 'case_due', which: 'promised', from: '2026-09-25', to: '2026-10-09', provisional: false, ifFullCap: true },
      { kind: 'case_due', which: 'legal', from: '2026-10-22', to: '2026-10-29', provisional: false, ifFullCap: true },
      { kind: 'step_due', stepName: '审查', from: '2026-09-22', to: '2026-09-30', provisional: false, ifFullCap: true },
    ]);
  });

  it('end of a special procedure: the working days left at the pause count again from today', () => {
    const paused = view({
      status: ApplicationStatus.Accepted,
      clockState: 'paused',
      pause: { kind: 'testing', reason: '送检', startedAt: '2026-09-14T02:00:00.000Z', capWorkingDays: 10, resumeBy: '2026-09-28', endedAt: null },
      deadlines: { promisedDue: '2026-09-16', legalDue: null, provisional: false, extensionWorkingDays: 0 },
    });
    expect(deadlineEffects({ action: 'end_special_procedure', view: paused, calendar, now: friday, procedure, limits })).toEqual([
      { kind: 'clock_resumes', on: '2026-09-18', pausedWorkingDays: 4 },
      { kind: 'case_due', which: 'promised', from: '2026-09-16', to: '2026-09-21', provisional: false },
      { kind: 'case_due', which: 'legal', from: null, to: null, provisional: false },
    ]);
  });

  it('approve: the clock stops today, with the working days left before the promise; the originals check follows', () => {
    const atDecision = view({
      status: ApplicationStatus.Accepted,
      originalsCheckRequired: true,
      verificationCentre: '510981',
      deadlines: { promisedDue: '2026-09-25', legalDue: '2026-10-22', provisional: false, extensionWorkingDays: 0 },
    });
    expect(deadlineEffects({ action: 'approve', view: atDecision, calendar, now: friday, procedure, limits })).toEqual([
      { kind: 'clock_stops', on: '2026-09-18', promisedDue: '2026-09-25', remainingWorkingDays: 5, overdue: false },
      { kind: 'originals_check_follows', verificationCentre: '510981' },
    ]);
  });

  it('a return with a notice leaves the clock not started', () => {
    expect(deadlineEffects({ action: 'return_with_notice', view: view(), calendar, now: friday, procedure, limits })).toEqual([{ kind: 'clock_stays_stopped' }]);
  });

  it('counts the centre’s own closures', () => {
    const closed = calendarWithOverrides([{ date: '2026-10-12', kind: 'closed', reason: '防汛应急闭厅' }]);
    const accepted = view({
      status: ApplicationStatus.Accepted,
      deadlines: { promisedDue: '2026-09-25', legalDue: null, provisional: false, extensionWorkingDays: 0 },
    });
    expect(deadlineEffects({ action: 'extend', view: accepted, calendar: closed, now: friday, procedure, limits })[0]).toEqual({
      kind: 'case_due',
      which: 'promised',
      from: '2026-09-25',
      to: '2026-10-16',
      provisional: false,
    });
  });

  it('a pause that starts and ends the same day moves nothing; an overdue deadline does not move', () => {
    expect(shiftAcrossPause(calendar, '2026-09-22', '2026-09-18', '2026-09-18')).toEqual({ date: '2026-09-22', provisional: false });
    expect(shiftAcrossPause(calendar, '2026-09-17', '2026-09-18', '2026-09-24')).toEqual({ date: '2026-09-17', provisional: false });
  });
});
