import { DEMO_PASSWORD } from '@zhengwu/org/feature-api';
import type { ApplicantTokenResponse, ApplicationView, ChainVerificationView, StaffTokenResponse } from '@zhengwu/shared/contracts';
import { generateResidentIdNumber } from '@zhengwu/shared/util';
import { randomBytes, randomInt } from 'node:crypto';

/** An applicant registered through the API: the scenarios act with their token. */
export interface Applicant {
  id: string;
  token: string;
  name: string;
  identityMasked: string;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞'];

/** The calls the benchmark makes to set itself up (not the calls it measures). */
export class ApiClient {
  constructor(readonly baseUrl: string) {}

  async staffToken(centreCode: string, username: string): Promise<string> {
    const body = await this.call<StaffTokenResponse>('POST', '/api/v1/auth/staff/login', { json: { centreCode, username, password: DEMO_PASSWORD } });
    return body.accessToken;
  }

  /** A natural person living in the county (their ID number carries its code). */
  async registerApplicant(county: string, n: number): Promise<Applicant> {
    const name = `${SURNAMES.charAt(n % SURNAMES.length)}${GIVEN[n % GIVEN.length]}`;
    const idNumber = generateResidentIdNumber({
      divisionCode: county,
      birthDate: `${1960 + randomInt(0, 45)}-${String(randomInt(1, 13)).padStart(2, '0')}-${String(randomInt(1, 29)).padStart(2, '0')}`,
      sequence: randomInt(0, 1000),
    });
    const mobile = `1${randomInt(3, 10)}${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
    const body = await this.call<ApplicantTokenResponse>('POST', '/api/v1/auth/applicants/register/natural-person', {
      json: { name, idNumber, mobile, password: `Bench-${randomBytes(6).toString('hex')}` },
    });
    return { id: body.profile.id, token: body.accessToken, name: body.profile.name, identityMasked: body.profile.identityNumberMasked };
  }

  createDraft(centreCode: string, token: string, itemId: string): Promise<ApplicationView> {
    return this.call<ApplicationView>('POST', `/api/v1/centres/${centreCode}/applications`, { token, json: { itemId } });
  }

  /** Uploads a small PDF as the material, like the portal does (multipart/form-data). */
  uploadMaterial(application: Pick<ApplicationView, 'centreCode' | 'id'>, token: string, materialCode: string): Promise<ApplicationView> {
    const boundary = `----bench${randomBytes(12).toString('hex')}`;
    const pdf = samplePdf(`${application.id} ${materialCode}`);
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${materialCode}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return this.call<ApplicationView>('PUT', `/api/v1/centres/${application.centreCode}/applications/${application.id}/materials/${materialCode}`, {
      token,
      raw: body,
      contentType: `multipart/form-data; boundary=${boundary}`,
    });
  }

  verifyChain(centreCode: string, supervisorToken: string): Promise<ChainVerificationView> {
    return this.call<ChainVerificationView>('GET', `/api/v1/centres/${centreCode}/events/verification`, { token: supervisorToken });
  }

  /** Staff and applicant calls of the routing story (JSON in, JSON out); throws on a non-2xx answer. */
  json<T>(method: 'GET' | 'POST', path: string, token: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    return this.call<T>(method, path, { token, ...(body === undefined ? {} : { json: body }), ...(headers ? { headers } : {}) });
  }

  /** One request outside the measurement (to check a scenario's request before it is fired 10,000 times). */
  async probe(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    return { status: response.status, text: await response.text() };
  }

  private async call<T>(
    method: string,
    path: string,
    options: { token?: string; json?: unknown; raw?: Buffer; contentType?: string; headers?: Record<string, string> },
  ): Promise<T> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.raw) {
      headers['content-type'] = options.contentType ?? 'application/octet-stream';
      body = Uint8Array.from(options.raw);
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
    return JSON.parse(text) as T;
  }
}

/** A small valid PDF; the label makes each one its own stored object. */
function samplePdf(label: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}
