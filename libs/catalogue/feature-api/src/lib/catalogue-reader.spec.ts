import { CentreCalendar } from '@zhengwu/calendar/data-access';
import { CalendarDataAccessModule } from '@zhengwu/calendar/data-access';
import { CatalogueReader } from '@zhengwu/catalogue/data-access';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { createTestApp, TestApp } from '@zhengwu/server/testing';
import type { ItemSummary, SampleDocumentView } from '@zhengwu/shared/contracts';
import { randomUUID } from 'node:crypto';
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
  upload,
} from './testing/catalogue-kit';

/** What the approval core reads: CatalogueReader, as the lead's services call it. */
describe('CatalogueReader', () => {
  let t: TestApp;
  let admin: string;
  let reader: CatalogueReader;
  let uow: UnitOfWork;
  let departmentId: string;

  beforeAll(async () => {
    t = await createTestApp({ imports: [CatalogueFeatureModule, CalendarDataAccessModule] });
    admin = await staffToken(t, SUINING);
    reader = t.app.get(CatalogueReader);
    uow = t.app.get(UnitOfWork);
    departmentId = (await createDepartment(t, SUINING, admin, '遂宁市读取测试局')).id;
  });
  afterAll(() => t.close());

  async function publishedItem(): Promise<{ item: ItemSummary; versionId: string; sample: SampleDocumentView }> {
    const item = await createItem(t, SUINING, admin, itemRequest(departmentId, { originalsCheckPoint: 'before_acceptance' }));
    const sample = (await upload(t, SUINING, admin, { name: '申请书.pdf', content: uniquePdf() })).body;
    const materials = [
      { code: 'SQB', name: '申请书', required: true, originalCount: 1, copyCount: 0, deferrable: false, commitmentAllowed: false, sampleDocumentId: sample.id },
      { code: 'CSPMT', name: '经营场所平面图', required: true, originalCount: 0, copyCount: 1, deferrable: true, commitmentAllowed: false },
      { code: 'SQWTS', name: '授权委托书', required: false, originalCount: 1, copyCount: 0, deferrable: false, commitmentAllowed: true },
    ];
    for (const [ordering, material] of materials.entries()) {
      expectStatus(await t.http.post(`/api/v1/centres/${SUINING}/items/${item.id}/materials`, { ...material, description: '', ordering }, { token: admin }), 201);
    }
    const draft = await publishItem(t, SUINING, admin, item.id);
    return { item, versionId: draft.id, sample };
  }

  it('gives a published item with its department, materials and pinned procedure', async () => {
    const { item, versionId, sample } = await publishedItem();
    const read = await reader.itemForApplication(SUINING, item.id);
    expect(read).toEqual({
      id: item.id,
      name: item.name,
      departmentId,
      departmentName: '遂宁市读取测试局',
      itemTypeCode: '01',
      caseType: 'promised',
      promisedLimit: { value: 10, unit: 'working_day' },
      legalLimit: { value: 20, unit: 'working_day' },
      originalsCheckRequired: true,
      originalsCheckPoint: 'before_acceptance',
      onlineApplicable: true,
      serviceObjects: [1, 2],
      crossRegionScope: 'cross_county',
      materials: [
        { code: 'SQB', name: '申请书', required: true, originalCount: 1, copyCount: 0, deferrable: false, commitmentAllowed: false, sampleDocumentId: sample.id },
        { code: 'CSPMT', name: '经营场所平面图', required: true, originalCount: 0, copyCount: 1, deferrable: true, commitmentAllowed: false, sampleDocumentId: null },
        { code: 'SQWTS', name: '授权委托书', required: false, originalCount: 1, copyCount: 0, deferrable: false, commitmentAllowed: true, sampleDocumentId: null },
      ],
      procedure: {
        versionId,
        version: 1,
        steps: STEPS.map((step, i) => ({ position: i + 1, ...step })),
      },
    });
  });

  it('gives null for drafts, retired items, unknown and malformed ids, and other centres', async () => {
    const draft = await createItem(t, SUINING, admin, itemRequest(departmentId));
    expect(await reader.itemForApplication(SUINING, draft.id)).toBeNull();
    await createDraft(t, SUINING, admin, draft.id);
    expect(await reader.itemForApplication(SUINING, draft.id)).toBeNull();

    const { item } = await publishedItem();
    expect(await reader.itemForApplication(SHEHONG, item.id)).toBeNull();
    expectStatus(await t.http.put(`/api/v1/centres/${SUINING}/items/${item.id}/status`, { status: 'retired' }, { token: admin }), 200);
    expect(await reader.itemForApplication(SUINING, item.id)).toBeNull();
    expect(await reader.itemForApplication(SUINING, randomUUID())).toBeNull();
    expect(await reader.itemForApplication(SUINING, 'not-a-uuid')).toBeNull();
    expect(await reader.procedureVersion(SUINING, 'not-a-uuid')).toBeNull();
    expect(await reader.procedureVersion(SUINING, randomUUID())).toBeNull();
  });

  it('keeps giving a pinned version after a newer one is published; drafts as they are now', async () => {
    const { item, versionId } = await publishedItem();
    const pinned = await reader.procedureVersion(SUINING, versionId);
    const shorter = [STEPS[0], STEPS[2]];
    const next = await createDraft(t, SUINING, admin, item.id, shorter);
    expect(await reader.procedureVersion(SUINING, next.id)).toMatchObject({ version: 2, steps: [{ code: 'ACCEPT' }, { code: 'DECIDE' }] });
    expectStatus(await t.http.put(`/api/v1/centres/${SUINING}/procedure-versions/${next.id}/steps`, { steps: STEPS }, { token: admin }), 200);
    expect((await reader.procedureVersion(SUINING, next.id))?.steps).toHaveLength(3);
    expectStatus(await t.http.post(`/api/v1/centres/${SUINING}/procedure-versions/${next.id}/publish`, undefined, { token: admin }), 200);

    expect(await reader.procedureVersion(SUINING, versionId)).toEqual(pinned);
    expect((await reader.itemForApplication(SUINING, item.id))?.procedure.versionId).toBe(next.id);
    expect(await reader.procedureVersion(SHEHONG, versionId)).toBeNull();
    // Callers get copies: changing one does not change what the next caller reads.
    pinned?.steps.splice(0);
    expect((await reader.procedureVersion(SUINING, versionId))?.steps).toHaveLength(3);
  });

  it('joins the caller’s unit of work for the centre, an applicant-scoped one included', async () => {
    const { item } = await publishedItem();
    const calendars = t.app.get(CentreCalendar);
    const applicantId = randomUUID();
    const [read, txInside, txOutside, calendar] = await uow.run({ tenantId: SUINING, applicantId }, async (manager) => {
      const [{ tx }] = await manager.query('SELECT txid_current()::text AS tx');
      const found = await reader.itemForApplication(SUINING, item.id);
      const [{ tx: after }] = await manager.query('SELECT txid_current()::text AS tx');
      return [found, tx, after, await calendars.forCentre(SUINING)] as const;
    });
    expect(read?.id).toBe(item.id);
    expect(txOutside).toBe(txInside);
    expect(calendar.isWorkingDay('2026-10-01').working).toBe(false);
    await expect(uow.run({ tenantId: SHEHONG }, () => reader.itemForApplication(SUINING, item.id))).rejects.toThrow(/cannot open tenant 510900/);
    // Warm caches refuse the same: a caller's mistake must not depend on what happens to be cached.
    await expect(uow.run({ tenantId: SHEHONG }, () => calendars.forCentre(SUINING))).rejects.toThrow(/another scope/);
    const pinned = (await reader.itemForApplication(SUINING, item.id))?.procedure.versionId ?? '';
    await expect(uow.run({ tenantId: SHEHONG }, () => reader.procedureVersion(SUINING, pinned))).rejects.toThrow(/another scope/);
  });
});
