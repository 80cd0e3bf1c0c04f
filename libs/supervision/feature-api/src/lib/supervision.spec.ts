import { type CivilDate, chinaCivilDate, nationalCalendar } from '@zhengwu/calendar/domain';
import { connectAsRuntimeRole, type TestApp } from '@zhengwu/server/testing';
import type {
  AccountabilityRecordView,
  ApplicationView,
  ErrorBody,
  RuleDriftReportView as DriftReportView,
  SupervisionAlertView as AlertView,
  SupervisionBoardView,
  SupervisionBoardView as BoardView,
  SupervisionNoticeView as NoticeView,
  SupervisionPage as Page,
  SupervisionRulesView as RulesView,
} from '@zhengwu/shared/contracts';
import { StepRiskService } from './risk/step-risk.service';
import { SupervisionSweeper } from './sweep/supervision-sweeper.service';
import { chinaNoon, createSupervisionTestApp, SETUP_TIMEOUT, STORY_TIMEOUT, SupervisionKit } from './testing/supervision-test-kit';

const SUINING = '510900';
const SHEHONG = '510981';
const FOOD = '食品经营许可（新办）';
const calendar = nationalCalendar();

/**
 * Electronic supervision over HTTP and the real database: the sweep raises alerts at the instants
 * the working-day calendar says, once, however many sweepers run; red alerts open a notice and an
 * accountability record naming whoever held the step; rules inherit tighten-only; centres stay apart.
 */
describe('electronic supervision', () => {
  let t: TestApp;
  let kit: SupervisionKit;
  let sweeper: SupervisionSweeper;

  beforeAll(async () => {
    t = await createSupervisionTestApp();
    kit = new SupervisionKit(t);
    sweeper = t.app.get(SupervisionSweeper);
  }, SETUP_TIMEOUT);
  afterAll(() => t.close());

  const alertsOf = async (application: ApplicationView, state: 'open' | 'all' = 'all') => {
    const supervisor = await kit.staff(application.centreCode, 'supervisor');
    const page = kit.ok(
      await t.http.get<Page<AlertView>>(`/api/v1/centres/${application.centreCode}/supervision/alerts?state=${state}&applicationId=${application.id}&limit=200`, { token: supervisor }),
    );
    return page.items;
  };

  it(
    'warns yellow on the step deadline and raises red the day after, once, with a notice and the holder after a reassignment',
    async () => {
      const accepted = await kit.accepted(SUINING, FOOD);
      const due = accepted.currentStep?.due as CivilDate;
      expect(due).toBe(calendar.addWorkingDays(chinaCivilDate(new Date()), 6).date);

      // The supervisor hands the step to one reviewer, then reassigns it to another.
      const supervisor = await kit.staff(SUINING, 'supervisor');
      const first = await kit.newStaff(SUINING, ['reviewer'], '审核员甲');
      const second = await kit.newStaff(SUINING, ['reviewer'], '审核员乙');
      const assigned = await kit.act(accepted, 'steps/assign', supervisor, { version: accepted.version, staffId: first.id });
      await kit.act(assigned, 'steps/assign', supervisor, { version: assigned.version, staffId: second.id });

      // On the deadline day: yellow (due today), not red.
      await sweeper.sweep(chinaNoon(due), { tenants: [SUINING] });
      let alerts = await alertsOf(accepted);
      expect(alerts.map((a) => [a.ruleId, a.level])).toEqual([['step-due-soon', 'yellow']]);
      expect(alerts[0]).toMatchObject({ subjectKind: 'step', due, workingDays: 0, holderId: second.id, holderName: '审核员乙', post: 'reviewer' });

      // The next calendar day (even a weekend): red, overdue by the working days begun since.
      const dayAfter = new Date(chinaNoon(due).getTime() + 86_400_000);
      const lost = -calendar.remainingWorkingDays(dayAfter, due).remaining;
      const report = await sweeper.sweep(dayAfter, { tenants: [SUINING] });
      expect(report.centres).toBe(1);
      alerts = await alertsOf(accepted);
      const red = alerts.find((a) => a.ruleId === 'step-overdue');
      expect(red).toMatchObject({ level: 'red', due, workingDays: Math.max(0, lost), holderId: second.id, resolvedAt: null });
      // The yellow warning gave way to the red alert.
      expect(alerts.find((a) => a.ruleId === 'step-due-soon')?.resolvedAt).not.toBeNull();

      // Sweeping the same instant again raises nothing new.
      await sweeper.sweep(dayAfter, { tenants: [SUINING] });
      expect((await alertsOf(accepted)).length).toBe(alerts.length);

      const records = kit.ok(await t.http.get<Page<AccountabilityRecordView>>(`/api/v1/centres/${SUINING}/supervision/accountability?applicationId=${accepted.id}`, { token: supervisor }));
      expect(records.items).toEqual([expect.objectContaining({ alertId: red?.id, holderId: second.id, holderName: '审核员乙', post: 'reviewer', level: 'red' })]);

      const notices = kit.ok(await t.http.get<Page<NoticeView>>(`/api/v1/centres/${SUINING}/supervision/notices?status=open&limit=200`, { token: supervisor }));
      const notice = notices.items.find((n) => n.alertId === red?.id);
      expect(notice).toMatchObject({ status: 'open', responseWorkingDays: 3, responseDue: calendar.addWorkingDays(dayAfter, 3).date });
      expect(notice?.departmentName).toBeTruthy();
      expect(records.items[0].noticeId).toBe(notice?.id);

      // The board counts the case red and lists it as overdue.
      const board = kit.ok(await t.http.get<BoardView>(`/api/v1/centres/${SUINING}/supervision/board`, { token: supervisor }));
      expect(board.overdue.map((a) => a.id)).toContain(red?.id);
      expect(board.counts.red).toBeGreaterThanOrEqual(1);
      expect(board.counts.open).toBe(board.counts.normal + board.counts.yellow + board.counts.red);
      // Its counts are the ones the last sweep left (the board counts nothing per request), and they
      // agree with the alerts as listed.
      expect(board.countedAt).toBe(dayAfter.toISOString());
      const openRed = kit.ok(await t.http.get<Page<AlertView>>(`/api/v1/centres/${SUINING}/supervision/alerts?level=red&state=open&limit=1`, { token: supervisor }));
      expect(board.overdueTotal).toBe(openRed.total);
      expect(board.overdue.length).toBe(Math.min(100, openRed.total));

      // The department answers through its head; the supervisor closes; a closed notice takes no more answers.
      const reviewer = await kit.staff(SUINING, 'reviewer');
      const head = await kit.newDepartmentHead(SUINING, notice?.departmentId ?? '', '科长甲');
      const responded = kit.ok(
        await t.http.post<NoticeView>(`/api/v1/centres/${SUINING}/supervision/notices/${notice?.id}/response`, { response: '已督促审核员当日办结。' }, { token: head.token }),
      );
      expect(responded).toMatchObject({ status: 'responded', response: '已督促审核员当日办结。', respondedByName: '科长甲' });
      const closed = kit.ok(await t.http.post<NoticeView>(`/api/v1/centres/${SUINING}/supervision/notices/${notice?.id}/close`, { comment: '整改到位' }, { token: supervisor }));
      expect(closed).toMatchObject({ status: 'closed', closingComment: '整改到位', closedByName: '电子监察员' });
      const late = await t.http.post<ErrorBody>(`/api/v1/centres/${SUINING}/supervision/notices/${notice?.id}/response`, { response: '补充说明' }, { token: reviewer });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('NOTICE_CLOSED');
      // Only supervisors close notices.
      const byReviewer = await t.http.post(`/api/v1/centres/${SUINING}/supervision/notices/${notice?.id}/close`, {}, { token: reviewer });
      expect(byReviewer.status).toBe(403);
    },
    STORY_TIMEOUT,
  );

  it(
    'counts working days across National Day: a step due 2026-09-30 is 1 working day late on 2026-10-08',
    async () => {
      const accepted = await kit.accepted(SUINING, FOOD);
      await kit.setDates(SUINING, accepted.id, { stepDue: '2026-09-30', promisedDue: '2026-10-30' });

      await sweeper.sweep(chinaNoon('2026-09-29'), { tenants: [SUINING] });
      expect((await alertsOf(accepted)).map((a) => [a.ruleId, a.level, a.workingDays])).toEqual([['step-due-soon', 'yellow', 1]]);

      // 10-01…10-07 are holidays: the first red sweep, on the first working day after, finds 1 working day lost, not 8.
      await sweeper.sweep(chinaNoon('2026-10-08'), { tenants: [SUINING] });
      const red = (await alertsOf(accepted, 'open')).filter((a) => a.level === 'red');
      expect(red.map((a) => [a.ruleId, a.due, a.workingDays])).toEqual([['step-overdue', '2026-09-30', 1]]);
    },
    STORY_TIMEOUT,
  );

  it(
    'raises each alert once when two sweepers run at the same time',
    async () => {
      const accepted = await kit.accepted(SUINING, FOOD);
      await kit.setDates(SUINING, accepted.id, { stepDue: '2026-10-09', promisedDue: '2026-10-12' });
      const now = chinaNoon('2026-10-13');
      const [a, b] = await Promise.all([sweeper.sweep(now, { tenants: [SUINING] }), sweeper.sweep(now, { tenants: [SUINING] })]);
      expect(a.centres + b.centres + a.skipped + b.skipped).toBe(2);

      const alerts = await alertsOf(accepted);
      expect(alerts.map((x) => x.ruleId).sort()).toEqual(['case-overdue', 'step-overdue']);
      // The make-up Saturday 10-10 counts: 10-10 and 10-12, 10-13 are working days after 10-09.
      expect(alerts.find((x) => x.ruleId === 'step-overdue')?.workingDays).toBe(3);
      const supervisor = await kit.staff(SUINING, 'supervisor');
      const records = kit.ok(await t.http.get<Page<AccountabilityRecordView>>(`/api/v1/centres/${SUINING}/supervision/accountability?applicationId=${accepted.id}`, { token: supervisor }));
      expect(records.total).toBe(2);
      // Nobody had claimed the step: the record names no person, the post answers for it.
      expect(records.items.every((r) => r.holderId === null && r.post === 'reviewer')).toBe(true);
    },
    STORY_TIMEOUT,
  );

  it(
    'lets a centre tighten a province rule and refuses loosening, with a drift report at the province',
    async () => {
      const shehong = await kit.staff(SHEHONG, 'supervisor');
      const base = kit.ok(await t.http.get<RulesView>(`/api/v1/centres/${SHEHONG}/supervision/rules`, { token: shehong }));
      const stepOverdue = base.province.find((r) => r.id === 'step-overdue');
      const caseDueSoon = base.province.find((r) => r.id === 'case-due-soon');
      expect(stepOverdue && caseDueSoon).toBeTruthy();

      const looser = await t.http.put<ErrorBody>(
        `/api/v1/centres/${SHEHONG}/supervision/rules/step-overdue`,
        { ...stepOverdue, id: undefined, trigger: { kind: 'step_overdue', afterWorkingDays: 2 }, level: 'yellow' },
        { token: shehong },
      );
      expect(looser.status).toBe(400);
      expect(looser.body).toMatchObject({ code: 'RULE_LOOSENS_PROVINCE_RULE', message: { zh: expect.any(String), en: expect.any(String) } });
      expect((looser.body.details as { loosenings: Array<{ field: string }> }).loosenings.map((l) => l.field)).toEqual(['level', 'threshold']);

      const { id: _id, ...tighterBody } = { ...caseDueSoon, trigger: { kind: 'due_soon', target: 'case', withinWorkingDays: 4 }, level: 'red', notify: ['handler', 'department_head', 'supervisor'] };
      const saved = kit.ok(await t.http.put<RulesView>(`/api/v1/centres/${SHEHONG}/supervision/rules/case-due-soon`, tighterBody, { token: shehong }));
      expect(saved.effective.find((r) => r.id === 'case-due-soon')).toMatchObject({ level: 'red', trigger: { withinWorkingDays: 4 } });
      // Exactly one override more than before (the run's isolation suite may have left a rule of its own at Shehong).
      const before = base.local.map((r) => r.id);
      expect(saved.local.map((r) => r.id).sort()).toEqual([...before, 'case-due-soon'].sort());

      const invalid = await t.http.put<ErrorBody>(`/api/v1/centres/${SHEHONG}/supervision/rules/odd-rule`, { ...tighterBody, trigger: { kind: 'due_soon', target: 'step', withinWorkingDays: 99 } }, { token: shehong });
      expect(invalid.status).toBe(400);
      expect(invalid.body.code).toBe('RULE_INVALID');

      const province = await kit.staff('510000', 'supervisor');
      const drift = kit.ok(await t.http.get<DriftReportView>('/api/v1/centres/510000/supervision/rules/drift', { token: province }));
      expect(drift.centres.find((c) => c.centreCode === SHEHONG)?.deviations.filter((d) => !before.includes(d.ruleId))).toEqual([
        expect.objectContaining({ ruleId: 'case-due-soon', kind: 'tightened' }),
      ]);

      // Removing the override falls back to the province rule; a province rule itself cannot be removed at a centre.
      const reverted = kit.ok(await t.http.delete<RulesView>(`/api/v1/centres/${SHEHONG}/supervision/rules/case-due-soon`, { token: shehong }));
      expect(reverted.effective.find((r) => r.id === 'case-due-soon')).toEqual(caseDueSoon);
      const removeProvince = await t.http.delete<ErrorBody>(`/api/v1/centres/${SHEHONG}/supervision/rules/step-overdue`, { token: shehong });
      expect(removeProvince.status).toBe(409);
    },
    STORY_TIMEOUT,
  );

  it(
    'shows, before any alert, the open step whose history says it will likely breach its limit',
    async () => {
      // History: six cases whose review step ran two weeks on a three-working-day limit.
      const reviewer = await kit.staff(SUINING, 'reviewer');
      const late: ApplicationView[] = [];
      for (let i = 0; i < 6; i++) {
        const accepted = await kit.accepted(SUINING, FOOD);
        late.push(await kit.act(accepted, 'steps/pass', reviewer, { version: accepted.version }));
      }
      expect(late[0].timeline.some((step) => step.finishedAt !== null && step.post === 'reviewer')).toBe(true);
      await kit.asOwner(SUINING, (owner) =>
        owner.query(
          `UPDATE application_steps SET started_at = now() - interval '20 days', due = (now() - interval '15 days')::date
            WHERE tenant_id = $1 AND application_id = ANY($2::uuid[]) AND finished_at IS NOT NULL AND post = 'reviewer'`,
          [SUINING, late.map((application) => application.id)],
        ),
      );
      // Now: a fresh case of the same item reaches the same step, far from its deadline. The sweep
      // ranks the open steps (and raises no alert on this one: nothing is due yet).
      const fresh = await kit.accepted(SUINING, FOOD);
      t.app.get(StepRiskService).forget();
      await sweeper.sweep(new Date(), { tenants: [SUINING] });
      const supervisor = await kit.staff(SUINING, 'supervisor');
      const board = kit.ok(await t.http.get<SupervisionBoardView>(`/api/v1/centres/${SUINING}/supervision/board`, { token: supervisor }));
      const risk = board.atRisk.find((step) => step.applicationId === fresh.id);
      expect(risk).toMatchObject({ band: 'high', post: 'reviewer', stepSeq: fresh.timeline.find((step) => step.finishedAt === null)?.seq, due: fresh.currentStep?.due, elapsedWorkingDays: 0 });
      expect(risk?.probability).toBeGreaterThanOrEqual(0.5);
      expect(risk?.basis[0]).toMatchObject({ scope: 'item_step_queue' });
      expect(risk?.basis.find((level) => level.scope === 'item_step')?.breaches).toBeGreaterThanOrEqual(6);
      expect(risk?.explanation.zh).toContain('预计超期概率');
      // A case with an open alert is on the threshold lists, not here.
      expect(board.atRisk.every((step) => ![...board.overdue, ...board.dueSoon].some((alert) => alert.applicationId === step.applicationId))).toBe(true);
    },
    STORY_TIMEOUT,
  );

  it(
    "keeps centres apart: Shehong's supervisor cannot read Suining's alerts, over HTTP or in the database",
    async () => {
      const shehong = await kit.staff(SHEHONG, 'supervisor');
      for (const path of ['alerts', 'board', 'notices', 'accountability', 'rules']) {
        const response = await t.http.get(`/api/v1/centres/${SUINING}/supervision/${path}`, { token: shehong });
        expect([path, response.status]).toEqual([path, 403]);
      }
      const db = await connectAsRuntimeRole();
      try {
        const suiningCount = await db.asTenant(SUINING, async (c) => (await c.query(`SELECT count(*)::int AS n FROM supervision_alerts`)).rows[0].n as number);
        expect(suiningCount).toBeGreaterThan(0);
        for (const table of ['supervision_alerts', 'supervision_notices', 'accountability_records']) {
          const seen = await db.asTenant(SHEHONG, async (c) => (await c.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [SUINING])).rows[0].n as number);
          expect([table, seen]).toEqual([table, 0]);
        }
      } finally {
        await db.client.end();
      }
    },
    STORY_TIMEOUT,
  );

  it(
    'lets the runtime role refresh the alerts table statistics, as a sweep that raised or resolved many alerts does',
    async () => {
      const db = await connectAsRuntimeRole();
      try {
        const analyzed = async () =>
          (await db.client.query<{ n: string }>(`SELECT coalesce(analyze_count, 0) + coalesce(autoanalyze_count, 0) AS n FROM pg_stat_user_tables WHERE relname = 'supervision_alerts'`)).rows[0]?.n;
        const before = Number(await analyzed());
        await db.asTenant(SUINING, (c) => c.query('SELECT supervision_refresh_alert_statistics()'));
        // The statistics collector reports asynchronously: wait for the count to move.
        const deadline = Date.now() + 10_000;
        while (Number(await analyzed()) <= before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
        expect(Number(await analyzed())).toBeGreaterThan(before);
      } finally {
        await db.client.end();
      }
    },
    STORY_TIMEOUT,
  );
});
