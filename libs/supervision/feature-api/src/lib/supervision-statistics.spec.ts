import { nationalCalendar } from '@zhengwu/calendar/domain';
import { connectAsRuntimeRole, multipartBody, samplePdf, type TestApp, uniqueMobile, uniqueResidentIdNumber } from '@zhengwu/server/testing';
import type { ApplicantTokenResponse, ApplicationView } from '@zhengwu/shared/contracts';
import { type CatalogueFigures, catalogueIndicators, type StatCounters, type StatDimension, type StatisticsView, STAT_COUNTER_FIELDS, ZERO_CATALOGUE, ZERO_COUNTERS } from '@zhengwu/supervision/domain';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { SupervisionSweeper } from './sweep/supervision-sweeper.service';
import { createSupervisionTestApp, SETUP_TIMEOUT, STORY_TIMEOUT, SupervisionKit } from './testing/supervision-test-kit';

const SUINING = '510900';
const FOOD = '食品经营许可（新办）';
const IMMEDIATE = '个体工商户名称变更登记';
const calendar = nationalCalendar();
const COUNTED_STAFF_ACTIONS = ['accept', 'return_with_notice', 'not_accept', 'pass_step', 'return_step', 'approve', 'deny', 'complete'];

type Totals = Record<string, StatCounters>;

async function asSuining<T>(work: (c: import('pg').Client) => Promise<T>, commit = false): Promise<T> {
  const db = await connectAsRuntimeRole();
  try {
    return await db.scoped({ 'app.tenant_id': SUINING }, work, commit);
  } finally {
    await db.client.end();
  }
}

/**
 * The brute-force recount: every event, rating and rectification case of the centre read back as
 * the runtime role and counted from scratch, to compare with the incrementally kept counters.
 */
async function recount(dimension: StatDimension): Promise<Totals> {
  return asSuining(async (c) => {
    const totals: Totals = {};
    const bump = (key: string | null, field: keyof StatCounters, by = 1) => {
      if (key === null) return;
      totals[key] ??= { ...ZERO_COUNTERS };
      totals[key][field] += by;
    };
    const caseKey = (row: { department_name: string; item_id: string }) => (dimension === 'centre' ? '' : dimension === 'department' ? row.department_name : row.item_id);

    const events = await c.query(
      `SELECT e.action, e.actor_kind, e.actor_id, e.from_status, e.to_status, e.occurred_at,
              (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date::text AS day,
              a.case_type, a.department_name, a.item_id::text AS item_id, a.promised_due::text AS promised_due, a.accepted_at
         FROM application_events e JOIN applications a ON a.tenant_id = e.tenant_id AND a.id = e.application_id`,
    );
    for (const e of events.rows) {
      // Per staff member: what their own action did, and the action itself.
      const key = dimension === 'staff' ? (e.actor_kind === 'staff' ? e.actor_id : null) : caseKey(e);
      if (dimension === 'staff' && key && COUNTED_STAFF_ACTIONS.includes(e.action)) bump(key, 'staffActions');
      if (e.action === 'submit') {
        bump(key, 'received');
        if (e.case_type === 'immediate') bump(key, 'immediateReceived');
      }
      if (e.from_status < 30 && [30, 37, 90].includes(e.to_status)) bump(key, 'accepted');
      if (e.to_status === 90 && e.from_status !== 90) {
        bump(key, 'completed');
        if (e.promised_due === null || e.day <= e.promised_due) bump(key, 'completedOnTime');
        else bump(key, 'overdueCompleted');
        if (e.accepted_at) bump(key, 'handlingWorkingDays', Math.max(0, calendar.workingDaysBetween(e.accepted_at, e.occurred_at).days));
      }
    }

    const ratings = await c.query(
      `SELECT r.level, r.step_seq, r.handler_id::text AS handler_id, a.department_name, a.item_id::text AS item_id
         FROM ratings r JOIN applications a ON a.tenant_id = r.tenant_id AND a.id = r.application_id`,
    );
    for (const r of ratings.rows) {
      const key = dimension === 'staff' ? r.handler_id : caseKey(r);
      bump(key, 'ratings');
      if (r.step_seq === null) bump(key, 'caseRatings');
      if (['very_satisfied', 'satisfied', 'basic'].includes(r.level)) bump(key, 'satisfiedRatings');
      if (['dissatisfied', 'very_dissatisfied'].includes(r.level)) bump(key, 'badReviews');
    }

    const rectifications = await c.query(
      `SELECT x.status, x.responsible_staff_id::text AS staff_id, a.department_name, a.item_id::text AS item_id
         FROM rectifications x JOIN applications a ON a.tenant_id = x.tenant_id AND a.id = x.application_id`,
    );
    for (const x of rectifications.rows) {
      const key = dimension === 'staff' ? x.staff_id : caseKey(x);
      if (x.status === 'done') bump(key, 'badReviewsRectified');
      if (x.status === 'invalid') bump(key, 'badReviewsInvalid');
    }
    // A key whose counters are all zero says the same as no key.
    return Object.fromEntries(Object.entries(totals).filter(([, counters]) => STAT_COUNTER_FIELDS.some((f) => counters[f] !== 0)));
  });
}

/** The catalogue recounted from every published item of the centre, per key of a dimension. */
async function recountCatalogue(dimension: 'centre' | 'department' | 'item'): Promise<Record<string, CatalogueFigures>> {
  return asSuining(async (c) => {
    const { rows } = await c.query(
      `SELECT i.id::text AS id, d.name AS department, i.status, i.online_applicable, i.fully_online, i.case_type,
              i.legal_limit_value, i.legal_limit_unit, i.promised_limit_value, i.promised_limit_unit
         FROM items i JOIN departments d ON d.tenant_id = i.tenant_id AND d.id = i.department_id`,
    );
    const figures: Record<string, CatalogueFigures> = {};
    for (const item of rows.filter((row) => row.status === 'published')) {
      const key = dimension === 'centre' ? '' : dimension === 'department' ? item.department : item.id;
      const f = (figures[key] ??= { ...ZERO_CATALOGUE });
      f.items += 1;
      if (item.online_applicable) f.onlineApplicableItems += 1;
      if (item.fully_online) f.fullyOnlineItems += 1;
      if (item.case_type === 'immediate') f.immediateItems += 1;
      if (item.legal_limit_value > 0 && item.legal_limit_unit === item.promised_limit_unit) {
        f.limitComparableItems += 1;
        f.limitCompressionSum += (item.legal_limit_value - item.promised_limit_value) / item.legal_limit_value;
      }
    }
    return figures;
  });
}

function countersOf(row: StatCounters): StatCounters {
  return Object.fromEntries(STAT_COUNTER_FIELDS.map((f) => [f, row[f]])) as unknown as StatCounters;
}

describe('supervision statistics', () => {
  let t: TestApp;
  let kit: SupervisionKit;

  beforeAll(async () => {
    t = await createSupervisionTestApp();
    kit = new SupervisionKit(t);
  }, SETUP_TIMEOUT);
  afterAll(() => t.close());

  /** Like kit.submitted, keeping the applicant's token (to rate the case later). */
  async function submittedBy(itemName: string): Promise<{ application: ApplicationView; applicant: string }> {
    const applicant = kit.ok(
      await t.http.post<ApplicantTokenResponse>(
        '/api/v1/auth/applicants/register/natural-person',
        { name: '申请人丙', idNumber: uniqueResidentIdNumber('510981'), mobile: uniqueMobile(), password: 'Applicant-Pass-1' },
      ),
      201,
    ).accessToken;
    const items = kit.ok(await t.http.get<{ items: Array<{ id: string; name: string }> }>(`/api/v1/centres/${SUINING}/items?q=${encodeURIComponent(itemName)}`));
    const item = items.items.find((candidate) => candidate.name === itemName);
    if (!item) throw new Error(`No item ${itemName}`);
    const draft = kit.ok(await t.http.post<ApplicationView>(`/api/v1/centres/${SUINING}/applications`, { itemId: item.id }, { token: applicant }), 201);
    for (const material of draft.materials.filter((m) => m.required)) {
      const { payload, headers } = multipartBody({ fileName: `${material.code}.pdf`, content: samplePdf(), contentType: 'application/pdf' });
      kit.ok(await t.http.put(`/api/v1/centres/${SUINING}/applications/${draft.id}/materials/${encodeURIComponent(material.code)}`, undefined, { token: applicant, raw: payload, headers }));
    }
    const application = kit.ok(
      await t.http.post<ApplicationView>(`/api/v1/centres/${SUINING}/applications/${draft.id}/submit`, undefined, { token: applicant, headers: { 'idempotency-key': randomUUID() } }),
    );
    return { application, applicant };
  }

  async function rate(applicationId: string, applicant: string, body: { level: string; stepSeq?: number }): Promise<void> {
    kit.ok(await t.http.post(`/api/v1/centres/${SUINING}/applications/${applicationId}/ratings`, body, { token: applicant }), 201);
  }

  /** Moves a rectification case on, as the runtime role (the handling workflow is not built yet). */
  async function setRectification(applicationId: string, status: string): Promise<void> {
    await asSuining((c) => c.query('UPDATE rectifications SET status = $2, updated_at = now() WHERE tenant_id = $3 AND application_id = $1', [applicationId, status, SUINING]), true);
  }

  it(
    'keeps per-day counters that equal a brute-force recount, by centre, department, item and staff, with ratings, rectifications and the catalogue',
    async () => {
      const sweeper = t.app.get(SupervisionSweeper);
      const supervisor = await kit.staff(SUINING, 'supervisor');
      const reviewer = await kit.staff(SUINING, 'reviewer');
      const clerk = await kit.staff(SUINING, 'clerk');

      // A first batch of work, folded; then more work, ratings and rectifications, folded incrementally on top.
      const first = await submittedBy(IMMEDIATE);
      const firstDone = await kit.act(first.application, 'pre-review/accept', clerk, { version: first.application.version });
      expect(firstDone.status).toBe(90);
      await rate(firstDone.id, first.applicant, { level: 'very_dissatisfied' });
      const food = await submittedBy(FOOD);
      const foodAccepted = await kit.act(food.application, 'pre-review/accept', clerk, { version: food.application.version });
      await sweeper.sweep(new Date(), { tenants: [SUINING] });

      await kit.act(foodAccepted, 'steps/claim', reviewer, { version: foodAccepted.version }).then((claimed) => kit.act(claimed, 'steps/pass', reviewer, { version: claimed.version }));
      const [{ seq: passedStep }] = (await asSuining((c) => c.query('SELECT seq FROM application_steps WHERE tenant_id = $2 AND application_id = $1 AND finished_at IS NOT NULL ORDER BY seq', [foodAccepted.id, SUINING]))).rows;
      await rate(foodAccepted.id, food.applicant, { level: 'satisfied', stepSeq: Number(passedStep) });
      const second = await submittedBy(IMMEDIATE);
      const secondDone = await kit.act(second.application, 'pre-review/accept', clerk, { version: second.application.version });
      await rate(secondDone.id, second.applicant, { level: 'dissatisfied' });
      await kit.submitted(SUINING, FOOD);
      // The first bad review is rectified in two moves (one folded in between); the second is found invalid.
      await setRectification(firstDone.id, 'rectifying');
      const report = await sweeper.sweep(new Date(), { tenants: [SUINING] });
      expect(report.folded).toBeGreaterThan(0);
      await setRectification(firstDone.id, 'done');
      await setRectification(secondDone.id, 'invalid');
      // The two changes at least: the run's other suites (the approval specs) may be writing events
      // and ratings at Suining at the same moment, and a sweep folds whatever has arrived.
      expect((await sweeper.sweep(new Date(), { tenants: [SUINING] })).folded).toBeGreaterThanOrEqual(2);

      for (const dimension of ['centre', 'department', 'item', 'staff'] as const) {
        // The counters equal a brute-force recount of every event and rating at Suining, which also
        // proves nothing was folded twice (a second fold would leave them above it for good). Other
        // suites may add to Suining between the sweep and the recount: then sweep again and compare
        // again, a few times, until the centre is quiet for a moment.
        let counted: Totals = {};
        let expected: Totals = {};
        let view: StatisticsView | undefined;
        for (let attempt = 0; attempt < 5; attempt++) {
          if (attempt > 0) await sweeper.sweep(new Date(), { tenants: [SUINING] });
          view = kit.ok(
            await t.http.get<StatisticsView>(`/api/v1/centres/${SUINING}/supervision/statistics?from=2020-01-01&to=2030-12-31&dimension=${dimension}`, { token: supervisor }),
          );
          const counting = view.rows.filter((row) => STAT_COUNTER_FIELDS.some((f) => row[f] !== 0));
          counted = Object.fromEntries(counting.map((row) => [row.key, countersOf(row)]));
          expected = await recount(dimension);
          if (isDeepStrictEqual(counted, expected)) break;
        }
        expect([dimension, counted]).toEqual([dimension, expected]);
        if (!view) throw new Error('no statistics view');

        // The catalogue's figures of every row (and of the whole centre) equal a recount of the items.
        const catalogue = dimension === 'staff' ? null : await recountCatalogue(dimension);
        for (const row of view.rows) {
          expect([dimension, row.key, row.catalogue ?? null]).toEqual([dimension, row.key, catalogue ? catalogueIndicators(catalogue[row.key] ?? ZERO_CATALOGUE) : null]);
        }
        expect(view.catalogue).toEqual(catalogueIndicators((await recountCatalogue('centre'))[''] ?? ZERO_CATALOGUE));
      }

      // Periods cut anywhere around the days that have counts give the same rows as the whole
      // range: read from the daily counters only (first to last day), from both (partial months
      // around whole ones) or from the monthly ones.
      const { rows: [span] } = await asSuining((c) => c.query(`SELECT min(day)::text AS first, max(day)::text AS last FROM supervision_stat_counters WHERE tenant_id = $1`, [SUINING]));
      const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
      const periods = [
        [span.first, span.last],
        [`${span.first.slice(0, 7)}-01`, span.last],
        [span.first, shift(span.last, 40)],
        [shift(span.first, -40), shift(span.last, 40)],
        [shift(span.first, -400), shift(span.last, 400)],
      ];
      for (const dimension of ['centre', 'item', 'staff'] as const) {
        const whole = kit.ok(await t.http.get<StatisticsView>(`/api/v1/centres/${SUINING}/supervision/statistics?from=2020-01-01&to=2030-12-31&dimension=${dimension}`, { token: supervisor })).rows;
        for (const [from, to] of periods) {
          const part = kit.ok(await t.http.get<StatisticsView>(`/api/v1/centres/${SUINING}/supervision/statistics?from=${from}&to=${to}&dimension=${dimension}`, { token: supervisor })).rows;
          expect([dimension, from, to, part]).toEqual([dimension, from, to, whole]);
        }
      }

      const centre = kit.ok(await t.http.get<StatisticsView>(`/api/v1/centres/${SUINING}/supervision/statistics?from=2020-01-01&to=2030-12-31`, { token: supervisor })).rows[0];
      expect(centre.received).toBeGreaterThanOrEqual(4);
      expect(centre.immediateReceived).toBeGreaterThanOrEqual(2);
      expect(centre.completed).toBeGreaterThanOrEqual(2);
      expect(centre.onTimeRate).toBeCloseTo(centre.completedOnTime / centre.completed, 4);
      expect(centre.ratings).toBeGreaterThanOrEqual(3);
      expect(centre.badReviews).toBeGreaterThanOrEqual(2);
      expect(centre.badReviewsRectified).toBeGreaterThanOrEqual(1);
      expect(centre.badReviewsInvalid).toBeGreaterThanOrEqual(1);
      expect(centre.ratingRate).toBeCloseTo(centre.caseRatings / centre.completed, 4);
      expect(centre.satisfactionRate).toBeCloseTo(centre.satisfiedRatings / centre.ratings, 4);
      expect(centre.rectificationRate).toBeCloseTo(centre.badReviewsRectified / (centre.badReviews - centre.badReviewsInvalid), 4);
      expect(centre.catalogue?.items).toBeGreaterThan(0);

      // A period before any work has no rows.
      const empty = kit.ok(await t.http.get<StatisticsView>(`/api/v1/centres/${SUINING}/supervision/statistics?from=2020-01-01&to=2020-12-31`, { token: supervisor }));
      expect(empty.rows).toEqual([]);
      // A period that ends before it starts is refused with its own code.
      const backwards = await t.http.get<{ code: string; message: { zh: string; en: string } }>(`/api/v1/centres/${SUINING}/supervision/statistics?from=2026-02-01&to=2026-01-31`, { token: supervisor });
      expect([backwards.status, backwards.body.code]).toEqual([400, 'STATISTICS_PERIOD_INVALID']);
    },
    STORY_TIMEOUT * 2,
  );

  describe('export', () => {
    const base = `/api/v1/centres/${SUINING}/supervision/statistics/export`;

    it(
      'answers a CSV (UTF-8 with BOM, CRLF) with one row per centre, department, item and staff member and every indicator',
      async () => {
        const supervisor = await kit.staff(SUINING, 'supervisor');
        const response = await t.http.get<string>(`${base}?format=csv&from=2020-01-01&to=2030-12-31`, { token: supervisor });
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
        expect(response.headers['content-disposition']).toBe(`attachment; filename="supervision-statistics-${SUINING}-2020-01-01_2030-12-31.csv"`);
        const text = response.text;
        expect(text.startsWith('\uFEFF')).toBe(true);
        const lines = text.slice(1).split('\r\n');
        expect(lines.pop()).toBe('');
        expect(lines[0]).toContain('收件数(received)');
        expect(lines[0]).toContain('差评整改率(rectificationRate)');
        expect(lines[0]).toContain('承诺时限压缩比(limitCompression)');

        // Every row of every dimension of the JSON API, with the same figures.
        const expected: string[] = [];
        for (const dimension of ['centre', 'department', 'item', 'staff'] as const) {
          const view = kit.ok(await t.http.get<StatisticsView>(`/api/v1/centres/${SUINING}/supervision/statistics?from=2020-01-01&to=2030-12-31&dimension=${dimension}`, { token: supervisor }));
          for (const row of view.rows) expected.push(`${dimension}:${row.received}:${row.completed}:${row.ratings}:${row.onTimeRate ?? ''}`);
        }
        const header = lines[0].split(',');
        const col = (name: string) => header.findIndex((h) => h.endsWith(`(${name})`));
        const dimensionOf: Record<string, string> = { 中心: 'centre', 部门: 'department', 事项: 'item', 工作人员: 'staff' };
        // Names here hold no commas or quotes, so a plain split reads the rows.
        const got = lines.slice(1).map((line) => line.split(',')).map((cells) => `${dimensionOf[cells[0]]}:${cells[col('received')]}:${cells[col('completed')]}:${cells[col('ratings')]}:${cells[col('onTimeRate')]}`);
        expect(got).toEqual(expected);
        const centreRow = lines[1].split(',');
        expect(centreRow[0]).toBe('中心');
        expect(centreRow[1]).toBe(SUINING);
      },
      STORY_TIMEOUT,
    );

    it(
      'answers a self-contained zh-CN HTML report with the period, the centre, summary figures and SVG charts',
      async () => {
        const supervisor = await kit.staff(SUINING, 'supervisor');
        const response = await t.http.get<string>(`${base}?format=html&from=2020-01-01&to=2030-12-31`, { token: supervisor });
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
        const html = response.text;
        expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
        expect(html).toContain('政务服务电子监察统计报告');
        expect(html).toContain('统计期间：2020-01-01 至 2030-12-31');
        expect(html).toContain(`（${SUINING}）`);
        for (const figure of ['按时办结率', '满意率', '差评整改率', '全程网办事项占比', '承诺时限压缩比']) expect(html).toContain(figure);
        expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
        expect(html).toContain('@media print');
        // No external assets: nothing is fetched from anywhere.
        expect(html).not.toMatch(/<(script|link|img)\b/i);
        expect(html).not.toMatch(/\b(src|href)=/i);
        expect(html).not.toMatch(/url\(/i);
      },
      STORY_TIMEOUT,
    );

    it(
      'refuses a bad period with 400 STATISTICS_PERIOD_INVALID (zh and en), staff without the supervision permission and other centres',
      async () => {
        const supervisor = await kit.staff(SUINING, 'supervisor');
        for (const query of ['from=2026-02-01&to=2026-01-31', 'from=2026-02-30&to=2026-03-01', 'to=2026-03-01', 'from=20260101&to=2026-03-01']) {
          const response = await t.http.get<{ code: string; message: { zh: string; en: string } }>(`${base}?format=csv&${query}`, { token: supervisor });
          expect([query, response.status, response.body.code]).toEqual([query, 400, 'STATISTICS_PERIOD_INVALID']);
          expect(response.body.message.zh).toContain('统计期间');
          expect(response.body.message.en).toContain('period');
        }
        expect((await t.http.get(`${base}?format=pdf&from=2026-01-01&to=2026-01-31`, { token: supervisor })).status).toBe(400);

        const clerk = await kit.staff(SUINING, 'clerk');
        expect((await t.http.get(`${base}?format=csv&from=2026-01-01&to=2026-01-31`, { token: clerk })).status).toBe(403);
        expect((await t.http.get(`/api/v1/centres/510981/supervision/statistics/export?format=csv&from=2026-01-01&to=2026-01-31`, { token: supervisor })).status).toBe(403);
        expect((await t.http.get(`${base}?format=csv&from=2026-01-01&to=2026-01-31`)).status).toBe(401);
      },
      STORY_TIMEOUT,
    );
  });
});
