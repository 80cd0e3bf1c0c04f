import { Injectable } from '@nestjs/common';
import {
  ItemRepository,
  MaterialRequirementEntity,
  MaterialRequirementRepository,
  SampleDocumentEntity,
  SampleDocumentRepository,
} from '@zhengwu/catalogue/data-access';
import { AuditLog } from '@zhengwu/org/data-access';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type { CreateMaterialRequest, MaterialView, UpdateMaterialRequest } from '@zhengwu/shared/contracts';
import { v7 as uuidv7 } from 'uuid';
import { CatalogueError, isUniqueViolation } from '../catalogue-errors';
import { byId, materialView } from '../catalogue-views';

type MaterialFields = Omit<MaterialRequirementEntity, 'tenantId' | 'id' | 'itemId' | 'code' | 'createdAt' | 'updatedAt'>;

/** The materials an item requires (a centre admin's changes, audited). */
@Injectable()
export class ManageMaterialsService {
  constructor(
    private readonly items: ItemRepository,
    private readonly materials: MaterialRequirementRepository,
    private readonly samples: SampleDocumentRepository,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
  ) {}

  async create(tenantId: string, itemId: string, request: CreateMaterialRequest): Promise<MaterialView> {
    try {
      return await this.uow.run({ tenantId }, async () => {
        if (!(await this.items.findById(tenantId, itemId))) throw CatalogueError.ITEM_NOT_FOUND({ itemId });
        const fields = materialFields(request);
        const samples = await this.sampleFor(tenantId, fields.sampleDocumentId);
        const now = new Date();
        const material: MaterialRequirementEntity = { tenantId, id: uuidv7(), itemId, code: request.code, ...fields, createdAt: now, updatedAt: now };
        await this.materials.insert(tenantId, material);
        await this.audit.record(tenantId, {
          action: 'catalogue.material_created',
          subjectType: 'material_requirement',
          subjectId: material.id,
          details: { itemId, code: material.code, name: material.name },
        });
        return materialView(material, samples);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'material_requirements_tenant_item_code_key')) {
        throw CatalogueError.MATERIAL_CODE_TAKEN({ itemId, code: request.code });
      }
      throw error;
    }
  }

  update(tenantId: string, itemId: string, materialId: string, request: UpdateMaterialRequest): Promise<MaterialView> {
    return this.uow.run({ tenantId }, async () => {
      const existing = await this.materials.findById(tenantId, itemId, materialId);
      if (!existing) throw CatalogueError.MATERIAL_NOT_FOUND({ itemId, materialId });
      const fields = materialFields(request, existing.ordering);
      const samples = await this.sampleFor(tenantId, fields.sampleDocumentId);
      const updatedAt = new Date();
      await this.materials.update(tenantId, materialId, { ...fields, updatedAt });
      await this.audit.record(tenantId, {
        action: 'catalogue.material_updated',
        subjectType: 'material_requirement',
        subjectId: materialId,
        details: { itemId, code: existing.code, ...fields },
      });
      return materialView({ ...existing, ...fields, updatedAt }, samples);
    });
  }

  private async sampleFor(tenantId: string, sampleDocumentId: string | null): Promise<Map<string, SampleDocumentEntity>> {
    if (!sampleDocumentId) return new Map();
    const sample = await this.samples.findById(tenantId, sampleDocumentId);
    if (!sample) throw CatalogueError.MATERIAL_SAMPLE_UNKNOWN({ sampleDocumentId });
    return byId([sample]);
  }
}

function materialFields(request: UpdateMaterialRequest, ordering = 0): MaterialFields {
  return {
    name: request.name.trim(),
    description: request.description.trim(),
    required: request.required,
    originalCount: request.originalCount,
    copyCount: request.copyCount,
    deferrable: request.deferrable,
    commitmentAllowed: request.commitmentAllowed,
    sampleDocumentId: request.sampleDocumentId ?? null,
    ordering: request.ordering ?? ordering,
  };
}
