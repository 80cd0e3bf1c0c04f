import { CATALOGUE_CODE_TABLES, codesOf } from '@zhengwu/catalogue/domain';
import { createTestApp, TestApp } from '@zhengwu/server/testing';
import {
  CASE_TYPE_CODES,
  CATALOGUE_STATUS_CODES,
  CROSS_REGION_SCOPE_CODES,
  type DepartmentView,
  type ErrorBody,
  EXERCISE_LEVEL_CODES,
  HANDLING_FORM_CODES,
  type ItemGuide,
  type ItemPage,
  ITEM_TYPE_CODES,
  LIMIT_UNIT_CODES,
  ORIGINALS_CHECK_POINT_CODES,
  SERVICE_OBJECT_CODES,
  STEP_POST_CODES,
  type WindowView,
} from '@zhengwu/shared/contracts';
import { CatalogueFeatureModule } from './catalogue-feature.module';
import {
  createDepartment,
  createItem,
  expectStatus,
  itemRequest,
  publishItem,
  SHEHONG,
  staffToken,
  SUINING,
  uniquePdf,
  uniqueToken,
  upload,
} from './testing/catalogue-kit';

describe('public catalogue', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp({ imports: [CatalogueFeatureModule] });
    admin = await staffToken(t, SUINING);
  });
  afterAll(() => t.close());

  describe('search', () => {
    // Items of this test only carry `token` in their names: the run's database is shared.
    const token = uniqueToken('S');
    let departmentA: DepartmentView;
    let departmentB: DepartmentView;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      departmentA = await createDepartment(t, SUINING, admin, '遂宁市检索测试局');
      departmentB = await createDepartment(t, SUINING, admin, '遂宁市另一测试局');
      const specs = [
        { key: 'food', department: departmentA, name: `食品经营许可 ${token}`, overrides: {} },
        { key: 'company', department: departmentA, name: `药品零售许可 ${token}`, overrides: { serviceObjects: [2] } },
        { key: 'offline', department: departmentA, name: `公共场所卫生许可 ${token}`, overrides: { onlineApplicable: false, serviceObjects: [2] } },
        {
          key: 'immediate',
          department: departmentB,
          name: `个体工商户名称变更 ${token}`,
          overrides: { caseType: 'immediate' as const, promisedLimit: { value: 0, unit: 'working_day' as const }, serviceObjects: [1] },
        },
        { key: 'percent', department: departmentB, name: `100%_通办 ${token}`, overrides: {} },
      ];
      for (const spec of specs) {
        const item = await createItem(t, SUINING, admin, itemRequest(spec.department.id, { name: spec.name, ...spec.overrides }));
        const steps =
          spec.key === 'immediate'
            ? [
                { code: 'ACCEPT', name: '受理', post: 'window_clerk' as const, limitWorkingDays: 0 },
                { code: 'DECIDE', name: '办结', post: 'approver' as const, limitWorkingDays: 0 },
              ]
            : undefined;
        await publishItem(t, SUINING, admin, item.id, steps);
        ids[spec.key] = item.id;
      }
      // A draft with the token is never listed publicly.
      ids['draft'] = (await createItem(t, SUINING, admin, itemRequest(departmentA.id, { name: `草稿事项 ${token}` }))).id;
    });

    async function search(query: string): Promise<ItemPage> {
      const response = await t.http.get<ItemPage>(`/api/v1/centres/${SUINING}/items?q=${encodeURIComponent(token)}&${query}`);
      expectStatus(response, 200);
      return response.body;
    }

    const names = (page: ItemPage) => page.items.map((i) => i.id).sort();
    const idsOf = (...keys: string[]) => keys.map((k) => ids[k]).sort();

    it('finds published items by a word of the name, and never drafts', async () => {
      const page = await search('');
      expect(page.total).toBe(5);
      expect(names(page)).toEqual(idsOf('food', 'company', 'offline', 'immediate', 'percent'));
      expect(page.items.every((i) => i.status === 'published')).toBe(true);
      const staff = await t.http.get<ItemPage>(`/api/v1/centres/${SUINING}/manage/items?q=${encodeURIComponent(token)}`, { token: admin });
      expect(staff.body.total).toBe(6);
    });

    it('finds an item by part of any of its codes, case-insensitively', async () => {
      const food = await t.http.get<ItemGuide>(`/api/v1/centres/${SUINING}/items/${ids['food']}`);
      const fragment = food.body.implementationCode.slice(-8).toLowerCase();
      const page = await t.http.get<ItemPage>(`/api/v1/centres/${SUINING}/items?q=${fragment}`);
      expect(page.body.items.map((i) => i.id)).toEqual([ids['food']]);
    });

    it('treats % and _ in the search text literally', async () => {
      const page = await t.http.get<ItemPage>(`/api/v1/centres/${SUINING}/items?q=${encodeURIComponent(`100%_通办 ${token}`)}`);
      expect(page.body.items.map((i) => i.id)).toEqual([ids['percent']]);
      const nothing = await t.http.get<ItemPage>(`/api/v1/centres/${SUINING}/items?q=${encodeURIComponent(`%${token}_`)}`);
      expect(nothing.body.total).toBe(0);
    });

    it('filters by department, service object, case type and online applicability', async () => {
      expect(names(await search(`department=${departmentB.id}`))).toEqual(idsOf('immediate', 'percent'));
      expect(names(await search('object=1'))).toEqual(idsOf('food', 'immediate', 'percent'));
      expect(names(await search('object=2'))).toEqual(idsOf('food', 'company', 'offline', 'percent'));
      expect(names(await search('caseType=immediate'))).toEqual(idsOf('immediate'));
      expect(names(await search('onlineApplicable=false'))).toEqual(idsOf('offline'));
      expect(names(await search(`onlineApplicable=true&caseType=promised&department=${departmentA.id}`))).toEqual(idsOf('food', 'company'));
    });

    it('pages with a total, in name order', async () => {
      const first = await search('pageSize=2&page=1');
      const second = await search('pageSize=2&page=2');
      const third = await search('pageSize=2&page=3');
      expect([first.total, second.total, third.total]).toEqual([5, 5, 5]);
      expect([first.items.length, second.items.length, third.items.length]).toEqual([2, 2, 1]);
      expect(first).toMatchObject({ page: 1, pageSize: 2 });
      const all = [...first.items, ...second.items, ...third.items];
      expect(new Set(all.map((i) => i.id)).size).toBe(5);
      const sortedNames = all.map((i) => i.name);
      expect(sortedNames).toEqual([...(await search('')).items.map((i) => i.name)]);
      expect((await search('page=4&pageSize=2')).items).toEqual([]);
    });

    it("does not show one centre's items at another", async () => {
      const page = await t.http.get<ItemPage>(`/api/v1/centres/${SHEHONG}/items?q=${encodeURIComponent(token)}`);
      expect(page.body.total).toBe(0);
      expect((await t.http.get<ErrorBody>(`/api/v1/centres/${SHEHONG}/items/${ids['food']}`)).status).toBe(404);
    });
  });

  it('serves the guide with materials and samples, and the sample with its bytes and headers', async () => {
    const department = await createDepartment(t, SUINING, admin, '遂宁市指南测试局');
    const window = await t.http.post<WindowView>(
      `/api/v1/centres/${SUINING}/windows`,
      { code: uniqueToken('W'), name: '综合窗口', departmentId: null, location: '一楼', serviceHours: '工作日' },
      { token: admin },
    );
    const item = await createItem(t, SUINING, admin, itemRequest(department.id));
    const pdf = uniquePdf();
    const fileName = '食品安全管理制度（示范文本）.pdf';
    const sample = await upload(t, SUINING, admin, { name: fileName, content: pdf });
    for (const [ordering, material] of [
      { code: 'SPAQGLZD', name: '食品安全管理制度', sampleDocumentId: sample.body.id, commitmentAllowed: true, deferrable: false },
      { code: 'CSPMT', name: '经营场所平面图', sampleDocumentId: null, commitmentAllowed: false, deferrable: true },
    ].entries()) {
      const created = await t.http.post(
        `/api/v1/centres/${SUINING}/items/${item.id}/materials`,
        { ...material, description: '', required: true, originalCount: 0, copyCount: 1, ordering: ordering + 1 },
        { token: admin },
      );
      expectStatus(created, 201);
    }
    await publishItem(t, SUINING, admin, item.id);

    const guide = await t.http.get<ItemGuide>(`/api/v1/centres/${SUINING}/items/${item.id}`);
    expect(guide.status).toBe(200);
    expect(guide.body).toMatchObject({
      department: { id: department.id, name: '遂宁市指南测试局' },
      originalsCheckRequired: true,
      originalsCheckPoint: 'after_approval',
      promisedLimit: { value: 10, unit: 'working_day' },
      legalLimit: { value: 20, unit: 'working_day' },
      fee: { amountFen: 0, description: '不收费' },
      legalBasis: '《中华人民共和国食品安全法》第三十五条。',
    });
    expect(guide.body.windows.map((w) => w.id)).toContain(window.body.id);
    expect(guide.body.materials.map((m) => [m.code, m.commitmentAllowed, m.deferrable])).toEqual([
      ['SPAQGLZD', true, false],
      ['CSPMT', false, true],
    ]);
    const link = guide.body.materials[0].sampleDocument;
    expect(link).toMatchObject({ fileName, mediaType: 'application/pdf', sizeBytes: pdf.length });
    expect(guide.body.materials[1].sampleDocument).toBeNull();

    const download = await t.app.inject({ method: 'GET', url: link?.url ?? '' });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(Number(download.headers['content-length'])).toBe(pdf.length);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['cache-control']).toContain('immutable');

    const elsewhere = await t.http.get<ErrorBody>(`/api/v1/centres/${SHEHONG}/sample-documents/${link?.id}`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.code).toBe('SAMPLE_DOCUMENT_NOT_FOUND');
  });

  it('lists departments and windows publicly', async () => {
    const department = await createDepartment(t, SUINING, admin, '遂宁市列表测试局');
    const departments = await t.http.get<DepartmentView[]>(`/api/v1/centres/${SUINING}/departments`);
    expect(departments.status).toBe(200);
    expect(departments.body).toContainEqual(expect.objectContaining({ id: department.id, name: '遂宁市列表测试局' }));
    expect((await t.http.get(`/api/v1/centres/${SUINING}/windows`)).status).toBe(200);
  });

  it('answers 404 for a published-only guide of a missing item', async () => {
    const response = await t.http.get<ErrorBody>(`/api/v1/centres/${SUINING}/items/0190f3a2-7b1c-7d4e-8f00-123456789abc`);
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('ITEM_NOT_FOUND');
  });

  it('serves the GB/T 39046 code tables, matching the values the requests accept', async () => {
    const response = await t.http.get<typeof CATALOGUE_CODE_TABLES>('/api/v1/catalogue/code-tables');
    expect(response.status).toBe(200);
    expect(response.body.itemTypes[0]).toEqual({ code: '01', zh: '行政许可', en: 'Administrative licensing' });
    expect(response.body.caseTypes.map((c) => c.zh)).toEqual(['即办件', '承诺件']);
    // The shared contracts cannot import the domain; these lists must not drift apart.
    expect(codesOf(CATALOGUE_CODE_TABLES.itemTypes)).toEqual([...ITEM_TYPE_CODES]);
    expect(codesOf(CATALOGUE_CODE_TABLES.exerciseLevels)).toEqual([...EXERCISE_LEVEL_CODES]);
    expect(codesOf(CATALOGUE_CODE_TABLES.serviceObjects)).toEqual([...SERVICE_OBJECT_CODES]);
    expect(codesOf(CATALOGUE_CODE_TABLES.handlingForms)).toEqual([...HANDLING_FORM_CODES]);
    expect(codesOf(CATALOGUE_CODE_TABLES.caseTypes)).toEqual([...CASE_TYPE_CODES]);
    expect(codesOf(CATALOGUE_CODE_TABLES.crossRegionScopes)).toEqual([...CROSS_REGION_SCOPE_CODES]);
    expect(codesOf(CATALOGUE_CODE_TABLES.limitUnits)).toEqual([...LIMIT_UNIT_CODES]);
    expect(codesOf(CATALOGUE_CODE_TABLES.originalsCheckPoints)).toEqual([...ORIGINALS_CHECK_POINT_CODES]);
    expect(codesOf(CATALOGUE_CODE_TABLES.stepPosts)).toEqual([...STEP_POST_CODES]);
    expect(codesOf(CATALOGUE_CODE_TABLES.statuses)).toEqual([...CATALOGUE_STATUS_CODES]);
  });
});
