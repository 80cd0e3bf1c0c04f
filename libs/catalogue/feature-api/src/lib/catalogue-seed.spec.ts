import { lintProcedure } from '@zhengwu/catalogue/domain';
import { connectAsRuntimeRole, createTestApp, TestApp } from '@zhengwu/server/testing';
import type { ItemGuide } from '@zhengwu/shared/contracts';
import { CatalogueFeatureModule } from './catalogue-feature.module';
import { DEMO_CATALOGUE, SEED_STORY_ITEM } from './seed/data/demo-catalogue';
import { demoItemCodes } from './seed/data/demo-codes';
import { CatalogueDemoSeedService } from './seed/catalogue-demo-seed.service';

const SEED = { imports: [CatalogueFeatureModule], env: { SEED_DEMO: 'true' } };

describe('demo catalogue seed', () => {
  let t: TestApp;
  /** Item id by centre and implementation code. */
  const seeded = new Map<string, string>();

  beforeAll(async () => {
    // Two deployments booting at once both seed; neither may fail or duplicate anything.
    const [first, second] = await Promise.all([createTestApp(SEED), createTestApp(SEED)]);
    await second.close();
    t = first;
    const db = await connectAsRuntimeRole();
    try {
      for (const centre of DEMO_CATALOGUE) {
        const { rows } = await db.asTenant(centre.code, (c) => c.query<{ id: string; implementation_code: string }>('SELECT id, implementation_code FROM items'));
        for (const row of rows) seeded.set(`${centre.code}:${row.implementation_code}`, row.id);
      }
    } finally {
      await db.end();
    }
  }, 120_000);
  afterAll(() => t?.close());

  function idOf(centreCode: string, departmentCode: string, basicCode: string): string {
    const centre = DEMO_CATALOGUE.find((c) => c.code === centreCode);
    const department = centre?.departments.find((d) => d.code === departmentCode);
    const item = centre?.items.find((i) => i.basicCode === basicCode && i.departmentCode === departmentCode);
    if (!centre || !department || !item) throw new Error(`No demo item ${centreCode}/${basicCode}`);
    const id = seeded.get(`${centreCode}:${demoItemCodes(centreCode, department, item).implementationCode}`);
    if (!id) throw new Error(`Demo item ${item.name} of ${centreCode} was not seeded`);
    return id;
  }

  async function guide(centreCode: string, id: string): Promise<ItemGuide> {
    const response = await t.http.get<ItemGuide>(`/api/v1/centres/${centreCode}/items/${id}`);
    expect(response.status).toBe(200);
    return response.body;
  }

  it('is idempotent: seeding again creates nothing, and nothing exists twice', async () => {
    const started = Date.now();
    expect(await t.app.get(CatalogueDemoSeedService).seed()).toBe(0);
    // Restarting `npm start` with the catalogue in place costs lookups only.
    expect(Date.now() - started).toBeLessThan(5000);
    const db = await connectAsRuntimeRole();
    try {
      for (const centre of DEMO_CATALOGUE) {
        const count = async (sql: string, codes: string[]) =>
          (await db.asTenant(centre.code, (c) => c.query<{ n: number }>(sql, [codes]))).rows[0].n;
        const codes = centre.items.map((item) => {
          const department = centre.departments.find((d) => d.code === item.departmentCode);
          if (!department) throw new Error(item.name);
          return demoItemCodes(centre.code, department, item).implementationCode;
        });
        expect(await count('SELECT count(*)::int AS n FROM items WHERE implementation_code = ANY($1)', codes)).toBe(centre.items.length);
        expect(await count('SELECT count(*)::int AS n FROM departments WHERE code = ANY($1)', centre.departments.map((d) => d.code))).toBe(centre.departments.length);
        expect(await count('SELECT count(*)::int AS n FROM windows WHERE code = ANY($1)', centre.windows.map((w) => w.code))).toBe(centre.windows.length);
        const versions = await db.asTenant(centre.code, (c) =>
          c.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM procedure_versions v JOIN items i ON i.tenant_id = v.tenant_id AND i.id = v.item_id
              WHERE i.implementation_code = ANY($1)`,
            [codes],
          ),
        );
        expect(versions.rows[0].n).toBe(centre.items.length);
      }
    } finally {
      await db.end();
    }
  });

  it.each(DEMO_CATALOGUE.map((centre) => [centre.code, centre] as const))(
    'gives %s at least four departments and twelve published items, with a 即办件 and items needing originals',
    async (code, centre) => {
      expect(centre.departments.length).toBeGreaterThanOrEqual(4);
      expect(centre.items.length).toBeGreaterThanOrEqual(12);
      const guides = await Promise.all(centre.items.map((item) => guide(code, idOf(code, item.departmentCode, item.basicCode))));
      expect(guides.every((g) => g.status === 'published' && g.procedure !== null)).toBe(true);
      const immediate = guides.filter((g) => g.caseType === 'immediate');
      expect(immediate.length).toBeGreaterThanOrEqual(1);
      expect(immediate.every((g) => g.promisedLimit.value === 0 && g.procedure?.totalWorkingDays === 0)).toBe(true);
      expect(guides.filter((g) => g.originalsCheckRequired).length).toBeGreaterThanOrEqual(2);
      for (const g of guides) {
        // Published, so they passed the lint; check again against the public guide.
        const lint = lintProcedure({ caseType: g.caseType, promised: g.promisedLimit, legal: g.legalLimit, steps: g.procedure?.steps ?? [] });
        expect({ item: g.name, errors: lint.errors }).toEqual({ item: g.name, errors: [] });
        expect(g.procedure?.steps.length).toBeGreaterThanOrEqual(2);
        expect(g.procedure?.steps.length).toBeLessThanOrEqual(4);
        expect(g.materials.length).toBeGreaterThanOrEqual(2);
        expect(g.legalBasis).toMatch(/《.+》/);
        expect(g.acceptanceConditions.length).toBeGreaterThan(10);
        expect(g.implementationCode.endsWith(g.basicCode)).toBe(true);
        expect(g.localCode).toMatch(new RegExp(`^51[0-9G]A\\d{10}-${code}000000-000-11${code}\\w{10}-1-00$`));
        for (const material of g.materials.filter((m) => m.required)) {
          expect({ item: g.name, material: material.code, sample: material.sampleDocument?.mediaType }).toEqual({
            item: g.name,
            material: material.code,
            sample: 'application/pdf',
          });
        }
      }
    },
  );

  it('seeds the item of the seed story: a Suining item whose originals are checked, open to Shehong applicants', async () => {
    const item = await guide('510900', idOf('510900', 'SCJGJ', SEED_STORY_ITEM.basicCode));
    expect(item).toMatchObject({
      name: SEED_STORY_ITEM.name,
      originalsCheckRequired: true,
      crossRegionScope: 'cross_county',
      onlineApplicable: true,
      caseType: 'promised',
      legalLimit: { value: 20, unit: 'working_day' },
      promisedLimit: { value: 10, unit: 'working_day' },
    });
    expect(item.procedure?.steps.map((s) => [s.name, s.post])).toEqual([
      ['受理', 'window_clerk'],
      ['审查', 'reviewer'],
      ['决定', 'approver'],
    ]);
    const materials = Object.fromEntries(item.materials.map((m) => [m.code, m]));
    expect(materials['YYZZ']).toMatchObject({ name: '营业执照', originalCount: 1, copyCount: 1, required: true });
    expect(materials['CSPMT']).toMatchObject({ deferrable: true });
    expect(materials['SPAQGLZD']).toMatchObject({ commitmentAllowed: true });
    expect(materials['SQWTS']).toMatchObject({ required: false, sampleDocument: null });
  });

  it('serves the generated sample PDFs: small, with a Chinese file name', async () => {
    const item = await guide('510981', idOf('510981', 'SCJGJ', '000105129000'));
    const sample = item.materials.find((m) => m.code === 'YYZZ')?.sampleDocument;
    expect(sample?.fileName).toBe('营业执照（示范文本）.pdf');
    const response = await t.app.inject({ method: 'GET', url: sample?.url ?? '' });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(response.rawPayload.length).toBeLessThan(8 * 1024);
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('营业执照（示范文本）.pdf')}`);
  });
});
