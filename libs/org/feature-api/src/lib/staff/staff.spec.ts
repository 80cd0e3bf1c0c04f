import { connectAsRuntimeRole, createTestApp, TestApp, uniqueUsername } from '@zhengwu/server/testing';
import { ErrorBody, StaffProfile, StaffRole, StaffTokenResponse } from '@zhengwu/shared/contracts';
import { OrgFeatureModule } from '../org-feature.module';
import { DEMO_PASSWORD } from '../seed/demo-accounts';

describe('staff accounts per centre', () => {
  let t: TestApp;
  let suiningAdmin: string;
  let shehongAdmin: string;

  beforeAll(async () => {
    t = await createTestApp({ imports: [OrgFeatureModule], env: { SEED_DEMO: 'true' } });
    suiningAdmin = await login('510900', 'admin');
    shehongAdmin = await login('510981', 'admin');
  });
  afterAll(() => t.close());

  async function login(centreCode: string, username: string, password = DEMO_PASSWORD): Promise<string> {
    const response = await t.http.post<StaffTokenResponse>('/api/v1/auth/staff/login', { centreCode, username, password });
    expect(response.status).toBe(200);
    return response.body.accessToken;
  }

  it('logs staff in with a token that carries their centre and roles', async () => {
    const response = await t.http.post<StaffTokenResponse>('/api/v1/auth/staff/login', {
      centreCode: '510900',
      username: 'clerk',
      password: DEMO_PASSWORD,
    });
    expect(response.status).toBe(200);
    expect(response.body.profile).toMatchObject({ centreCode: '510900', username: 'clerk', roles: [StaffRole.WindowClerk] });
    expect(response.body.expiresIn).toBe(8 * 3600);
    const me = await t.http.get<StaffProfile>('/api/v1/auth/me', { token: response.body.accessToken });
    expect(me.body).toEqual(response.body.profile);
  });

  it('refuses the right username at the wrong centre', async () => {
    const created = await t.http.post('/api/v1/centres/510900/staff', {
      username: uniqueUsername('only'),
      name: '只在遂宁',
      roles: [StaffRole.Reviewer],
      password: 'Reviewer-Pass-1',
    }, { token: suiningAdmin });
    expect(created.status).toBe(201);
    const username = (created.body as StaffProfile).username;
    const elsewhere = await t.http.post<ErrorBody>('/api/v1/auth/staff/login', { centreCode: '510981', username, password: 'Reviewer-Pass-1' });
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.body.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('lets a centre admin create staff in their own centre, audited, and the new account log in', async () => {
    const username = uniqueUsername('rev');
    const created = await t.http.post<StaffProfile>(
      '/api/v1/centres/510900/staff',
      { username, name: '李审核', roles: [StaffRole.Reviewer, StaffRole.Approver], password: 'Reviewer-Pass-1' },
      { token: suiningAdmin },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ centreCode: '510900', username, roles: ['approver', 'reviewer'], active: true });
    expect(await login('510900', username, 'Reviewer-Pass-1')).toBeTruthy();

    const db = await connectAsRuntimeRole();
    try {
      const audit = await db.asTenant('510900', (c) =>
        c.query("SELECT actor_kind, action FROM audit_events WHERE subject_id = $1 AND action = 'staff.created'", [created.body.id]),
      );
      expect(audit.rows).toEqual([{ actor_kind: 'staff', action: 'staff.created' }]);
    } finally {
      await db.end();
    }

    const listed = await t.http.get<StaffProfile[]>('/api/v1/centres/510900/staff', { token: suiningAdmin });
    expect(listed.body.map((s) => s.username)).toContain(username);
    expect(listed.body.every((s) => s.centreCode === '510900')).toBe(true);
    expect(JSON.stringify(listed.body)).not.toContain('password');
  });

  it('refuses a centre admin acting on another centre: 403, nothing written', async () => {
    const username = uniqueUsername('intruder');
    const response = await t.http.post<ErrorBody>(
      '/api/v1/centres/510981/staff',
      { username, name: '越权', roles: [StaffRole.CentreAdmin], password: 'Intruder-Pass-1' },
      { token: suiningAdmin },
    );
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('AUTH_WRONG_CENTRE');
    const list = await t.http.get<ErrorBody>('/api/v1/centres/510981/staff', { token: suiningAdmin });
    expect(list.status).toBe(403);
    const shehongList = await t.http.get<StaffProfile[]>('/api/v1/centres/510981/staff', { token: shehongAdmin });
    expect(shehongList.body.map((s) => s.username)).not.toContain(username);
  });

  it('refuses staff without the permission (403) and anonymous callers (401)', async () => {
    const clerk = await login('510900', 'clerk');
    const body = { username: uniqueUsername('x'), name: '某某', roles: [StaffRole.WindowClerk], password: 'Some-Password-1' };
    const asClerk = await t.http.post<ErrorBody>('/api/v1/centres/510900/staff', body, { token: clerk });
    expect(asClerk.status).toBe(403);
    expect(asClerk.body.code).toBe('AUTH_FORBIDDEN');
    const supervisor = await login('510900', 'supervisor');
    expect((await t.http.get('/api/v1/centres/510900/staff', { token: supervisor })).status).toBe(200);
    expect((await t.http.post('/api/v1/centres/510900/staff', body, { token: supervisor })).status).toBe(403);
    expect((await t.http.get('/api/v1/centres/510900/staff')).status).toBe(401);
  });

  it('refuses an applicant token on a staff route', async () => {
    const registered = await t.http.post<StaffTokenResponse>('/api/v1/auth/applicants/login', {
      identifier: '13800138000',
      password: DEMO_PASSWORD,
    });
    expect(registered.status).toBe(200);
    const response = await t.http.get<ErrorBody>('/api/v1/centres/510900/staff', { token: registered.body.accessToken });
    expect(response.status).toBe(403);
  });

  it('answers 404 for a centre this deployment does not host', async () => {
    const cityOnly = await createTestApp({ imports: [OrgFeatureModule], hostedTenants: '510900' });
    try {
      const response = await cityOnly.http.get<ErrorBody>('/api/v1/centres/510981/staff', { token: suiningAdmin });
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('CENTRE_NOT_HOSTED');
    } finally {
      await cityOnly.close();
    }
  });

  it('refuses duplicate usernames within a centre with 409', async () => {
    const body = { username: uniqueUsername('dup'), name: '重复', roles: [StaffRole.WindowClerk], password: 'Some-Password-1' };
    expect((await t.http.post('/api/v1/centres/510900/staff', body, { token: suiningAdmin })).status).toBe(201);
    const again = await t.http.post<ErrorBody>('/api/v1/centres/510900/staff', body, { token: suiningAdmin });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('STAFF_USERNAME_TAKEN');
    // The same username is free in another centre.
    expect((await t.http.post('/api/v1/centres/510981/staff', body, { token: shehongAdmin })).status).toBe(201);
  });

  it('seeds idempotently: a second seed run creates nothing', async () => {
    const second = await createTestApp({ imports: [OrgFeatureModule], env: { SEED_DEMO: 'true' } });
    await second.close();
    const db = await connectAsRuntimeRole();
    try {
      const admins = await db.asTenant('510900', (c) => c.query("SELECT count(*)::int AS n FROM staff WHERE username = 'admin'"));
      expect(admins.rows[0].n).toBe(1);
    } finally {
      await db.end();
    }
  });
});
