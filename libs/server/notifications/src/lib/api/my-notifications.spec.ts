import { AccessTokenService } from '@zhengwu/server/core/auth';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { connectAsRuntimeRole, createTestApp, RuntimeConnection, TestApp } from '@zhengwu/server/testing';
import { ErrorBody, NotificationPage, NotificationView, StaffRole, UnreadNotificationCount } from '@zhengwu/shared/contracts';
import { randomUUID } from 'node:crypto';
import { NotificationOutbox } from '../notification-outbox';
import { NotificationsModule } from '../notifications.module';

const SUINING = '510900';
const SHEHONG = '510981';

describe("the applicant's notifications API", () => {
  let t: TestApp;
  let tokens: AccessTokenService;

  beforeAll(async () => {
    t = await createTestApp({ imports: [NotificationsModule], env: { WORKERS_ENABLED: 'false' } });
    tokens = t.app.get(AccessTokenService);
  });
  afterAll(() => t.close());

  interface Applicant {
    id: string;
    token: string;
  }

  async function newApplicant(): Promise<Applicant> {
    const id = randomUUID();
    const { token } = await tokens.issue(id, { kind: 'applicant', name: '王小丫', ak: 'natural_person', idm: '510981********0000' });
    return { id, token };
  }

  async function staffToken(centre: string): Promise<string> {
    const roles = [StaffRole.CentreAdmin, StaffRole.Supervisor];
    return (await tokens.issue(randomUUID(), { kind: 'staff', name: '李主任', tid: centre, roles })).token;
  }

  /** A centre tells the applicant something, in its own transaction, as a feature module would. */
  function notify(centre: string, applicant: Applicant, itemName = '食品经营许可', caseNumber = `${centre}2026${Date.now()}`) {
    const outbox = t.app.get(NotificationOutbox);
    return t.app.get(UnitOfWork).run({ tenantId: centre }, () =>
      outbox.enqueue(centre, { applicantId: applicant.id, template: 'application.completed', params: { itemName }, caseNumber }),
    );
  }

  it('lists the applicant’s notifications from every centre, newest first, in both languages', async () => {
    const applicant = await newApplicant();
    const first = await notify(SUINING, applicant, '食品经营许可', '51090020260301010000017');
    const second = await notify(SHEHONG, applicant, '户籍迁入', '51098120260302010000012');

    const response = await t.http.get<NotificationPage>('/api/v1/me/notifications', { token: applicant.token });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ page: 1, pageSize: 20, total: 2 });
    expect(response.body.items.map((item) => item.id)).toEqual([second, first]);
    const [latest] = response.body.items;
    expect(latest).toEqual({
      id: second,
      centreCode: SHEHONG,
      template: 'application.completed',
      subject: { zh: '办件已办结', en: 'Application completed' },
      body: {
        zh: expect.stringContaining('您申请的【户籍迁入】（办件编号 51098120260302010000012）已办结'),
        en: expect.stringContaining('Your application for "户籍迁入" (case 51098120260302010000012) has been completed'),
      },
      caseNumber: '51098120260302010000012',
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      readAt: null,
    });
  });

  it('pages, filters unread ones and counts them; marking read is idempotent', async () => {
    const applicant = await newApplicant();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await notify(SUINING, applicant));
    const newestFirst = [...ids].reverse();

    const page2 = await t.http.get<NotificationPage>('/api/v1/me/notifications?page=2&pageSize=2', { token: applicant.token });
    expect(page2.body).toMatchObject({ page: 2, pageSize: 2, total: 5 });
    expect(page2.body.items.map((item) => item.id)).toEqual(newestFirst.slice(2, 4));

    const read = await t.http.post<NotificationView>(`/api/v1/me/notifications/${ids[0]}/read`, undefined, { token: applicant.token });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: ids[0], readAt: expect.any(String) });
    const again = await t.http.post<NotificationView>(`/api/v1/me/notifications/${ids[0]}/read`, undefined, { token: applicant.token });
    expect(again.status).toBe(200);
    expect(again.body.readAt).toBe(read.body.readAt);

    const unread = await t.http.get<NotificationPage>('/api/v1/me/notifications?unread=true', { token: applicant.token });
    expect(unread.body.total).toBe(4);
    expect(unread.body.items.map((item) => item.id)).not.toContain(ids[0]);
    const count = await t.http.get<UnreadNotificationCount>('/api/v1/me/notifications/unread-count', { token: applicant.token });
    expect(count.body).toEqual({ unread: 4 });
  });

  it("never shows or marks another applicant's notifications", async () => {
    const a = await newApplicant();
    const b = await newApplicant();
    await notify(SUINING, a);
    const bs = await notify(SUINING, b);

    const list = await t.http.get<NotificationPage>('/api/v1/me/notifications', { token: a.token });
    expect(list.body.items.map((item) => item.id)).not.toContain(bs);
    expect(list.body.total).toBe(1);

    const mark = await t.http.post<ErrorBody>(`/api/v1/me/notifications/${bs}/read`, undefined, { token: a.token });
    expect(mark.status).toBe(404);
    expect(mark.body.code).toBe('NOTIFICATION_NOT_FOUND');
    const bList = await t.http.get<NotificationPage>('/api/v1/me/notifications', { token: b.token });
    expect(bList.body.items).toEqual([expect.objectContaining({ id: bs, readAt: null })]);
  });

  it('is for applicants only: staff get 403, anonymous callers 401', async () => {
    const applicant = await newApplicant();
    await notify(SUINING, applicant);
    const staff = await staffToken(SUINING);
    for (const [method, url] of [
      ['GET', '/api/v1/me/notifications'],
      ['GET', '/api/v1/me/notifications/unread-count'],
      ['POST', `/api/v1/me/notifications/${randomUUID()}/read`],
    ] as const) {
      const asStaff = await t.http.request<ErrorBody>(method, url, undefined, { token: staff });
      expect({ url, status: asStaff.status, code: asStaff.body.code }).toEqual({ url, status: 403, code: 'AUTH_FORBIDDEN' });
      expect(asStaff.text).not.toContain('办结');
      const anonymous = await t.http.request<ErrorBody>(method, url, undefined, {});
      expect({ url, status: anonymous.status }).toEqual({ url, status: 401 });
    }
  });

  it('validates its input', async () => {
    const applicant = await newApplicant();
    for (const url of ['/api/v1/me/notifications?pageSize=101', '/api/v1/me/notifications?page=0', '/api/v1/me/notifications?unread=maybe']) {
      const response = await t.http.get<ErrorBody>(url, { token: applicant.token });
      expect({ url, status: response.status, code: response.body.code }).toEqual({ url, status: 400, code: 'VALIDATION_FAILED' });
    }
    const badId = await t.http.post<ErrorBody>('/api/v1/me/notifications/not-a-uuid/read', undefined, { token: applicant.token });
    expect(badId.status).toBe(400);
  });

  describe('row-level security, connected as the runtime role', () => {
    let db: RuntimeConnection;
    beforeAll(async () => {
      db = await connectAsRuntimeRole();
    });
    afterAll(() => db.end());

    it("binds an applicant to their own rows, across centres and within one, whatever the query's filter", async () => {
      const a = await newApplicant();
      const b = await newApplicant();
      const aSuining = await notify(SUINING, a);
      const aShehong = await notify(SHEHONG, a);
      const bSuining = await notify(SUINING, b);

      await db.scoped({ 'app.applicant_id': a.id }, async (c) => {
        const visible = await c.query('SELECT id FROM notifications WHERE id = ANY($1)', [[aSuining, aShehong, bSuining]]);
        expect(visible.rows.map((row) => row.id).sort()).toEqual([aSuining, aShehong].sort());
        expect((await c.query("UPDATE notifications SET read_at = now() WHERE id = $1", [bSuining])).rowCount).toBe(0);
        await expect(
          c.query(
            `INSERT INTO notifications (tenant_id, id, applicant_id, template, locale, params, subject_zh, subject_en, body_zh, body_en)
             VALUES ($1, $2, $3, 'application.approved', 'zh-CN', '{}', 'x', 'x', 'x', 'x')`,
            [SUINING, randomUUID(), b.id],
          ),
        ).rejects.toMatchObject({ code: '42501' });
      });
      await db.scoped({ 'app.tenant_id': SUINING, 'app.applicant_id': a.id }, async (c) => {
        const visible = await c.query('SELECT id FROM notifications WHERE id = ANY($1)', [[aSuining, aShehong, bSuining]]);
        expect(visible.rows.map((row) => row.id)).toEqual([aSuining]);
      });
      // The centre itself (staff, the relay) sees its own rows for every applicant, and only those.
      await db.asTenant(SUINING, async (c) => {
        const visible = await c.query('SELECT id FROM notifications WHERE id = ANY($1)', [[aSuining, aShehong, bSuining]]);
        expect(visible.rows.map((row) => row.id).sort()).toEqual([aSuining, bSuining].sort());
      });
    });
  });
});
