import { connectAsRuntimeRole, createTestApp, TestApp } from '@zhengwu/server/testing';
import {
  type ErrorBody,
  type ItemDetailView,
  type ItemGuide,
  type ItemSummary,
  type MaterialView,
  type ProcedureVersionView,
  type SlaLintResultView,
  StaffRole,
  type WindowView,
} from '@zhengwu/shared/contracts';
import { CatalogueFeatureModule } from './catalogue-feature.module';
import {
  createDepartment,
  createDraft,
  createItem,
  expectStatus,
  itemRequest,
  publishItem,
  SHEHONG,
  staffToken,
  STEPS,
  SUINING,
  uniquePdf,
  uniqueToken,
  upload,
} from './testing/catalogue-kit';

describe('catalogue administration', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp({ imports: [CatalogueFeatureModule] });
    admin = await staffToken(t, SUINING);
  });
  afterAll(() => t.close());

  async function auditActions(centre: string, subjectId: string): Promise<string[]> {
    const db = await connectAsRuntimeRole();
    try {
      const { rows } = await db.asTenant(centre, (c) =>
        c.query<{ action: string; actor_kind: string }>('SELECT action, actor_kind FROM audit_events WHERE subject_id = $1 ORDER BY occurred_at, id', [subjectId]),
      );
      expect(rows.every((r) => r.actor_kind === 'staff')).toBe(true);
      return rows.map((r) => r.action);
    } finally {
      await db.end();
    }
  }

  it('builds an item from department to published guide, every step audited', async () => {
    const department = await createDepartment(t, SUINING, admin, '遂宁市测试局');
    const window = await t.http.post<WindowView>(
      `/api/v1/centres/${SUINING}/windows`,
      { code: uniqueToken('W'), name: '测试窗口', departmentId: department.id, location: '一楼 A 区 9 号', serviceHours: '工作日 9:00–17:30' },
      { token: admin },
    );
    expectStatus(window, 201);
    expect(window.body).toMatchObject({ departmentId: department.id, departmentName: '遂宁市测试局' });

    const item = await createItem(t, SUINING, admin, itemRequest(department.id));
    expect(item.status).toBe('draft');
    expect((await t.http.get<ErrorBody>(`/api/v1/centres/${SUINING}/items/${item.id}`)).status).toBe(404);

    const sample = await upload(t, SUINING, admin, { name: '营业执照（示范文本）.pdf', content: uniquePdf(), type: 'application/pdf' });
    expect(sample.status).toBe(201);
    expect(sample.body).toMatchObject({ fileName: '营业执照（示范文本）.pdf', mediaType: 'application/pdf' });
    const material = await t.http.post<MaterialView>(
      `/api/v1/centres/${SUINING}/items/${item.id}/materials`,
      {
        code: 'YYZZ',
        name: '营业执照',
        description: '营业执照副本',
        required: true,
        originalCount: 1,
        copyCount: 1,
        deferrable: false,
        commitmentAllowed: false,
        sampleDocumentId: sample.body.id,
      },
      { token: admin },
    );
    expectStatus(material, 201);
    expect(material.body.sampleDocument?.url).toBe(`/api/v1/centres/${SUINING}/sample-documents/${sample.body.id}`);
    const renamed = await t.http.put<MaterialView>(
      `/api/v1/centres/${SUINING}/items/${item.id}/materials/${material.body.id}`,
      { name: '营业执照（副本）', description: '', required: true, originalCount: 1, copyCount: 2, deferrable: true, commitmentAllowed: false, sampleDocumentId: null },
      { token: admin },
    );
    expect(renamed.body).toMatchObject({ code: 'YYZZ', name: '营业执照（副本）', copyCount: 2, deferrable: true, sampleDocument: null });

    const notYet = await t.http.put<ErrorBody>(`/api/v1/centres/${SUINING}/items/${item.id}/status`, { status: 'published' }, { token: admin });
    expect(notYet.status).toBe(409);
    expect(notYet.body.code).toBe('ITEM_NOT_PUBLISHABLE');

    const draft = await createDraft(t, SUINING, admin, item.id);
    expect(draft).toMatchObject({ version: 1, status: 'draft', lint: { ok: true, errors: [] } });
    const lint = await t.http.post<SlaLintResultView>(`/api/v1/centres/${SUINING}/procedure-versions/${draft.id}/lint`, undefined, { token: admin });
    expect(lint.status).toBe(200);
    expect(lint.body).toEqual({ ok: true, errors: [] });
    const published = await t.http.post<ProcedureVersionView>(`/api/v1/centres/${SUINING}/procedure-versions/${draft.id}/publish`, undefined, { token: admin });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', version: 1 });
    expectStatus(await t.http.put(`/api/v1/centres/${SUINING}/items/${item.id}/status`, { status: 'published' }, { token: admin }), 200);

    const guide = await t.http.get<ItemGuide>(`/api/v1/centres/${SUINING}/items/${item.id}`);
    expect(guide.status).toBe(200);
    expect(guide.body.procedure).toMatchObject({ versionId: draft.id, version: 1, totalWorkingDays: 9 });
    expect(guide.body.procedure?.steps.map((s) => [s.position, s.code, s.post, s.limitWorkingDays])).toEqual([
      [1, 'ACCEPT', 'window_clerk', 1],
      [2, 'REVIEW', 'reviewer', 5],
      [3, 'DECIDE', 'approver', 3],
    ]);
    expect(guide.body.windows.map((w) => w.id)).toContain(window.body.id);
    expect(guide.body.materials).toEqual([expect.objectContaining({ code: 'YYZZ', copyCount: 2 })]);

    expect(await auditActions(SUINING, item.id)).toEqual(['catalogue.item_created', 'catalogue.item_published']);
    expect(await auditActions(SUINING, draft.id)).toEqual(['catalogue.procedure_draft_created', 'catalogue.procedure_published']);
    expect(await auditActions(SUINING, material.body.id)).toEqual(['catalogue.material_created', 'catalogue.material_updated']);
    expect(await auditActions(SUINING, sample.body.id)).toEqual(['catalogue.sample_document_uploaded']);
    expect(await auditActions(SUINING, department.id)).toEqual(['catalogue.department_created']);
  });

  it('refuses to publish a procedure over the promised limit, naming the step (409 PROCEDURE_SLA_VIOLATION)', async () => {
    const department = await createDepartment(t, SUINING, admin);
    const item = await createItem(t, SUINING, admin, itemRequest(department.id));
    const steps = [
      STEPS[0],
      { ...STEPS[1], limitWorkingDays: 8 },
      { code: 'CHECK', name: '现场核查', post: 'reviewer' as const, limitWorkingDays: 2 },
      STEPS[2],
    ];
    const draft = await createDraft(t, SUINING, admin, item.id, steps);
    expect(draft.lint.ok).toBe(false);

    const lint = await t.http.post<SlaLintResultView>(`/api/v1/centres/${SUINING}/procedure-versions/${draft.id}/lint`, undefined, { token: admin });
    expect(lint.body.errors).toEqual([expect.objectContaining({ code: 'STEPS_EXCEED_PROMISED', stepCode: 'CHECK' })]);

    const refused = await t.http.post<ErrorBody>(`/api/v1/centres/${SUINING}/procedure-versions/${draft.id}/publish`, undefined, { token: admin });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('PROCEDURE_SLA_VIOLATION');
    expect(refused.body.message.zh).toMatch(/[\u4e00-\u9fff]/);
    const details = refused.body.details as SlaLintResultView['errors'];
    expect(details).toEqual([expect.objectContaining({ code: 'STEPS_EXCEED_PROMISED', stepCode: 'CHECK' })]);
    expect(details[0].message.zh).toContain('第 3 环节“现场核查”（CHECK）');

    const version = await t.http.get<ProcedureVersionView>(`/api/v1/centres/${SUINING}/procedure-versions/${draft.id}`, { token: admin });
    expect(version.body.status).toBe('draft');
    const fixed = await t.http.put<ProcedureVersionView>(`/api/v1/centres/${SUINING}/procedure-versions/${draft.id}/steps`, { steps: STEPS }, { token: admin });
    expectStatus(fixed, 200);
    expectStatus(await t.http.post(`/api/v1/centres/${SUINING}/procedure-versions/${draft.id}/publish`, undefined, { token: admin }), 200);
  });

  it('keeps a published version immutable, in the service and in the database', async () => {
    const department = await createDepartment(t, SUINING, admin);
    const item = await createItem(t, SUINING, admin, itemRequest(department.id));
    const first = await publishItem(t, SUINING, admin, item.id);

    const edit = await t.http.put<ErrorBody>(`/api/v1/centres/${SUINING}/procedure-versions/${first.id}/steps`, { steps: STEPS.slice(1) }, { token: admin });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('PROCEDURE_VERSION_IMMUTABLE');
    const again = await t.http.post<ErrorBody>(`/api/v1/centres/${SUINING}/procedure-versions/${first.id}/publish`, undefined, { token: admin });
    expect(again.body.code).toBe('PROCEDURE_VERSION_IMMUTABLE');

    const db = await connectAsRuntimeRole();
    try {
      const refusals = [
        ['UPDATE procedure_steps SET limit_working_days = 0 WHERE version_id = $1', [first.id]],
        ['DELETE FROM procedure_steps WHERE version_id = $1', [first.id]],
        [`INSERT INTO procedure_steps (tenant_id, version_id, position, code, name, post, limit_working_days) VALUES ('${SUINING}', $1, 9, 'EXTRA', '额外', 'reviewer', 1)`, [first.id]],
        ['UPDATE procedure_versions SET version = 99 WHERE id = $1', [first.id]],
        ["UPDATE procedure_versions SET status = 'draft', published_at = NULL WHERE id = $1", [first.id]],
        ['DELETE FROM procedure_versions WHERE id = $1', [first.id]],
      ] as const;
      for (const [sql, params] of refusals) {
        await expect(db.asTenant(SUINING, (c) => c.query(sql, [...params]))).rejects.toMatchObject({ code: '42501' });
      }

      // A new version retires the old one in the same transaction; the old one stays as it was.
      const second = await createDraft(t, SUINING, admin, item.id, [STEPS[0], { ...STEPS[1], limitWorkingDays: 2 }, STEPS[2]]);
      expect(second.version).toBe(2);
      expectStatus(await t.http.post(`/api/v1/centres/${SUINING}/procedure-versions/${second.id}/publish`, undefined, { token: admin }), 200);
      const { rows } = await db.asTenant(SUINING, (c) =>
        c.query<{ version: number; status: string }>('SELECT version, status FROM procedure_versions WHERE item_id = $1 ORDER BY version', [item.id]),
      );
      expect(rows).toEqual([
        { version: 1, status: 'retired' },
        { version: 2, status: 'published' },
      ]);
      await expect(
        db.asTenant(SUINING, (c) => c.query("UPDATE procedure_versions SET status = 'published', retired_at = NULL WHERE id = $1", [first.id])),
      ).rejects.toMatchObject({ code: '42501' });
      const steps = await db.asTenant(SUINING, (c) => c.query('SELECT code, limit_working_days FROM procedure_steps WHERE version_id = $1 ORDER BY position', [first.id]));
      expect(steps.rows).toEqual(STEPS.map((s) => ({ code: s.code, limit_working_days: s.limitWorkingDays })));
    } finally {
      await db.end();
    }
    const guide = await t.http.get<ItemGuide>(`/api/v1/centres/${SUINING}/items/${item.id}`);
    expect(guide.body.procedure).toMatchObject({ version: 2, totalWorkingDays: 6 });
  });

  it("refuses item limits that would break the published procedure's promise", async () => {
    const department = await createDepartment(t, SUINING, admin);
    const request = itemRequest(department.id);
    const item = await createItem(t, SUINING, admin, request);
    await publishItem(t, SUINING, admin, item.id);
    const tighter = await t.http.put<ErrorBody>(`/api/v1/centres/${SUINING}/items/${item.id}`, { ...request, promisedLimit: { value: 5, unit: 'working_day' } }, { token: admin });
    expect(tighter.status).toBe(409);
    expect(tighter.body.code).toBe('PROCEDURE_SLA_VIOLATION');
    expect(tighter.body.details).toEqual([expect.objectContaining({ code: 'STEPS_EXCEED_PROMISED', stepCode: 'REVIEW' })]);
    const renamed = await t.http.put<ItemSummary>(`/api/v1/centres/${SUINING}/items/${item.id}`, { ...request, name: `${request.name}（更名）` }, { token: admin });
    expect(renamed.status).toBe(200);
    const guide = await t.http.get<ItemGuide>(`/api/v1/centres/${SUINING}/items/${item.id}`);
    expect(guide.body).toMatchObject({ name: `${request.name}（更名）`, promisedLimit: { value: 10, unit: 'working_day' } });
  });

  it('keeps an uncapped local code intact', async () => {
    const department = await createDepartment(t, SUINING, admin);
    const localCode = `511A0138000000-511602000000-000-115113010833722043-1-00-${'9'.repeat(200)}`;
    const item = await createItem(t, SUINING, admin, itemRequest(department.id, { localCode }));
    expect(item.localCode).toBe(localCode);
  });

  it("refuses a Suining admin acting on Shehong's catalogue (403) and changes nothing", async () => {
    const shehongAdmin = await staffToken(t, SHEHONG);
    const department = await createDepartment(t, SHEHONG, shehongAdmin, '射洪市测试局');
    const request = itemRequest(department.id);
    const item = await createItem(t, SHEHONG, shehongAdmin, request);
    const draft = await createDraft(t, SHEHONG, shehongAdmin, item.id);
    const base = `/api/v1/centres/${SHEHONG}`;

    const attempts = [
      t.http.post<ErrorBody>(`${base}/departments`, { code: uniqueToken('D'), name: '越权局' }, { token: admin }),
      t.http.put<ErrorBody>(`${base}/departments/${department.id}`, { name: '改名' }, { token: admin }),
      t.http.post<ErrorBody>(`${base}/items`, itemRequest(department.id), { token: admin }),
      t.http.put<ErrorBody>(`${base}/items/${item.id}`, { ...request, name: '越权修改' }, { token: admin }),
      t.http.put<ErrorBody>(`${base}/items/${item.id}/status`, { status: 'retired' }, { token: admin }),
      t.http.post<ErrorBody>(`${base}/procedure-versions/${draft.id}/publish`, undefined, { token: admin }),
      t.http.put<ErrorBody>(`${base}/procedure-versions/${draft.id}/steps`, { steps: STEPS.slice(0, 1) }, { token: admin }),
      t.http.get<ErrorBody>(`${base}/manage/items/${item.id}`, { token: admin }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 403, code: 'AUTH_WRONG_CENTRE' });
    }
    const uploaded = await upload(t, SHEHONG, admin, { name: 'x.pdf', content: uniquePdf() });
    expect(uploaded.status).toBe(403);

    const detail = await t.http.get<ItemDetailView>(`${base}/manage/items/${item.id}`, { token: shehongAdmin });
    expect(detail.body).toMatchObject({ name: request.name, status: 'draft', department: { name: '射洪市测试局' } });
    expect(detail.body.procedureVersions).toEqual([expect.objectContaining({ id: draft.id, status: 'draft', steps: expect.arrayContaining([]) })]);
    expect(detail.body.procedureVersions[0].steps).toHaveLength(3);
  });

  it('refuses staff without the permission (403) and anonymous callers (401)', async () => {
    const clerk = await staffToken(t, SUINING, [StaffRole.WindowClerk, StaffRole.Approver]);
    const forbidden = await t.http.post<ErrorBody>(`/api/v1/centres/${SUINING}/departments`, { code: uniqueToken('D'), name: '无权限局' }, { token: clerk });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('AUTH_FORBIDDEN');
    expect((await t.http.post(`/api/v1/centres/${SUINING}/departments`, { code: uniqueToken('D'), name: '匿名局' })).status).toBe(401);
    expect((await t.http.get(`/api/v1/centres/${SUINING}/manage/items`)).status).toBe(401);
  });
});
