import { Injectable } from '@nestjs/common';
import { DepartmentRepository, ItemEntity, ItemRepository, ProcedureRepository } from '@zhengwu/catalogue/data-access';
import { lintItemLimits, lintProcedure } from '@zhengwu/catalogue/domain';
import { AuditLog } from '@zhengwu/org/data-access';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type { CreateItemRequest, ItemStatusRequest, ItemSummary, UpdateItemRequest } from '@zhengwu/shared/contracts';
import { v7 as uuidv7 } from 'uuid';
import { CatalogueError, isUniqueViolation } from '../catalogue-errors';
import { itemSummary } from '../catalogue-views';

type ItemFields = Omit<ItemEntity, 'tenantId' | 'id' | 'status' | 'createdAt' | 'updatedAt'>;

/** A centre admin's items: create, change, publish and retire (each audited). */
@Injectable()
export class ManageItemsService {
  constructor(
    private readonly items: ItemRepository,
    private readonly departments: DepartmentRepository,
    private readonly procedures: ProcedureRepository,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
  ) {}

  async create(tenantId: string, request: CreateItemRequest): Promise<ItemSummary> {
    const fields = itemFields(request);
    checkFields(fields);
    const now = new Date();
    const item: ItemEntity = { tenantId, id: uuidv7(), ...fields, status: 'draft', createdAt: now, updatedAt: now };
    try {
      return await this.uow.run({ tenantId }, async () => {
        const department = await this.departments.findById(tenantId, item.departmentId);
        if (!department) throw CatalogueError.DEPARTMENT_UNKNOWN({ departmentId: item.departmentId });
        await this.items.insert(tenantId, item);
        await this.audit.record(tenantId, {
          action: 'catalogue.item_created',
          subjectType: 'item',
          subjectId: item.id,
          details: { name: item.name, implementationCode: item.implementationCode },
        });
        return itemSummary(item, department);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'items_tenant_implementation_code_key')) {
        throw CatalogueError.ITEM_CODE_TAKEN({ implementationCode: request.implementationCode });
      }
      throw error;
    }
  }

  /**
   * Replaces the item's fields. New limits must still fit the published procedure, if there is one:
   * otherwise live applications would run on a procedure that no longer keeps the item's promise.
   */
  async update(tenantId: string, itemId: string, request: UpdateItemRequest): Promise<ItemSummary> {
    const fields = itemFields(request);
    checkFields(fields);
    try {
      return await this.uow.run({ tenantId }, async () => {
        const existing = await this.items.findById(tenantId, itemId, { forUpdate: true });
        if (!existing) throw CatalogueError.ITEM_NOT_FOUND({ itemId });
        const department = await this.departments.findById(tenantId, fields.departmentId);
        if (!department) throw CatalogueError.DEPARTMENT_UNKNOWN({ departmentId: fields.departmentId });
        const published = await this.procedures.findPublished(tenantId, itemId);
        if (published) {
          const steps = await this.procedures.steps(tenantId, published.id);
          const lint = lintProcedure({
            caseType: fields.caseType,
            promised: { value: fields.promisedLimitValue, unit: fields.promisedLimitUnit },
            legal: { value: fields.legalLimitValue, unit: fields.legalLimitUnit },
            steps,
          });
          if (!lint.ok) throw CatalogueError.PROCEDURE_SLA_VIOLATION(lint.errors);
        }
        const updated: ItemEntity = { ...existing, ...fields, updatedAt: new Date() };
        await this.items.update(tenantId, itemId, { ...fields, updatedAt: updated.updatedAt });
        await this.audit.record(tenantId, {
          action: 'catalogue.item_updated',
          subjectType: 'item',
          subjectId: itemId,
          details: { changed: changedFields(existing, updated) },
        });
        return itemSummary(updated, department);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'items_tenant_implementation_code_key')) {
        throw CatalogueError.ITEM_CODE_TAKEN({ implementationCode: request.implementationCode });
      }
      throw error;
    }
  }

  /** Publishing needs a published procedure; retiring hides the item from applicants. */
  setStatus(tenantId: string, itemId: string, request: ItemStatusRequest): Promise<ItemSummary> {
    return this.uow.run({ tenantId }, async () => {
      const item = await this.items.findById(tenantId, itemId, { forUpdate: true });
      if (!item) throw CatalogueError.ITEM_NOT_FOUND({ itemId });
      if (item.status === request.status) throw CatalogueError.ITEM_STATUS_UNCHANGED({ status: item.status });
      if (request.status === 'published' && !(await this.procedures.findPublished(tenantId, itemId))) {
        throw CatalogueError.ITEM_NOT_PUBLISHABLE({ itemId });
      }
      const updatedAt = new Date();
      await this.items.update(tenantId, itemId, { status: request.status, updatedAt });
      await this.audit.record(tenantId, {
        action: request.status === 'published' ? 'catalogue.item_published' : 'catalogue.item_retired',
        subjectType: 'item',
        subjectId: itemId,
        details: { from: item.status, to: request.status },
      });
      return itemSummary({ ...item, status: request.status, updatedAt }, (await this.departments.findById(tenantId, item.departmentId)) ?? undefined);
    });
  }
}

function itemFields(request: CreateItemRequest): ItemFields {
  return {
    departmentId: request.departmentId,
    name: request.name.trim(),
    basicCode: request.basicCode,
    implementationCode: request.implementationCode,
    localCode: request.localCode ?? null,
    itemType: request.itemType,
    level: request.level,
    caseType: request.caseType,
    legalLimitValue: request.legalLimit.value,
    legalLimitUnit: request.legalLimit.unit,
    promisedLimitValue: request.promisedLimit.value,
    promisedLimitUnit: request.promisedLimit.unit,
    crossRegionScope: request.crossRegionScope,
    serviceObjects: [...request.serviceObjects].sort((a, b) => a - b),
    handlingForms: [...request.handlingForms].sort((a, b) => a - b),
    onlineApplicable: request.onlineApplicable,
    fullyOnline: request.fullyOnline,
    feeFen: request.fee.amountFen,
    feeDescription: request.fee.description?.trim() || null,
    originalsCheckRequired: request.originalsCheckRequired,
    originalsCheckPoint: request.originalsCheckPoint ?? 'after_approval',
    onSiteInspection: request.onSiteInspection,
    acceptanceConditions: request.acceptanceConditions.trim(),
    legalBasis: request.legalBasis.trim(),
    whereAndWhen: request.whereAndWhen.trim(),
    consultationPhone: request.consultationPhone?.trim() || null,
  };
}

function checkFields(fields: ItemFields): void {
  const limits = lintItemLimits({
    caseType: fields.caseType,
    promised: { value: fields.promisedLimitValue, unit: fields.promisedLimitUnit },
    legal: { value: fields.legalLimitValue, unit: fields.legalLimitUnit },
  });
  if (!limits.ok) throw CatalogueError.ITEM_LIMITS_INVALID(limits.errors);
  if (fields.fullyOnline && !fields.onlineApplicable) {
    throw CatalogueError.ITEM_FIELDS_INCONSISTENT({ fullyOnline: true, onlineApplicable: false });
  }
}

function changedFields(before: ItemEntity, after: ItemEntity): string[] {
  return (Object.keys(after) as Array<keyof ItemEntity>).filter(
    (key) => key !== 'updatedAt' && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}
