import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AccessTokenService } from '@zhengwu/server/core/auth';
import {
  type CreateItemRequest,
  type DepartmentView,
  type ItemSummary,
  type ProcedureDraftView,
  type ProcedureStepDto,
  type SampleDocumentView,
  StaffRole,
} from '@zhengwu/shared/contracts';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';

/**
 * Builders for the catalogue's integration tests (excluded from the library build). They take the
 * harness's test app structurally, so this file needs nothing from the testing library itself.
 */
export interface KitResponse<T> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
  text: string;
}

interface KitHttp {
  get<T>(url: string, options?: { token?: string }): Promise<KitResponse<T>>;
  post<T>(url: string, body?: unknown, options?: { token?: string }): Promise<KitResponse<T>>;
  put<T>(url: string, body?: unknown, options?: { token?: string }): Promise<KitResponse<T>>;
}

export interface KitApp {
  app: NestFastifyApplication;
  http: KitHttp;
}

export const PROVINCE = '510000';
export const SUINING = '510900';
export const SHEHONG = '510981';

export async function staffToken(t: KitApp, centre: string, roles: StaffRole[] = [StaffRole.CentreAdmin]): Promise<string> {
  const issued = await t.app.get(AccessTokenService).issue(randomUUID(), { kind: 'staff', name: '事项管理员', tid: centre, roles });
  return issued.token;
}

/** Letters and digits unique to one test, usable in codes and searchable in names. */
export function uniqueToken(prefix = 'T'): string {
  return `${prefix}${randomInt(0, 2 ** 40).toString(36).toUpperCase()}`;
}

export async function createDepartment(t: KitApp, centre: string, token: string, name = '测试监督管理局'): Promise<DepartmentView> {
  const response = await t.http.post<DepartmentView>(`/api/v1/centres/${centre}/departments`, { code: uniqueToken('D'), name }, { token });
  expectStatus(response, 201);
  return response.body;
}

export function itemRequest(departmentId: string, overrides: Partial<CreateItemRequest> = {}): CreateItemRequest {
  const token = uniqueToken('I');
  return {
    departmentId,
    name: `食品经营许可（测试 ${token}）`,
    basicCode: '000105129000',
    implementationCode: `11510900MB0000000X000105129${token}`,
    localCode: `511A0138000000-511602000000-000-115113010833722043-1-00`,
    itemType: '01',
    level: 3,
    caseType: 'promised',
    legalLimit: { value: 20, unit: 'working_day' },
    promisedLimit: { value: 10, unit: 'working_day' },
    crossRegionScope: 'cross_county',
    serviceObjects: [1, 2],
    handlingForms: [1, 2, 3],
    onlineApplicable: true,
    fullyOnline: false,
    fee: { amountFen: 0, description: '不收费' },
    originalsCheckRequired: true,
    originalsCheckPoint: 'after_approval',
    onSiteInspection: false,
    acceptanceConditions: '取得营业执照，具有与经营的食品品种相适应的经营场所。',
    legalBasis: '《中华人民共和国食品安全法》第三十五条。',
    whereAndWhen: '遂宁市政务服务中心一楼 A 区；工作日 9:00–17:30。',
    consultationPhone: '0825-2222345',
    ...overrides,
  };
}

export async function createItem(t: KitApp, centre: string, token: string, request: CreateItemRequest): Promise<ItemSummary> {
  const response = await t.http.post<ItemSummary>(`/api/v1/centres/${centre}/items`, request, { token });
  expectStatus(response, 201);
  return response.body;
}

export const STEPS: ProcedureStepDto[] = [
  { code: 'ACCEPT', name: '受理', post: 'window_clerk', limitWorkingDays: 1 },
  { code: 'REVIEW', name: '审查', post: 'reviewer', limitWorkingDays: 5 },
  { code: 'DECIDE', name: '决定', post: 'approver', limitWorkingDays: 3 },
];

export async function createDraft(t: KitApp, centre: string, token: string, itemId: string, steps = STEPS): Promise<ProcedureDraftView> {
  const response = await t.http.post<ProcedureDraftView>(`/api/v1/centres/${centre}/items/${itemId}/procedure-versions`, { steps }, { token });
  expectStatus(response, 201);
  return response.body;
}

/** A draft with `steps`, published, then the item itself published. */
export async function publishItem(t: KitApp, centre: string, token: string, itemId: string, steps = STEPS): Promise<ProcedureDraftView> {
  const draft = await createDraft(t, centre, token, itemId, steps);
  expectStatus(await t.http.post(`/api/v1/centres/${centre}/procedure-versions/${draft.id}/publish`, undefined, { token }), 200);
  expectStatus(await t.http.put(`/api/v1/centres/${centre}/items/${itemId}/status`, { status: 'published' }, { token }), 200);
  return draft;
}

/** A minimal PDF, unique per call (sample documents are stored once per content). */
export function uniquePdf(): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${randomBytes(12).toString('hex')}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

export const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export function uniqueJpeg(): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), randomBytes(64), Buffer.from([0xff, 0xd9])]);
}

export interface UploadResult {
  status: number;
  body: SampleDocumentView & { code?: string; details?: unknown };
}

/** POST a multipart upload with one part (the harness's client sends JSON only). */
export async function upload(
  t: KitApp,
  centre: string,
  token: string | undefined,
  file: { name: string; content: Buffer; type?: string; field?: string },
): Promise<UploadResult> {
  const boundary = `----zhengwu${randomBytes(8).toString('hex')}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\n` +
    `Content-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head, 'utf8'), file.content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const headers: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  if (token) headers['authorization'] = `Bearer ${token}`;
  const response = await t.app.inject({ method: 'POST', url: `/api/v1/centres/${centre}/sample-documents`, headers, payload });
  return { status: response.statusCode, body: response.json() };
}

export function expectStatus(response: { status: number; text?: string }, status: number): void {
  if (response.status !== status) {
    throw new Error(`Expected HTTP ${status}, got ${response.status}: ${response.text ?? ''}`);
  }
}
