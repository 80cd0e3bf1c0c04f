import { CalendarFeatureModule } from '@zhengwu/calendar/feature-api';
import { CatalogueFeatureModule } from '@zhengwu/catalogue/feature-api';
import { DEMO_PASSWORD, OrgFeatureModule } from '@zhengwu/org/feature-api';
import { NotificationsModule } from '@zhengwu/server/notifications';
import {
  createTestApp,
  multipartBody,
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
export async function createApprovalTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  return createTestApp({
    imports: [OrgFeatureModule, CalendarFeatureModule, CatalogueFeatureModule, NotificationsModule, ApprovalFeatureModule],
    env: { SEED_DEMO: 'true', ...env },
  });
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
