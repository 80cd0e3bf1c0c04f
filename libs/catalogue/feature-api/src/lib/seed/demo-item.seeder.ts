import { Injectable } from '@nestjs/common';
import { ItemRepository } from '@zhengwu/catalogue/data-access';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { CatalogueError } from '../catalogue-errors';
import { ManageItemsService } from '../items/manage-items.service';
import { ManageMaterialsService } from '../materials/manage-materials.service';
import { ManageProceduresService } from '../procedures/manage-procedures.service';
import { PublishProcedureService } from '../procedures/publish-procedure.service';
import { SampleDocumentsService } from '../samples/sample-documents.service';
import { demoItemCodes } from './data/demo-codes';
import { demoMaterial } from './data/demo-materials';
import type { SeedCentre, SeedItem, SeedMaterial, SeedMaterialRef } from './data/seed-types';
import { tolerate } from './demo-organisation.seeder';
import { samplePdf } from './sample-pdf';

/**
 * One demo item, published with its materials, sample documents and procedure, through the same
 * use cases a centre admin uses. The item and everything under it commit together, so a seeder
 * that loses a race for an item (ITEM_CODE_TAKEN) leaves nothing half-made behind.
 */
@Injectable()
export class DemoItemSeeder {
  /** Sample document ids by centre and material code: items share them, and they never change. */
  private readonly sampleIds = new Map<string, string>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly items: ItemRepository,
    private readonly manageItems: ManageItemsService,
    private readonly materials: ManageMaterialsService,
    private readonly samples: SampleDocumentsService,
    private readonly procedures: ManageProceduresService,
    private readonly publisher: PublishProcedureService,
  ) {}

  /** True when this call created the item. */
  async seed(centre: SeedCentre, departmentIds: ReadonlyMap<string, string>, item: SeedItem): Promise<boolean> {
    const tenantId = centre.code;
    const department = centre.departments.find((d) => d.code === item.departmentCode);
    const departmentId = departmentIds.get(item.departmentCode);
    if (!department || !departmentId) throw new Error(`Demo item ${item.name} names unknown department ${item.departmentCode}`);
    const codes = demoItemCodes(tenantId, department, item);
    if (await this.uow.run({ tenantId }, () => this.items.findByImplementationCode(tenantId, codes.implementationCode))) return false;

    const materials = item.materials.map(resolveMaterial);
    // Sample documents first, each committed on its own: items share them, and storing the same
    // bytes again (here or in a concurrent seeder) returns the stored document.
    const sampleIds = new Map<string, string>();
    for (const material of materials.filter((m) => m.required)) {
      sampleIds.set(material.code, await this.sampleFor(tenantId, material));
    }

    const created = await tolerate(CatalogueError.ITEM_CODE_TAKEN.code, () =>
      this.uow.run({ tenantId }, async () => {
        const summary = await this.manageItems.create(tenantId, {
          departmentId,
          name: item.name,
          basicCode: item.basicCode,
          implementationCode: codes.implementationCode,
          localCode: codes.localCode,
          itemType: item.itemType,
          level: item.level,
          caseType: item.caseType,
          legalLimit: item.legal,
          promisedLimit: item.promised,
          crossRegionScope: item.crossRegionScope,
          serviceObjects: item.serviceObjects,
          handlingForms: item.handlingForms,
          onlineApplicable: item.onlineApplicable,
          fullyOnline: item.fullyOnline,
          fee: { amountFen: item.feeFen, description: item.feeDescription },
          originalsCheckRequired: item.originalsCheckRequired,
          originalsCheckPoint: item.originalsCheckPoint,
          onSiteInspection: item.onSiteInspection,
          acceptanceConditions: item.acceptanceConditions,
          legalBasis: item.legalBasis,
          whereAndWhen: `${centre.hall}；工作日 9:00–12:00，13:30–17:30（法定节假日除外），网上申请 24 小时受理。`,
          consultationPhone: centre.consultationPhone,
        });
        for (const [ordering, material] of materials.entries()) {
          await this.materials.create(tenantId, summary.id, {
            code: material.code,
            name: material.name,
            description: material.description,
            required: material.required,
            originalCount: material.originalCount,
            copyCount: material.copyCount,
            deferrable: material.deferrable,
            commitmentAllowed: material.commitmentAllowed,
            sampleDocumentId: sampleIds.get(material.code) ?? null,
            ordering: ordering + 1,
          });
        }
        const draft = await this.procedures.createDraft(tenantId, summary.id, { steps: item.steps });
        if (!draft.lint.ok) {
          throw new Error(`Demo item ${item.name} breaks the SLA lint: ${draft.lint.errors.map((e) => e.message.en).join(' ')}`);
        }
        await this.publisher.publish(tenantId, draft.id);
        await this.manageItems.setStatus(tenantId, summary.id, { status: 'published' });
        return true;
      }),
    );
    return created === true;
  }

  private async sampleFor(tenantId: string, material: SeedMaterial): Promise<string> {
    const key = `${tenantId}:${material.code}`;
    let id = this.sampleIds.get(key);
    if (!id) {
      const content = await samplePdf(material);
      id = (await this.samples.store(tenantId, { fileName: `${material.name}（示范文本）.pdf`, mediaType: 'application/pdf', content })).id;
      this.sampleIds.set(key, id);
    }
    return id;
  }
}

function resolveMaterial(ref: SeedMaterialRef): SeedMaterial {
  return typeof ref === 'string' ? demoMaterial(ref) : { ...demoMaterial(ref.code), ...ref };
}
