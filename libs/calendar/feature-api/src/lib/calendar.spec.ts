import { CentreCalendar } from '@zhengwu/calendar/data-access';
import { nationalCalendar } from '@zhengwu/calendar/domain';
import { AccessTokenService } from '@zhengwu/server/core/auth';
import { connectAsRuntimeRole, createTestApp, TestApp } from '@zhengwu/server/testing';
import { type CalendarOverrideView, type CalendarView, type ErrorBody, StaffRole } from '@zhengwu/shared/contracts';
import { randomUUID } from 'node:crypto';
import { CalendarFeatureModule } from './calendar-feature.module';

const SUINING = '510900';
const SHEHONG = '510981';
// Dates in 2020 (a published year nobody computes live deadlines in), so test files sharing the
// run's database never see each other's closures.
const ACCEPTED = '2020-09-18';
const CLOSED_DAY = '2020-09-22';

describe('centre calendars', () => {
  let t: TestApp;
  let suiningAdmin: string;
  let shehongAdmin: string;
  let suiningClerk: string;

  beforeAll(async () => {
    t = await createTestApp({ imports: [CalendarFeatureModule] });
    suiningAdmin = await staffToken(SUINING, [StaffRole.CentreAdmin]);
    shehongAdmin = await staffToken(SHEHONG, [StaffRole.CentreAdmin]);
    suiningClerk = await staffToken(SUINING, [StaffRole.WindowClerk]);
  });
  afterAll(() => t.close());

  async function staffToken(tid: string, roles: StaffRole[]): Promise<string> {
    const issued = await t.app.get(AccessTokenService).issue(randomUUID(), { kind: 'staff', name: '日历测试', tid, roles });
    return issued.token;
  }

  async function overridesOf(centre: string): Promise<CalendarOverrideView[]> {
    const response = await t.http.get<CalendarOverrideView[]>(`/api/v1/centres/${centre}/calendar/overrides`);
    expect(response.status).toBe(200);
    return response.body;
  }

  it('describes each day with its kind, holiday name and provisional flag', async () => {
    const response = await t.http.get<CalendarView>(`/api/v1/centres/${SHEHONG}/calendar?from=2026-09-27&to=2026-10-10`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ centreCode: SHEHONG, from: '2026-09-27', to: '2026-10-10' });
    expect(response.body.coveredYears).toContain(2026);
    expect(response.body.days).toHaveLength(14);
    const byDate = Object.fromEntries(response.body.days.map((d) => [d.date, d]));
    expect(byDate['2026-10-01']).toEqual({
      date: '2026-10-01',
      working: false,
      kind: 'public-holiday',
      holidayName: '国庆节',
      overrideReason: null,
      provisional: false,
    });
    expect(byDate['2026-09-30']).toMatchObject({ working: true, kind: 'workday' });
    expect(Object.values(byDate).filter((d) => d.kind === 'make-up-workday').every((d) => d.working)).toBe(true);
  });

  it('marks days of an unpublished year provisional', async () => {
    const response = await t.http.get<CalendarView>(`/api/v1/centres/${SHEHONG}/calendar?from=2027-01-04&to=2027-01-04`);
    expect(response.body.days).toEqual([expect.objectContaining({ date: '2027-01-04', working: true, provisional: true })]);
  });

  it('refuses ranges over 366 days, backwards ranges and malformed dates', async () => {
    const tooLong = await t.http.get<ErrorBody>(`/api/v1/centres/${SHEHONG}/calendar?from=2026-01-01&to=2027-01-02`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.code).toBe('CALENDAR_RANGE_INVALID');
    expect((await t.http.get(`/api/v1/centres/${SHEHONG}/calendar?from=2024-01-01&to=2024-12-31`)).status).toBe(200);
    const backwards = await t.http.get<ErrorBody>(`/api/v1/centres/${SHEHONG}/calendar?from=2026-02-01&to=2026-01-31`);
    expect(backwards.body.code).toBe('CALENDAR_RANGE_INVALID');
    for (const query of ['from=2026-02-30&to=2026-03-01', 'from=20260101&to=2026-01-02', 'to=2026-01-02', 'from=2026-01-01&to=2026-01-02&extra=1']) {
      const response = await t.http.get<ErrorBody>(`/api/v1/centres/${SHEHONG}/calendar?${query}`);
      expect({ query, status: response.status, code: response.body.code }).toEqual({ query, status: 400, code: 'VALIDATION_FAILED' });
    }
  });

  it("moves a deadline computed on the centre's calendar by an extra closure, leaving other centres alone", async () => {
    const calendars = t.app.get(CentreCalendar);
    const national = nationalCalendar().addWorkingDays(ACCEPTED, 20).date;
    expect((await calendars.forCentre(SUINING)).addWorkingDays(ACCEPTED, 20).date).toBe(national);

    const set = await t.http.put<CalendarOverrideView>(
      `/api/v1/centres/${SUINING}/calendar/overrides/${CLOSED_DAY}`,
      { kind: 'closed', reason: '  防汛应急闭厅 ' },
      { token: suiningAdmin },
    );
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ date: CLOSED_DAY, kind: 'closed', reason: '防汛应急闭厅' });

    const moved = (await calendars.forCentre(SUINING)).addWorkingDays(ACCEPTED, 20).date;
    expect(moved).toBe(nationalCalendar().withOverrides([{ date: CLOSED_DAY, kind: 'closed', reason: 'x' }]).addWorkingDays(ACCEPTED, 20).date);
    expect(moved > national).toBe(true);
    expect((await calendars.forCentre(SHEHONG)).addWorkingDays(ACCEPTED, 20).date).toBe(national);

    const day = await t.http.get<CalendarView>(`/api/v1/centres/${SUINING}/calendar?from=${CLOSED_DAY}&to=${CLOSED_DAY}`);
    expect(day.body.days[0]).toMatchObject({ working: false, kind: 'centre-closed', overrideReason: '防汛应急闭厅' });
    const elsewhere = await t.http.get<CalendarView>(`/api/v1/centres/${SHEHONG}/calendar?from=${CLOSED_DAY}&to=${CLOSED_DAY}`);
    expect(elsewhere.body.days[0]).toMatchObject({ working: true, kind: 'workday', overrideReason: null });
    expect(await overridesOf(SUINING)).toContainEqual({ date: CLOSED_DAY, kind: 'closed', reason: '防汛应急闭厅' });
    expect((await overridesOf(SHEHONG)).map((o) => o.date)).not.toContain(CLOSED_DAY);

    // Replacing it is an update of the same date; removing it restores the national deadline.
    const reopened = await t.http.put(`/api/v1/centres/${SUINING}/calendar/overrides/${CLOSED_DAY}`, { kind: 'open', reason: '恢复办公' }, { token: suiningAdmin });
    expect(reopened.status).toBe(200);
    expect((await overridesOf(SUINING)).filter((o) => o.date === CLOSED_DAY)).toEqual([{ date: CLOSED_DAY, kind: 'open', reason: '恢复办公' }]);
    const removed = await t.http.delete(`/api/v1/centres/${SUINING}/calendar/overrides/${CLOSED_DAY}`, { token: suiningAdmin });
    expect(removed.status).toBe(204);
    expect((await calendars.forCentre(SUINING)).addWorkingDays(ACCEPTED, 20).date).toBe(national);
    const again = await t.http.delete<ErrorBody>(`/api/v1/centres/${SUINING}/calendar/overrides/${CLOSED_DAY}`, { token: suiningAdmin });
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('CALENDAR_OVERRIDE_NOT_FOUND');

    const db = await connectAsRuntimeRole();
    try {
      const audit = await db.asTenant(SUINING, (c) =>
        c.query("SELECT action, actor_kind FROM audit_events WHERE subject_type = 'calendar_override' AND subject_id = $1 ORDER BY occurred_at", [CLOSED_DAY]),
      );
      expect(audit.rows).toEqual([
        { action: 'calendar.override_set', actor_kind: 'staff' },
        { action: 'calendar.override_set', actor_kind: 'staff' },
        { action: 'calendar.override_removed', actor_kind: 'staff' },
      ]);
    } finally {
      await db.end();
    }
  });

  it('refuses malformed overrides with 400 and writes nothing', async () => {
    const date = '2020-11-03';
    const url = `/api/v1/centres/${SUINING}/calendar/overrides/${date}`;
    const cases: Array<[unknown, string]> = [
      [{ kind: 'maybe', reason: '闭厅' }, 'kind'],
      [{ kind: 'closed', reason: '   ' }, 'reason'],
      [{ kind: 'closed' }, 'reason'],
      [{ kind: 'closed', reason: 42 }, 'reason'],
      [{ kind: 'closed', reason: '闭厅', tenantId: SHEHONG }, 'tenantId'],
      [{ kind: 'closed', reason: '闭'.repeat(201) }, 'reason'],
    ];
    for (const [body, property] of cases) {
      const response = await t.http.put<ErrorBody>(url, body, { token: suiningAdmin });
      expect({ body, status: response.status, code: response.body.code }).toEqual({ body, status: 400, code: 'VALIDATION_FAILED' });
      expect((response.body.details as Array<{ property: string }>).map((d) => d.property)).toContain(property);
    }
    const badDate = await t.http.put<ErrorBody>(`/api/v1/centres/${SUINING}/calendar/overrides/2020-02-30`, { kind: 'closed', reason: '闭厅' }, { token: suiningAdmin });
    expect(badDate.status).toBe(400);
    expect((await overridesOf(SUINING)).map((o) => o.date)).not.toContain(date);
  });

  it('lets only the centre admins of that centre change its calendar', async () => {
    const date = '2020-11-04';
    const url = `/api/v1/centres/${SUINING}/calendar/overrides/${date}`;
    const body = { kind: 'closed', reason: '越权测试' };
    expect((await t.http.put(url, body)).status).toBe(401);
    const otherCentre = await t.http.put<ErrorBody>(url, body, { token: shehongAdmin });
    expect(otherCentre.status).toBe(403);
    expect(otherCentre.body.code).toBe('AUTH_WRONG_CENTRE');
    const clerk = await t.http.put<ErrorBody>(url, body, { token: suiningClerk });
    expect(clerk.status).toBe(403);
    expect(clerk.body.code).toBe('AUTH_FORBIDDEN');
    expect((await t.http.delete(url, { token: shehongAdmin })).status).toBe(403);
    expect((await overridesOf(SUINING)).map((o) => o.date)).not.toContain(date);
  });
});
