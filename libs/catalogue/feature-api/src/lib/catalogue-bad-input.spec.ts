import { connectAsRuntimeRole, createTestApp, TestApp } from '@zhengwu/server/testing';
import type { ErrorBody, FieldViolation, SampleDocumentView } from '@zhengwu/shared/contracts';
import { createHash } from 'node:crypto';
import { CatalogueFeatureModule } from './catalogue-feature.module';
import {
  createDepartment,
  createItem,
  itemRequest,
  PNG_1X1,
  SHEHONG,
  staffToken,
  STEPS,
  SUINING,
  uniqueJpeg,
  uniquePdf,
  uniqueToken,
  upload,
} from './testing/catalogue-kit';

/** Bad input gets a 4xx with the structured error body, and nothing is written. */
describe('catalogue bad input', () => {
  let t: TestApp;
  let admin: string;
  let departmentId: string;

  beforeAll(async () => {
    t = await createTestApp({ imports: [CatalogueFeatureModule] });
    admin = await staffToken(t, SUINING);
    departmentId = (await createDepartment(t, SUINING, admin)).id;
  });
  afterAll(() => t.close());

  async function rowCount(sql: string, params: unknown[]): Promise<number> {
    const db = await connectAsRuntimeRole();
    try {
      return (await db.asTenant(SUINING, (c) => c.query(sql, params))).rowCount ?? 0;
    } finally {
      await db.end();
    }
  }

  function properties(body: ErrorBody): string[] {
    return (body.details as FieldViolation[]).map((d) => d.property).sort();
  }

  it.each([
    ['an unknown field', { status: 'published' }, ['status']],
    ['a level given as text', { level: '3' }, ['level']],
    ['an unknown item type', { itemType: '11' }, ['itemType']],
    ['service objects that are not codes', { serviceObjects: [1, 7] }, ['serviceObjects']],
    ['a limit in months', { legalLimit: { value: 1, unit: 'month' } }, ['legalLimit.unit']],
    ['a negative fee', { fee: { amountFen: -1 } }, ['fee.amountFen']],
    ['a fractional limit', { promisedLimit: { value: 2.5, unit: 'working_day' } }, ['promisedLimit.value']],
    ['a boolean as a string', { onlineApplicable: 'yes' }, ['onlineApplicable']],
    ['a code with spaces', { implementationCode: '1151 0900' }, ['implementationCode']],
    ['an unknown nested field', { fee: { amountFen: 0, currency: 'CNY' } }, ['fee.currency']],
  ])('refuses an item with %s (400) and writes nothing', async (_case, overrides, expected) => {
    const body = { ...itemRequest(departmentId), ...overrides };
    const response = await t.http.post<ErrorBody>(`/api/v1/centres/${SUINING}/items`, body, { token: admin });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(properties(response.body)).toEqual(expected);
    expect(await rowCount('SELECT 1 FROM items WHERE name = $1', [body.name])).toBe(0);
  });

  it.each([
    ['a promise longer than the legal limit', { promisedLimit: { value: 25, unit: 'working_day' } }, 'ITEM_LIMITS_INVALID', 'PROMISED_EXCEEDS_LEGAL'],
    ['a 即办件 promising days', { caseType: 'immediate', promisedLimit: { value: 3, unit: 'working_day' } }, 'ITEM_LIMITS_INVALID', 'IMMEDIATE_PROMISED_NOT_ZERO'],
  ])('refuses %s (400) and writes nothing', async (_case, overrides, code, lintCode) => {
    const body = { ...itemRequest(departmentId), ...overrides };
    const response = await t.http.post<ErrorBody>(`/api/v1/centres/${SUINING}/items`, body, { token: admin });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe(code);
    expect(response.body.details).toEqual([expect.objectContaining({ code: lintCode })]);
    expect(await rowCount('SELECT 1 FROM items WHERE name = $1', [body.name])).toBe(0);
  });

  it("refuses another centre's department (400 DEPARTMENT_UNKNOWN) and a duplicate implementation code (409)", async () => {
    const shehongDepartment = await createDepartment(t, SHEHONG, await staffToken(t, SHEHONG));
    const foreign = itemRequest(shehongDepartment.id);
    const refused = await t.http.post<ErrorBody>(`/api/v1/centres/${SUINING}/items`, foreign, { token: admin });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('DEPARTMENT_UNKNOWN');
    expect(await rowCount('SELECT 1 FROM items WHERE name = $1', [foreign.name])).toBe(0);

    const first = itemRequest(departmentId);
    await createItem(t, SUINING, admin, first);
    const duplicate = await t.http.post<ErrorBody>(`/api/v1/centres/${SUINING}/items`, { ...itemRequest(departmentId), implementationCode: first.implementationCode }, { token: admin });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('ITEM_CODE_TAKEN');
  });

  it('refuses malformed steps: duplicates named (400 PROCEDURE_STEPS_INVALID), wrong types and unknown posts (400)', async () => {
    const item = await createItem(t, SUINING, admin, itemRequest(departmentId));
    const url = `/api/v1/centres/${SUINING}/items/${item.id}/procedure-versions`;
    const duplicate = await t.http.post<ErrorBody>(url, { steps: [STEPS[0], { ...STEPS[1], code: 'ACCEPT' }, STEPS[2]] }, { token: admin });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.code).toBe('PROCEDURE_STEPS_INVALID');
    expect(duplicate.body.details).toEqual([expect.objectContaining({ code: 'DUPLICATE_STEP_CODE', stepCode: 'ACCEPT' })]);
    for (const steps of [[], [{ ...STEPS[0], limitWorkingDays: -1 }], [{ ...STEPS[0], post: 'director' }], [{ ...STEPS[0], limitWorkingDays: '1' }], 'ACCEPT']) {
      const response = await t.http.post<ErrorBody>(url, { steps }, { token: admin });
      expect({ steps, status: response.status, code: response.body.code }).toEqual({ steps, status: 400, code: 'VALIDATION_FAILED' });
    }
    expect(await rowCount('SELECT 1 FROM procedure_versions WHERE item_id = $1', [item.id])).toBe(0);
  });

  it('refuses malformed ids and queries with 400', async () => {
    expect((await t.http.get<ErrorBody>(`/api/v1/centres/${SUINING}/items/not-a-uuid`)).body.code).toBe('VALIDATION_FAILED');
    expect((await t.http.get<ErrorBody>(`/api/v1/centres/${SUINING}/items?pageSize=101`)).status).toBe(400);
    expect((await t.http.get<ErrorBody>(`/api/v1/centres/${SUINING}/items?object=9`)).status).toBe(400);
    expect((await t.http.get<ErrorBody>(`/api/v1/centres/${SUINING}/items?onlineApplicable=maybe`)).status).toBe(400);
    expect((await t.http.get<ErrorBody>(`/api/v1/centres/${SUINING}/items?status=draft`)).status).toBe(400);
    expect((await t.http.get<ErrorBody>(`/api/v1/centres/${SUINING}/items?page=0`)).status).toBe(400);
  });

  describe('sample document uploads', () => {
    async function stored(content: Buffer): Promise<number> {
      return rowCount('SELECT 1 FROM sample_documents WHERE sha256 = $1', [createHash('sha256').update(content).digest('hex')]);
    }

    it('accepts PDF, PNG and JPEG judged by their bytes, keeping the UTF-8 file name', async () => {
      const pdf = await upload(t, SUINING, admin, { name: '食品经营许可申请书（示范文本）.pdf', content: uniquePdf() });
      expect(pdf).toMatchObject({ status: 201, body: { mediaType: 'application/pdf', fileName: '食品经营许可申请书（示范文本）.pdf' } });
      // The declared type and the extension do not matter, the content does.
      const jpeg = await upload(t, SUINING, admin, { name: '平面图.png', content: uniqueJpeg(), type: 'image/png' });
      expect(jpeg).toMatchObject({ status: 201, body: { mediaType: 'image/jpeg', fileName: '平面图.png' } });
      const png = await upload(t, SUINING, admin, { name: 'C:\\Users\\张三\\照片.png', content: PNG_1X1 });
      expect(png.body).toMatchObject({ mediaType: 'image/png', fileName: '照片.png' });
      const body = png.body as SampleDocumentView;
      expect(body.sha256).toBe(createHash('sha256').update(PNG_1X1).digest('hex'));
      // The same bytes again are the same document.
      const again = await upload(t, SUINING, admin, { name: 'other.png', content: PNG_1X1 });
      expect(again.body.id).toBe(body.id);
    });

    it.each([
      ['an HTML page named .pdf', Buffer.from('<!doctype html><script>alert(1)</script>'), 'application/pdf'],
      ['a GIF', Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(32, 1)]), 'image/gif'],
      ['an executable', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(128, 7)]), 'application/pdf'],
      ['a ZIP (an office file)', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 3)]), 'application/pdf'],
    ])('refuses %s (415) and stores nothing', async (_case, content, type) => {
      const response = await upload(t, SUINING, admin, { name: 'sample.pdf', content, type });
      expect(response.status).toBe(415);
      expect(response.body.code).toBe('SAMPLE_DOCUMENT_TYPE_UNSUPPORTED');
      expect(await stored(content)).toBe(0);
    });

    it('refuses a file over 5 MB (413) and stores nothing', async () => {
      const content = Buffer.concat([uniquePdf(), Buffer.alloc(5 * 1024 * 1024, 0x20)]);
      const response = await upload(t, SUINING, admin, { name: 'big.pdf', content });
      expect(response.status).toBe(413);
      expect(response.body.code).toBe('SAMPLE_DOCUMENT_TOO_LARGE');
      expect(await stored(content)).toBe(0);
    });

    it('refuses a request without a file part (400)', async () => {
      const wrongField = await upload(t, SUINING, admin, { name: 'a.pdf', content: uniquePdf(), field: 'document' });
      expect(wrongField.status).toBe(400);
      expect(wrongField.body.code).toBe('SAMPLE_DOCUMENT_MISSING');
      const json = await t.http.post<ErrorBody>(`/api/v1/centres/${SUINING}/sample-documents`, { file: 'JVBERi0xLjQ=' }, { token: admin });
      expect(json.status).toBe(400);
      expect(json.body.code).toBe('SAMPLE_DOCUMENT_MISSING');
      const empty = await upload(t, SUINING, admin, { name: 'empty.pdf', content: Buffer.alloc(0) });
      expect(empty.status).toBe(400);
    });

    it('refuses a sample document of another centre on a material (400)', async () => {
      const shehongSample = await upload(t, SHEHONG, await staffToken(t, SHEHONG), { name: 'x.pdf', content: uniquePdf() });
      expect(shehongSample.status).toBe(201);
      const item = await createItem(t, SUINING, admin, itemRequest(departmentId));
      const response = await t.http.post<ErrorBody>(
        `/api/v1/centres/${SUINING}/items/${item.id}/materials`,
        { code: uniqueToken('M'), name: '营业执照', description: '', required: true, originalCount: 1, copyCount: 1, deferrable: false, commitmentAllowed: false, sampleDocumentId: shehongSample.body.id },
        { token: admin },
      );
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('MATERIAL_SAMPLE_UNKNOWN');
      expect(await rowCount('SELECT 1 FROM material_requirements WHERE item_id = $1', [item.id])).toBe(0);
    });
  });
});
