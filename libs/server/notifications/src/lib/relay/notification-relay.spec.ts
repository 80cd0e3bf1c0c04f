import { Global, Logger, Module } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { connectAsRuntimeRole, createTestApp, RuntimeConnection, TestApp } from '@zhengwu/server/testing';
import { randomUUID } from 'node:crypto';
import { NOTIFICATION_RECIPIENTS } from '../delivery/notification-driver';
import { NotificationOutbox } from '../notification-outbox';
import { NotificationsModule } from '../notifications.module';
import { FakeRecipients, SmsGateway, startSmsGateway } from '../testing/local-channels';
import { NotificationRelay } from './notification-relay';
import { NOTIFICATION_RELAY_SETTINGS, NotificationRelaySettings } from './relay-settings';

const SETTINGS: Partial<NotificationRelaySettings> = {
  intervalMs: 20,
  batchSize: 3,
  maxAttempts: 3,
  baseDelayMs: 60_000,
  maxDelayMs: 10 * 60_000,
  leaseMs: 5 * 60_000,
};

// Each test works in a centre of its own (Chengdu's districts), and its relays host only that
// centre, so no test's relay ever touches another test's notifications.
describe('the notification relay', () => {
  const recipients = new FakeRecipients();
  let gateway: SmsGateway;
  let db: RuntimeConnection;
  const apps: TestApp[] = [];

  @Global()
  @Module({
    providers: [
      { provide: NOTIFICATION_RECIPIENTS, useValue: recipients },
      { provide: NOTIFICATION_RELAY_SETTINGS, useValue: SETTINGS },
    ],
    exports: [NOTIFICATION_RECIPIENTS, NOTIFICATION_RELAY_SETTINGS],
  })
  class AppBindings {}

  beforeAll(async () => {
    gateway = await startSmsGateway();
    db = await connectAsRuntimeRole();
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
    gateway.answer = () => 200;
    gateway.latencyMs = 0;
  });
  afterAll(async () => {
    await db.end();
    await gateway.close();
  });

  async function deployment(centres: string, workers = false): Promise<TestApp> {
    const app = await createTestApp({
      imports: [AppBindings, NotificationsModule],
      hostedTenants: centres,
      env: {
        WORKERS_ENABLED: String(workers),
        NOTIFICATION_DRIVER: 'sms-http',
        SMS_GATEWAY_URL: gateway.url,
        SMS_GATEWAY_TOKEN: 'gw-secret',
      },
    });
    apps.push(app);
    return app;
  }

  function applicant(contact: { mobile?: string } = { mobile: '13800138000' }): string {
    const id = randomUUID();
    recipients.contacts.set(id, { name: '王小丫', ...contact });
    return id;
  }

  function enqueue(app: TestApp, centre: string, applicantId: string): Promise<string> {
    return app.app.get(UnitOfWork).run({ tenantId: centre }, () =>
      app.app.get(NotificationOutbox).enqueue(centre, {
        applicantId,
        template: 'application.accepted',
        params: { itemName: '建设工程规划许可', promisedDue: '2026-05-20' },
        caseNumber: `${centre}20260506020000${Math.floor(Math.random() * 1000)}`,
      }),
    );
  }

  interface Row {
    status: string;
    attempts: number;
    next_attempt_at: Date;
    last_error: string | null;
    sent_at: Date | null;
  }

  async function row(centre: string, id: string): Promise<Row> {
    const { rows } = await db.asTenant(centre, (c) =>
      c.query('SELECT status, attempts, next_attempt_at, last_error, sent_at FROM notifications WHERE id = $1', [id]),
    );
    return rows[0] as Row;
  }

  const requestsFor = (reference: string) => gateway.requests.filter((request) => request.body.reference === reference);

  it('sends a pending notification once, in the applicant’s language, and records it', async () => {
    const centre = '510105';
    const app = await deployment(centre);
    const id = await enqueue(app, centre, applicant());

    const report = await app.app.get(NotificationRelay).relayOnce();
    expect(report).toEqual({ claimed: 1, sent: 1, retrying: 0, dead: 0 });
    expect(requestsFor(id)).toEqual([
      {
        authorization: 'Bearer gw-secret',
        contentType: 'application/json',
        body: {
          to: '13800138000',
          text: expect.stringContaining('已受理，承诺办结日期为 2026年5月20日'),
          template: 'application.accepted',
          reference: id,
        },
      },
    ]);
    expect(await row(centre, id)).toMatchObject({ status: 'sent', attempts: 1, last_error: null, sent_at: expect.any(Date) });

    expect(await app.app.get(NotificationRelay).relayOnce()).toEqual({ claimed: 0, sent: 0, retrying: 0, dead: 0 });
    expect(requestsFor(id)).toHaveLength(1);
  });

  it('delivers exactly once with two deployments relaying the same centre at the same time', async () => {
    const centre = '510106';
    const [one, two] = [await deployment(centre), await deployment(centre)];
    gateway.latencyMs = 5;
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) ids.push(await enqueue(one, centre, applicant()));

    const totals = [0, 0];
    for (let round = 0; round < 20; round++) {
      const reports = await Promise.all([one.app.get(NotificationRelay).relayOnce(), two.app.get(NotificationRelay).relayOnce()]);
      reports.forEach((report, index) => (totals[index] += report.sent));
      if (reports.every((report) => report.claimed === 0)) break;
    }

    expect(totals[0] + totals[1]).toBe(25);
    expect(totals[0]).toBeGreaterThan(0);
    expect(totals[1]).toBeGreaterThan(0);
    for (const id of ids) {
      expect(requestsFor(id)).toHaveLength(1);
      expect(await row(centre, id)).toMatchObject({ status: 'sent', attempts: 1 });
    }
  });

  it('retries a failed delivery with exponential backoff and jitter until it succeeds', async () => {
    const centre = '510107';
    const app = await deployment(centre);
    const relay = app.app.get(NotificationRelay);
    const id = await enqueue(app, centre, applicant());
    gateway.answer = (reference, index) => (reference === id && index < 2 ? 500 : 200);
    const base = SETTINGS.baseDelayMs as number;

    const t0 = new Date();
    expect(await relay.relayOnce(t0)).toMatchObject({ claimed: 1, retrying: 1 });
    const first = await row(centre, id);
    expect(first).toMatchObject({ status: 'failed', attempts: 1, last_error: 'SMS gateway answered HTTP 500', sent_at: null });
    expect(first.next_attempt_at.getTime() - t0.getTime()).toBeGreaterThanOrEqual(base / 2);
    expect(first.next_attempt_at.getTime() - t0.getTime()).toBeLessThanOrEqual(base);

    // Not due before its time.
    expect(await relay.relayOnce(new Date(first.next_attempt_at.getTime() - 1000))).toMatchObject({ claimed: 0 });

    const t1 = first.next_attempt_at;
    expect(await relay.relayOnce(t1)).toMatchObject({ claimed: 1, retrying: 1 });
    const second = await row(centre, id);
    expect(second).toMatchObject({ status: 'failed', attempts: 2 });
    expect(second.next_attempt_at.getTime() - t1.getTime()).toBeGreaterThanOrEqual(base);
    expect(second.next_attempt_at.getTime() - t1.getTime()).toBeLessThanOrEqual(2 * base);

    expect(await relay.relayOnce(second.next_attempt_at)).toMatchObject({ claimed: 1, sent: 1 });
    expect(await row(centre, id)).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    expect(requestsFor(id)).toHaveLength(3);
  });

  it('gives a notification up as dead after the last attempt, with an error log', async () => {
    const centre = '510108';
    const app = await deployment(centre);
    const relay = app.app.get(NotificationRelay);
    const id = await enqueue(app, centre, applicant());
    gateway.answer = () => 503;
    const errors = jest.spyOn(Logger.prototype, 'error');
    try {
      let at = new Date();
      for (let attempt = 1; attempt <= 3; attempt++) {
        await relay.relayOnce(at);
        at = (await row(centre, id)).next_attempt_at;
      }
      expect(await row(centre, id)).toMatchObject({ status: 'dead', attempts: 3, last_error: 'SMS gateway answered HTTP 503' });
      expect(errors).toHaveBeenCalledWith(expect.objectContaining({ event: 'notification.dead', notificationId: id, attempts: 3 }));
    } finally {
      errors.mockRestore();
    }
    expect(await relay.relayOnce(new Date(Date.now() + 365 * 86_400_000))).toMatchObject({ claimed: 0 });
    expect(requestsFor(id)).toHaveLength(3);
  });

  it('gives up at once when the applicant cannot be reached on the channel', async () => {
    const centre = '510112';
    const app = await deployment(centre);
    const id = await enqueue(app, centre, applicant({}));
    expect(await app.app.get(NotificationRelay).relayOnce()).toMatchObject({ claimed: 1, dead: 1 });
    expect(await row(centre, id)).toMatchObject({ status: 'dead', attempts: 1, last_error: 'The applicant has no mobile number' });
    expect(requestsFor(id)).toEqual([]);
  });

  it('works only on the centres its deployment hosts, and its probe leaves no scope behind', async () => {
    const [hosted, elsewhere] = ['510113', '510114'];
    const app = await deployment(hosted);
    const otherCentre = await enqueue(app, elsewhere, applicant());
    const mine = await enqueue(app, hosted, applicant());

    const dueCentres = await db.scoped({ 'app.tenant_id': '510105' }, async (c) => {
      const { rows } = await c.query('SELECT notifications_due_centres($1::text[], now()) AS due', [[hosted, elsewhere, '510115']]);
      const { rows: setting } = await c.query("SELECT current_setting('app.tenant_id', true) AS tenant");
      return { due: rows[0].due as string[], tenantAfter: setting[0].tenant as string };
    });
    expect(dueCentres).toEqual({ due: [hosted, elsewhere], tenantAfter: '510105' });

    expect(await app.app.get(NotificationRelay).relayOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect(await row(hosted, mine)).toMatchObject({ status: 'sent' });
    expect(await row(elsewhere, otherCentre)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('runs by itself when workers are enabled, and stops with the application', async () => {
    const centre = '510115';
    const app = await deployment(centre, true);
    const id = await enqueue(app, centre, applicant());
    const deadline = Date.now() + 10_000;
    while ((await row(centre, id)).status !== 'sent' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(await row(centre, id)).toMatchObject({ status: 'sent', attempts: 1 });
    await app.close();
    apps.splice(apps.indexOf(app), 1);
  });
});
