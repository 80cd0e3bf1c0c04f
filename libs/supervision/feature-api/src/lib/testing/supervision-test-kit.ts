import { ApprovalFeatureModule } from '@zhengwu/approval/feature-api';
import { CalendarFeatureModule } from '@zhengwu/calendar/feature-api';
import { CatalogueFeatureModule } from '@zhengwu/catalogue/feature-api';
import { DEMO_PASSWORD, OrgFeatureModule } from '@zhengwu/org/feature-api';
import { NotificationsModule } from '@zhengwu/server/notifications';
import { provisionRoutingKeys, RoutingModule } from '@zhengwu/server/routing';
import {
  connectAsOwner,
  createTestApp,
  multipartBody,
  samplePdf,
  testDatabaseFromEnv,
  type TestApp,
  type TestResponse,
  uniqueMobile,
  uniqueResidentIdNumber,
} from '@zhengwu/server/testing';
import type { ApplicantTokenResponse, ApplicationView, DepartmentHeadsView, StaffTokenResponse } from '@zhengwu/shared/contracts';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { SupervisionFeatureModule } from '../supervision-feature.module';

/** HTTP stories on a loaded 2-core machine: argon2 logins, seeding, many transitions. */
export const STORY_TIMEOUT = 90_000;

/** The demo centres; a test app hosts only these. */
export const DEMO_CENTRES = '510000,510900,510981';

/**
 * How long a supervision spec may wait for its turn (createSupervisionTestApp) and set up: the
 * other supervision specs of the run go first, one at a time.
 */
export const SETUP_TIMEOUT = 10 * 60_000;

/** The advisory lock the supervision specs take for their whole file (any fixed key of ours). */
const SUPERVISION_SPECS_LOCK = 1_795_820_001;

/**
 * The whole approval core plus supervision, with the demo seed, on the run's database.
 *
 * A sweep evaluates every open case of a centre, and the specs of a run share one database: a
 * sweep of Suining "now" in one spec would raise alerts on another spec's cases that it then finds
 * already open at the date it sweeps for (a step 1 working day late showed 38), and fold the other
 * spec's rating events under its count. So the supervision specs take turns: the app holds a
 * session advisory lock on its own connection until it is closed. Jest may still run them in two
 * workers; the second waits here.
 */
export async function createSupervisionTestApp(): Promise<TestApp> {
  const turn = new Client({ connectionString: testDatabaseFromEnv().runtimeUrl });
  await turn.connect();
  await turn.query('SELECT pg_advisory_lock($1)', [SUPERVISION_SPECS_LOCK]);
  try {
    const app = await createSupervisionTestAppInTurn();
    return {
      ...app,
      close: async () => {
        try {
          await app.close();
        } finally {
          await turn.end();
        }
      },
    };
  } catch (error) {
    await turn.end();
    throw error;
  }
}

async function createSupervisionTestAppInTurn(): Promise<TestApp> {
  const dir = join(testDatabaseFromEnv().keysDir, 'supervision-routing');
  const routing = provisionRoutingKeys({
    outDir: dir,
    deployments: [{ id: 'test', hostedTenants: DEMO_CENTRES, apiBaseUrl: 'http://test.invalid' }],
    identityIssuer: { deploymentId: 'test', signingKeyPaths: [join(testDatabaseFromEnv().keysDir, 'test-auth-signing.pem')], generateMissing: true },
  });
  return createTestApp({
    imports: [OrgFeatureModule, CalendarFeatureModule, CatalogueFeatureModule, NotificationsModule, RoutingModule, ApprovalFeatureModule, SupervisionFeatureModule],
    hostedTenants: DEMO_CENTRES,
    env: {
      SEED_DEMO: 'true',
      ROUTING_TRANSPORT: 'loopback',
      ROUTING_DIRECTORY_PATH: routing.directoryPath,
      ROUTING_ROOT_PUBLIC_KEY_PATH: routing.rootPublicKeyPath,
      CENTRE_KEYS_DIR: routing.centreKeysDirs['test'] as string,
    },
  });
}

/** Noon, China time, on a civil date: the instant a sweep "runs" in a test. */
export function chinaNoon(date: string): Date {
  return new Date(`${date}T12:00:00+08:00`);
}

export class SupervisionKit {
  private readonly tokens = new Map<string, string>();

  constructor(readonly t: TestApp) {}

  ok<T>(response: TestResponse<T>, status = 200): T {
    if (response.status !== status) throw new Error(`Expected HTTP ${status}, got ${response.status}: ${response.text}`);
    return response.body;
  }

  async staff(centreCode: string, username: string, password = DEMO_PASSWORD): Promise<string> {
    const key = `${centreCode}/${username}`;
    const cached = this.tokens.get(key);
    if (cached) return cached;
    const body = this.ok(await this.t.http.post<StaffTokenResponse>('/api/v1/auth/staff/login', { centreCode, username, password }));
    this.tokens.set(key, body.accessToken);
    return body.accessToken;
  }

  /** A new staff account at the centre (created by its admin); returns its id. */
  async newStaff(centreCode: string, roles: string[], name: string): Promise<{ id: string; username: string }> {
    const admin = await this.staff(centreCode, 'admin');
    const username = `s${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const created = this.ok(
      await this.t.http.post<{ id: string }>(`/api/v1/centres/${centreCode}/staff`, { username, name, roles, password: 'Staff-Pass-2026' }, { token: admin }),
      201,
    );
    return { id: created.id, username };
  }

  /**
   * A new staff member made one more head of the department (the heads other specs set stay), signed
   * in: who answers the department's 督办 notices.
   */
  async newDepartmentHead(centreCode: string, departmentId: string, name: string): Promise<{ id: string; token: string }> {
    const admin = await this.staff(centreCode, 'admin');
    const head = await this.newStaff(centreCode, ['approver'], name);
    const { departments } = this.ok(await this.t.http.get<DepartmentHeadsView>(`/api/v1/centres/${centreCode}/supervision/department-heads`, { token: admin }));
    const current = departments.find((d) => d.departmentId === departmentId)?.heads.map((h) => h.staffId) ?? [];
    this.ok(await this.t.http.put(`/api/v1/centres/${centreCode}/supervision/department-heads/${departmentId}`, { staffIds: [...current, head.id] }, { token: admin }));
    return { id: head.id, token: await this.staff(centreCode, head.username, 'Staff-Pass-2026') };
  }

  /** A submitted application of a new Shehong applicant. */
  async submitted(centreCode: string, itemName: string): Promise<ApplicationView> {
    const idNumber = uniqueResidentIdNumber('510981');
    const applicant = this.ok(
      await this.t.http.post<ApplicantTokenResponse>('/api/v1/auth/applicants/register/natural-person', {
        name: '申请人乙',
        idNumber,
        mobile: uniqueMobile(),
        password: 'Applicant-Pass-1',
      }),
      201,
    ).accessToken;
    const items = this.ok(await this.t.http.get<{ items: Array<{ id: string; name: string }> }>(`/api/v1/centres/${centreCode}/items?q=${encodeURIComponent(itemName)}`));
    const item = items.items.find((candidate) => candidate.name === itemName);
    if (!item) throw new Error(`No item ${itemName} at ${centreCode}`);
    const draft = this.ok(await this.t.http.post<ApplicationView>(`/api/v1/centres/${centreCode}/applications`, { itemId: item.id }, { token: applicant }), 201);
    for (const material of draft.materials.filter((m) => m.required)) {
      const { payload, headers } = multipartBody({ fileName: `${material.code}.pdf`, content: samplePdf(), contentType: 'application/pdf' });
      this.ok(
        await this.t.http.put(`/api/v1/centres/${centreCode}/applications/${draft.id}/materials/${encodeURIComponent(material.code)}`, undefined, {
          token: applicant,
          raw: payload,
          headers,
        }),
      );
    }
    return this.ok(
      await this.t.http.post<ApplicationView>(`/api/v1/centres/${centreCode}/applications/${draft.id}/submit`, undefined, {
        token: applicant,
        headers: { 'idempotency-key': randomUUID() },
      }),
    );
  }

  /** Accepted by the centre's clerk: the reviewer's step is open. */
  async accepted(centreCode: string, itemName: string): Promise<ApplicationView> {
    const application = await this.submitted(centreCode, itemName);
    return this.act(application, 'pre-review/accept', await this.staff(centreCode, 'clerk'), { version: application.version });
  }

  async act(application: Pick<ApplicationView, 'centreCode' | 'id'>, path: string, token: string, body: Record<string, unknown>): Promise<ApplicationView> {
    return this.ok(await this.t.http.post<ApplicationView>(`/api/v1/centres/${application.centreCode}/applications/${application.id}/${path}`, body, { token }));
  }

  /** Runs `change` as the owner under the centre's RLS scope, in one transaction (test set-up of history). */
  async asOwner(tenantId: string, change: (owner: Awaited<ReturnType<typeof connectAsOwner>>) => Promise<unknown>): Promise<void> {
    const owner = await connectAsOwner();
    try {
      await owner.query('BEGIN');
      await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      await change(owner);
      await owner.query('COMMIT');
    } catch (error) {
      await owner.query('ROLLBACK');
      throw error;
    } finally {
      await owner.end();
    }
  }

  /** Moves a case's dates, as the owner under the centre's RLS scope (tests of fixed calendar dates). */
  async setDates(tenantId: string, applicationId: string, dates: { stepDue?: string; promisedDue?: string; submittedAt?: Date }): Promise<void> {
    const owner = await connectAsOwner();
    try {
      await owner.query('BEGIN');
      await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      if (dates.stepDue) {
        await owner.query('UPDATE application_steps SET due = $3 WHERE tenant_id = $1 AND application_id = $2 AND finished_at IS NULL', [tenantId, applicationId, dates.stepDue]);
        await owner.query('UPDATE applications SET current_step_due = $3 WHERE tenant_id = $1 AND id = $2', [tenantId, applicationId, dates.stepDue]);
      }
      if (dates.promisedDue) await owner.query('UPDATE applications SET promised_due = $3 WHERE tenant_id = $1 AND id = $2', [tenantId, applicationId, dates.promisedDue]);
      if (dates.submittedAt) await owner.query('UPDATE applications SET submitted_at = $3 WHERE tenant_id = $1 AND id = $2', [tenantId, applicationId, dates.submittedAt]);
      await owner.query('COMMIT');
    } catch (error) {
      await owner.query('ROLLBACK');
      throw error;
    } finally {
      await owner.end();
    }
  }
}
