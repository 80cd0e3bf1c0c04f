import { Injectable } from '@nestjs/common';
import {
  DepartmentRepository,
  ItemEntity,
  ItemRepository,
  MaterialRequirementRepository,
  ProcedureRepository,
  SampleDocumentRepository,
  WindowRepository,
} from '@zhengwu/catalogue/data-access';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type { ItemDetailView, ItemGuide, ProcedureVersionView, PublishedProcedureView } from '@zhengwu/shared/contracts';
import { CatalogueError } from '../catalogue-errors';
import { byId, itemSummary, materialView, procedureVersionView, stepView, windowView } from '../catalogue-views';

/** The service guide (办事指南) of one item: what to bring, where to go, how long it takes. */
@Injectable()
export class ItemGuideService {
  constructor(
    private readonly items: ItemRepository,
    private readonly departments: DepartmentRepository,
    private readonly windows: WindowRepository,
    private readonly materials: MaterialRequirementRepository,
    private readonly samples: SampleDocumentRepository,
    private readonly procedures: ProcedureRepository,
    private readonly uow: UnitOfWork,
  ) {}

  /** Published items only: a draft or retired item is not found for the public. */
  guide(tenantId: string, itemId: string): Promise<ItemGuide> {
    return this.uow.run({ tenantId }, async () => {
      const item = await this.items.findById(tenantId, itemId);
      if (!item || item.status !== 'published') throw CatalogueError.ITEM_NOT_FOUND({ itemId });
      return this.build(tenantId, item);
    });
  }

  /** Any status, with the procedure's versions (centre admins editing the catalogue). */
  detail(tenantId: string, itemId: string): Promise<ItemDetailView> {
    return this.uow.run({ tenantId }, async () => {
      const item = await this.items.findById(tenantId, itemId);
      if (!item) throw CatalogueError.ITEM_NOT_FOUND({ itemId });
      const guide = await this.build(tenantId, item);
      const versions = await this.procedures.listVersions(tenantId, itemId);
      const procedureVersions: ProcedureVersionView[] = [];
      for (const version of versions) {
        procedureVersions.push(procedureVersionView(version, await this.procedures.steps(tenantId, version.id)));
      }
      return { ...guide, procedureVersions };
    });
  }

  private async build(tenantId: string, item: ItemEntity): Promise<ItemGuide> {
    const departments = byId(await this.departments.list(tenantId));
    const windows = await this.windows.listServing(tenantId, item.departmentId);
    const materials = await this.materials.listForItem(tenantId, item.id);
    const sampleIds = [...new Set(materials.flatMap((m) => (m.sampleDocumentId ? [m.sampleDocumentId] : [])))];
    const samples = byId(await this.samples.findByIds(tenantId, sampleIds));
    return {
      ...itemSummary(item, departments.get(item.departmentId)),
      originalsCheckRequired: item.originalsCheckRequired,
      originalsCheckPoint: item.originalsCheckPoint,
      onSiteInspection: item.onSiteInspection,
      acceptanceConditions: item.acceptanceConditions,
      legalBasis: item.legalBasis,
      whereAndWhen: item.whereAndWhen,
      consultationPhone: item.consultationPhone,
      updatedAt: item.updatedAt.toISOString(),
      windows: windows.map((window) => windowView(window, departments)),
      materials: materials.map((material) => materialView(material, samples)),
      procedure: await this.publishedProcedure(tenantId, item.id),
    };
  }

  private async publishedProcedure(tenantId: string, itemId: string): Promise<PublishedProcedureView | null> {
    const version = await this.procedures.findPublished(tenantId, itemId);
    if (!version?.publishedAt) return null;
    const steps = (await this.procedures.steps(tenantId, version.id)).map(stepView);
    return {
      versionId: version.id,
      version: version.version,
      publishedAt: version.publishedAt.toISOString(),
      steps,
      totalWorkingDays: steps.reduce((sum, step) => sum + step.limitWorkingDays, 0),
    };
  }
}
