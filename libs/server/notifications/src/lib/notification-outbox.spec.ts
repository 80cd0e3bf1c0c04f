import { UnitOfWork } from '@zhengwu/server/core/database';
import { connectAsRuntimeRole, createTestApp, RuntimeConnection, TestApp } from '@zhengwu/server/testing';
import { randomUUID } from 'node:crypto';
import { NotificationOutbox } from './notification-outbox';
import { NotificationsModule } from './notifications.module';
import { NotificationTemplateError } from './templates/render-template';

// This file's centre; other notification specs use others, so parallel files never meet.
const CENTRE = '510104';

describe('the notification outbox', () => {
  let t: TestApp;
  let uow: UnitOfWork;
  let outbox: NotificationOutbox;
  let db: RuntimeConnection;

  beforeAll(async () => {
    t = await createTestApp({ imports: [NotificationsModule], env: { WORKERS_ENABLED: 'false' } });
    uow = t.app.get(UnitOfWork);
    outbox = t.app.get(NotificationOutbox);
    db = await connectAsRuntimeRole();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  async function stored(id: string) {
    const { rows } = await db.asTenant(CENTRE, (c) => c.query('SELECT * FROM notifications WHERE id = $1', [id]));
    return rows[0] as Record<string, unknown> | undefined;
  }

  const accepted = (applicantId: string) => ({
    applicantId,
    template: 'application.accepted' as const,
    params: { itemName: '个体工商户设立登记', promisedDue: '2026-04-08' },
    caseNumber: '51010420260401010000011',
  });

  it('commits with the change that causes it, rendered in both languages, pending delivery', async () => {
    const applicantId = randomUUID();
    const id = await uow.run({ tenantId: CENTRE }, () => outbox.enqueue(CENTRE, { ...accepted(applicantId), locale: 'en' }));
    const row = await stored(id);
    expect(row).toMatchObject({
      tenant_id: CENTRE,
      applicant_id: applicantId,
      template: 'application.accepted',
      locale: 'en',
      params: { itemName: '个体工商户设立登记', promisedDue: '2026-04-08' },
      subject_zh: '申请已受理',
      subject_en: 'Application accepted',
      case_number: '51010420260401010000011',
      status: 'pending',
      attempts: 0,
      last_error: null,
      sent_at: null,
      read_at: null,
    });
    expect(row?.['body_zh']).toContain('承诺办结日期为 2026年4月8日');
    expect(row?.['body_en']).toContain('8 April 2026');
    expect(row?.['next_attempt_at']).toEqual(row?.['created_at']);
  });

  it('vanishes when the change that caused it rolls back', async () => {
    let id = '';
    await expect(
      uow.run({ tenantId: CENTRE }, async () => {
        id = await outbox.enqueue(CENTRE, accepted(randomUUID()));
        throw new Error('the status change failed');
      }),
    ).rejects.toThrow('the status change failed');
    expect(id).not.toBe('');
    expect(await stored(id)).toBeUndefined();
  });

  it("writes in the caller's very transaction, not one of its own", async () => {
    const id = await uow.run({ tenantId: CENTRE }, async (manager) => {
      const [{ txid }] = await manager.query('SELECT txid_current()::text AS txid');
      const enqueued = await outbox.enqueue(CENTRE, accepted(randomUUID()));
      const [{ xmin }] = await manager.query('SELECT xmin::text AS xmin FROM notifications WHERE tenant_id = $1 AND id = $2', [CENTRE, enqueued]);
      expect(xmin).toBe(txid);
      return enqueued;
    });
    expect(await stored(id)).toBeDefined();
  });

  it('refuses to write outside a unit of work, or into another centre than the one in scope', async () => {
    await expect(outbox.enqueue(CENTRE, accepted(randomUUID()))).rejects.toThrow('outside a unit of work');
    await expect(uow.run({ tenantId: '510105' }, () => outbox.enqueue(CENTRE, accepted(randomUUID())))).rejects.toThrow(
      /asked for tenant 510104 inside a unit of work for tenant 510105/,
    );
  });

  it('fails on a missing parameter before anything is written', async () => {
    const applicantId = randomUUID();
    await expect(
      uow.run({ tenantId: CENTRE }, () =>
        outbox.enqueue(CENTRE, { applicantId, template: 'application.denied', params: { itemName: '个体工商户设立登记' } as never, caseNumber: 'X1' }),
      ),
    ).rejects.toThrow(NotificationTemplateError);
    const { rows } = await db.asTenant(CENTRE, (c) => c.query('SELECT count(*)::int AS n FROM notifications WHERE applicant_id = $1', [applicantId]));
    expect(rows[0].n).toBe(0);
  });
});
