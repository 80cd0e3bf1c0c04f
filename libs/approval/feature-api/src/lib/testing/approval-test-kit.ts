import { CalendarFeatureModule } from '@zhengwu/calendar/feature-api';
import { CatalogueFeatureModule } from '@zhengwu/catalogue/feature-api';
import { DEMO_PASSWORD, OrgFeatureModule } from '@zhengwu/org/feature-api';
import { NotificationsModule } from '@zhengwu/server/notifications';
import { provisionRoutingKeys, RoutingModule, RoutingRelay } from '@zhengwu/server/routing';
import { join } from 'node:path';
import {
  createTestApp,
  multipartBody,
  testDatabaseFromEnv,
  samplePdf,
  TestApp,
  TestResponse,
  uniqueMobile,
  uniqueResidentIdNumber,
} from '@zhengwu/server/testing';
import type { ApplicantTokenResponse, ApplicationView, StaffTokenResponse } from '@zhengwu/shared/contracts';
import { randomUUID } from 'node:crypto';
import { ApprovalFeatureModule } from '../approval-feature.module';

/**
 * Test-only helpers that tell the approval stories: the whole platform (org, calendar, catalogue,
 * notifications, approval) on the run's database, with the demo centres, staff and catalogue.
 */
/** A story over HTTP on a busy 2-core machine: argon2 logins, seeding, many transitions. */
export const STORY_TIMEOUT = 60_000;

/** The demo centres; a test app hosts only these, so its routing relay never takes other tests' messages. */
export const DEMO_CENTRES = '510000,510900,510981';

export async function createApprovalTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  // Keys and a signed directory for one deployment hosting the demo centres (loopback routing).
  const dir = join(testDatabaseFromEnv().keysDir, 'approval-routing');
  const routing = provisionRoutingKeys({
    outDir: dir,
    deployments: [{ id: 'test', hostedTenants: DEMO_CENTRES, apiBaseUrl: 'http://test.invalid' }],
    identityIssuer: { deploymentId: 'test', signingKeyPaths: [join(testDatabaseFromEnv().keysDir, 'test-auth-signing.pem')], generateMissing: true },
  });
  return createTestApp({
    imports: [OrgFeatureModule, CalendarFeatureModule, CatalogueFeatureModule, NotificationsModule, RoutingModule, ApprovalFeatureModule],
    hostedTenants: DEMO_CENTRES,
    env: {
      SEED_DEMO: 'true',
      ROUTING_TRANSPORT: 'loopback',
      ROUTING_DIRECTORY_PATH: routing.directoryPath,
      ROUTING_ROOT_PUBLIC_KEY_PATH: routing.rootPublicKeyPath,
      CENTRE_KEYS_DIR: routing.centreKeysDirs['test'] as string,
      ...env,
    },
  });
}

/** Delivers what the routing outbox holds (the relay runs only when a test asks, workers are off). */
export async function deliverRoutedMessages(t: TestApp): Promise<void> {
  const relay = t.app.get(RoutingRelay);
  for (let round = 0; round < 5; round++) {
    const result = await relay.relayOnce();
    if (result.claimed === 0) return;
  }
}

export class ApprovalKit {
  private readonly staffTokens = new Map<string, string>();

  constructor(readonly t: TestApp) {}

  expectOk<T>(response: TestResponse<T>, status = 200): T {
    if (response.status !== status) {
      throw new Error(`Expected HTTP ${status}, got ${response.status}: ${response.text}`);
    }
    return response.body;
  }

  async staff(centreCode: string, username: string): Promise<string> {
    const key = `${centreCode}/${username}`;
    const cached = this.staffTokens.get(key);
    if (cached) return cached;
    const response = await this.t.http.post<StaffTokenResponse>('/api/v1/auth/staff/login', { centreCode, username, password: DEMO_PASSWORD });
    const token = this.expectOk(response).accessToken;
    this.staffTokens.set(key, token);
    return token;
  }

  /** A fresh natural person living in the given county (their ID number carries its code). */
  async newApplicant(county = '510981'): Promise<{ token: string; id: string; idNumber: string }> {
    const idNumber = uniqueResidentIdNumber(county);
    const response = await this.t.http.post<ApplicantTokenResponse>('/api/v1/auth/applicants/register/natural-person', {
      name: '申请人甲',
      idNumber,
      mobile: uniqueMobile(),
      password: 'Applicant-Pass-1',
    });
    const body = this.expectOk(response, 201);
    return { token: body.accessToken, id: body.profile.id, idNumber };
  }

  async itemId(centreCode: string, name: string): Promise<string> {
    const response = await this.t.http.get<{ items: Array<{ id: string; name: string }> }>(
      `/api/v1/centres/${centreCode}/items?q=${encodeURIComponent(name)}`,
    );
    const item = this.expectOk(response).items.find((candidate) => candidate.name === name);
    if (!item) throw new Error(`No published item "${name}" at ${centreCode}`);
    return item.id;
  }

  async draft(centreCode: string, applicantToken: string, itemName: string, body: Record<string, unknown> = {}): Promise<ApplicationView> {
    const itemId = await this.itemId(centreCode, itemName);
    return this.expectOk(
      await this.t.http.post<ApplicationView>(`/api/v1/centres/${centreCode}/applications`, { itemId, ...body }, { token: applicantToken }),
      201,
    );
  }

  upload(application: ApplicationView, token: string, materialCode: string, content: Buffer = samplePdf(), fileName = `${materialCode}.pdf`) {
    const { payload, headers } = multipartBody({ fileName, content, contentType: 'application/pdf' });
    return this.t.http.put<ApplicationView>(
      `/api/v1/centres/${application.centreCode}/applications/${application.id}/materials/${encodeURIComponent(materialCode)}`,
      undefined,
      { token, raw: payload, headers },
    );
  }

  async uploadRequired(application: ApplicationView, token: string): Promise<ApplicationView> {
    let latest = application;
    for (const material of application.materials.filter((m) => m.required)) {
      latest = this.expectOk(await this.upload(application, token, material.code));
    }
    return latest;
  }

  submit(application: ApplicationView, token: string, key: string = randomUUID()) {
    return this.t.http.post<ApplicationView>(`/api/v1/centres/${application.centreCode}/applications/${application.id}/submit`, undefined, {
      token,
      headers: { 'idempotency-key': key },
    });
  }

  /** A submitted application of a Shehong applicant, ready for pre-review. */
  async submitted(centreCode: string, itemName: string): Promise<{ application: ApplicationView; applicant: { token: string; id: string } }> {
    const applicant = await this.newApplicant();
    const draft = await this.draft(centreCode, applicant.token, itemName);
    await this.uploadRequired(draft, applicant.token);
    const application = this.expectOk(await this.submit(draft, applicant.token));
    return { application, applicant };
  }

  act(application: Pick<ApplicationView, 'centreCode' | 'id'>, path: string, token: string, body: Record<string, unknown>) {
    return this.t.http.post<ApplicationView>(`/api/v1/centres/${application.centreCode}/applications/${application.id}/${path}`, body, { token });
  }

  async view(application: Pick<ApplicationView, 'centreCode' | 'id'>, token: string): Promise<ApplicationView> {
    return this.expectOk(await this.t.http.get<ApplicationView>(`/api/v1/centres/${application.centreCode}/applications/${application.id}`, { token }));
  }
}
