import { ApplicationStatus } from '@zhengwu/approval/domain';
import { connectAsOwner, TestApp } from '@zhengwu/server/testing';
import type { CreatedHallDisplayView, ErrorBody, HallDisplaySnapshot, HallDisplayView } from '@zhengwu/shared/contracts';
import { randomBytes } from 'node:crypto';
import { ApplicationChangeFeed } from './live/application-change-feed';
import { chinaDay, displayTokenOf, maskApplicantName } from './hall-display/hall-display.logic';
import { ApprovalKit, createApprovalTestApp, STORY_TIMEOUT } from './testing/approval-test-kit';

const SUINING = '510900';
const SHEHONG = '510981';

describe('hall display rules', () => {
  it('masks names for a public screen, keeping only the first and last character', () => {
    expect(maskApplicantName('张三明')).toBe('张*明');
    expect(maskApplicantName('李四')).toBe('李*');
    expect(maskApplicantName('欧阳小明')).toBe('欧**明');
    expect(maskApplicantName('王')).toBe('*');
    expect(maskApplicantName('四川遂宁某某物流有限公司')).toBe('四****司');
  });

  it('takes the token only from an `Authorization: Display` header of the right shape', () => {
    const token = randomBytes(32).toString('base64url');
    expect(displayTokenOf(`Display ${token}`)).toBe(token);
    expect(displayTokenOf(`Bearer ${token}`)).toBeUndefined();
    expect(displayTokenOf('Display short')).toBeUndefined();
    expect(displayTokenOf(undefined)).toBeUndefined();
  });

  it('counts the China calendar day', () => {
    expect(chinaDay(new Date('2026-11-27T15:59:59Z'))).toBe('2026-11-27');
    expect(chinaDay(new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-28');
  });
});

/** Reads a live `text/event-stream` response event by event. */
class EventReader {
  private buffer = '';
  private readonly decoder = new TextDecoder();
  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  async next(): Promise<{ event: string; data: unknown } | null> {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const lines = block.split('\n').filter((line) => !line.startsWith(':'));
        if (lines.length === 0) continue;
        const event = lines.find((line) => line.startsWith('event: '))?.slice(7) ?? 'message';
        const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
        return { event, data: JSON.parse(data) };
      }
      const { done, value } = await this.reader.read();
      if (done) return null;
      this.buffer += this.decoder.decode(value, { stream: true });
    }
  }

  /** The next event satisfying `accept`, skipping the others (e.g. snapshots of other cases' changes). */
  async until(accept: (event: { event: string; data: unknown }) => boolean): Promise<{ event: string; data: unknown }> {
    for (;;) {
      const event = await this.next();
      if (!event) throw new Error('The stream ended first');
      if (accept(event)) return event;
    }
  }

  cancel(): Promise<void> {
    return this.reader.cancel().catch(() => undefined);
  }
}

describe('hall displays (real PostgreSQL, real HTTP)', () => {
  let t: TestApp;
  let kit: ApprovalKit;
  let baseUrl: string;

  beforeAll(async () => {
    t = await createApprovalTestApp();
    kit = new ApprovalKit(t);
    await t.app.listen(0, '127.0.0.1');
    baseUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  }, STORY_TIMEOUT);
  afterAll(async () => {
    // Streams a test cancelled may still hold a keep-alive socket; the app closes only without them.
    t.app.getHttpServer().closeAllConnections();
    await t.close();
  }, STORY_TIMEOUT);

  async function createDisplay(centre: string, name: string): Promise<CreatedHallDisplayView> {
    const admin = await kit.staff(centre, 'admin');
    return kit.expectOk(await t.http.post<CreatedHallDisplayView>(`/api/v1/centres/${centre}/hall-displays`, { name }, { token: admin }), 201);
  }

  async function openFeed(centre: string, token: string): Promise<{ status: number; reader?: EventReader; body?: ErrorBody }> {
    const response = await fetch(`${baseUrl}/api/v1/centres/${centre}/hall-display/feed`, { headers: { Authorization: `Display ${token}`, Accept: 'text/event-stream' } });
    if (!response.ok || !response.body) return { status: response.status, body: (await response.json()) as ErrorBody };
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    return { status: response.status, reader: new EventReader(response.body.getReader()) };
  }

  /** Today's figures recounted from the rows themselves, as the owner, in JavaScript. */
  async function recount(centre: string): Promise<HallDisplaySnapshot['counts']> {
    const owner = await connectAsOwner();
    try {
      await owner.query('BEGIN');
      await owner.query("SELECT set_config('app.tenant_id', $1, true)", [centre]);
      const { rows } = await owner.query<{ status: number; submitted_at: Date | null; accepted_at: Date | null; completed_at: Date | null; current_step_due: string | null }>(
        "SELECT status, submitted_at, accepted_at, completed_at, to_char(current_step_due, 'YYYY-MM-DD') AS current_step_due FROM applications",
      );
      await owner.query('COMMIT');
      const today = chinaDay(new Date());
      const on = (instant: Date | null) => !!instant && chinaDay(instant) === today;
      const open = rows.filter((r) => r.status !== ApplicationStatus.Draft && r.status < ApplicationStatus.Completed);
      return {
        receivedToday: rows.filter((r) => on(r.submitted_at)).length,
        acceptedToday: rows.filter((r) => on(r.accepted_at)).length,
        completedToday: rows.filter((r) => on(r.completed_at)).length,
        inProgress: open.length,
        overdue: open.filter((r) => r.current_step_due !== null && r.current_step_due < today).length,
      };
    } finally {
      await owner.end();
    }
  }

  it('lets a centre admin create a display (token once, stored as a hash), list it and revoke it; a revoked token is refused', async () => {
    const created = await createDisplay(SUINING, '一楼大厅屏');
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.display).toMatchObject({ name: '一楼大厅屏', centreCode: SUINING, tokenHint: created.token.slice(-4), revokedAt: null });

    const admin = await kit.staff(SUINING, 'admin');
    const listed = kit.expectOk(await t.http.get<HallDisplayView[]>(`/api/v1/centres/${SUINING}/hall-displays`, { token: admin }));
    expect(listed.find((d) => d.id === created.display.id)).toEqual(created.display);
    expect(JSON.stringify(listed)).not.toContain(created.token);

    const owner = await connectAsOwner();
    try {
      await owner.query('BEGIN');
      await owner.query("SELECT set_config('app.tenant_id', $1, true)", [SUINING]);
      const { rows } = await owner.query('SELECT * FROM hall_displays WHERE id = $1', [created.display.id]);
      await owner.query('COMMIT');
      expect(JSON.stringify(rows)).not.toContain(created.token);
      expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await owner.end();
    }

    // A clerk may not manage displays.
    const clerk = await kit.staff(SUINING, 'clerk');
    expect((await t.http.post(`/api/v1/centres/${SUINING}/hall-displays`, { name: '窗口屏' }, { token: clerk })).status).toBe(403);
    expect((await t.http.post(`/api/v1/centres/${SUINING}/hall-displays`, { name: '' }, { token: admin })).status).toBe(400);

    const open = await openFeed(SUINING, created.token);
    expect(open.status).toBe(200);
    const first = await open.reader!.next();
    expect(first?.event).toBe('snapshot');

    const revoked = kit.expectOk(await t.http.delete<HallDisplayView>(`/api/v1/centres/${SUINING}/hall-displays/${created.display.id}`, { token: admin }));
    expect(revoked.revokedAt).not.toBeNull();
    // The open feed is told at its next update, and closed.
    await kit.submitted(SUINING, '道路货物运输经营许可');
    expect((await open.reader!.until((e) => e.event !== 'snapshot')).event).toBe('revoked');
    expect(await open.reader!.next()).toBeNull();

    const refused = await openFeed(SUINING, created.token);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: 'DISPLAY_TOKEN_INVALID', message: { zh: expect.any(String), en: expect.any(String) } });
  }, STORY_TIMEOUT);

  it("refuses a missing or malformed token, and another centre's token", async () => {
    const missing = await t.http.get<ErrorBody>(`/api/v1/centres/${SUINING}/hall-display/feed`);
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ code: 'DISPLAY_TOKEN_INVALID', message: { zh: expect.any(String), en: expect.any(String) } });
    const staffToken = await kit.staff(SUINING, 'admin');
    expect((await t.http.get(`/api/v1/centres/${SUINING}/hall-display/feed`, { token: staffToken })).status).toBe(401);

    const shehong = await createDisplay(SHEHONG, '射洪大厅屏');
    expect((await openFeed(SUINING, shehong.token)).status).toBe(401);
    const own = await openFeed(SHEHONG, shehong.token);
    expect(own.status).toBe(200);
    await own.reader!.cancel();
  }, STORY_TIMEOUT);

  it('streams a first snapshot equal to a recount, then a new one when a clerk accepts a case, with the name masked', async () => {
    const { application } = await kit.submitted(SUINING, '道路货物运输经营许可');
    const display = await createDisplay(SUINING, '二楼大厅屏');
    await t.app.get(ApplicationChangeFeed).ready();
    const open = await openFeed(SUINING, display.token);
    const first = (await open.reader!.next())!;
    expect(first.event).toBe('snapshot');
    const snapshot = first.data as HallDisplaySnapshot;
    expect(snapshot).toMatchObject({ centreCode: SUINING, date: chinaDay(new Date()) });
    expect(snapshot.counts).toEqual(await recount(SUINING));
    expect(snapshot.counts.receivedToday).toBeGreaterThanOrEqual(1);

    const clerk = await kit.staff(SUINING, 'clerk');
    const accepted = kit.expectOk(await kit.act(application, 'pre-review/accept', clerk, { version: application.version }));
    const update = await open.reader!.until(
      (e) => e.event === 'snapshot' && (e.data as HallDisplaySnapshot).calls.some((c) => c.caseNumber === accepted.caseNumber && c.kind === 'accepted'),
    );
    const next = update.data as HallDisplaySnapshot;
    expect(next.counts.acceptedToday).toBeGreaterThanOrEqual(snapshot.counts.acceptedToday + 1);
    const call = next.calls.find((c) => c.caseNumber === accepted.caseNumber)!;
    // 申请人甲 (the kit's applicant) on the screen: first and last character only, no other personal data.
    expect(call).toEqual({ kind: 'accepted', caseNumber: accepted.caseNumber, applicantMasked: '申**甲', deliveryMode: null, at: expect.any(String) });
    expect(JSON.stringify(next)).not.toContain('申请人甲');
    expect(next.calls.length).toBeLessThanOrEqual(10);
    await open.reader!.cancel();
  }, STORY_TIMEOUT);
});
