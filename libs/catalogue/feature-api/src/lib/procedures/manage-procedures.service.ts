import { Injectable } from '@nestjs/common';
import { ItemEntity, ItemRepository, ProcedureRepository, ProcedureStepEntity, ProcedureVersionEntity } from '@zhengwu/catalogue/data-access';
import { type SlaLintResult, STRUCTURAL_LINT_CODES } from '@zhengwu/catalogue/domain';
import { AuditLog } from '@zhengwu/org/data-access';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { RequestContext } from '@zhengwu/server/core/tenancy';
import type { ProcedureDraftView, ProcedureStepDto, ProcedureStepsRequest } from '@zhengwu/shared/contracts';
import { v7 as uuidv7 } from 'uuid';
import { CatalogueError, isImmutableProcedure, isUniqueViolation } from '../catalogue-errors';
import { procedureVersionView } from '../catalogue-views';
import { lintAgainst } from './procedure-lint';

/**
 * Procedure drafts: created with their steps, edited while drafts, linted on request. A draft may
 * be saved with SLA errors (the response shows them) but not with broken steps (duplicate codes).
 */
@Injectable()
export class ManageProceduresService {
  constructor(
    private readonly items: ItemRepository,
    private readonly procedures: ProcedureRepository,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
    private readonly context: RequestContext,
  ) {}

  async createDraft(tenantId: string, itemId: string, request: ProcedureStepsRequest): Promise<ProcedureDraftView> {
    try {
      return await this.uow.run({ tenantId }, async () => {
        // Locking the item numbers concurrent drafts of one item one after the other.
        const item = await this.items.findById(tenantId, itemId, { forUpdate: true });
        if (!item) throw CatalogueError.ITEM_NOT_FOUND({ itemId });
        const lint = lintAgainst(item, request.steps);
        refuseBrokenSteps(lint);
        const version: ProcedureVersionEntity = {
          tenantId,
          id: uuidv7(),
          itemId,
          version: await this.procedures.nextVersionNumber(tenantId, itemId),
          status: 'draft',
          createdBy: this.context.principal?.id ?? null,
          createdAt: new Date(),
          publishedBy: null,
          publishedAt: null,
          retiredAt: null,
        };
        const steps = stepRows(tenantId, version.id, request.steps);
        await this.procedures.insertVersion(tenantId, version);
        await this.procedures.replaceSteps(tenantId, version.id, steps);
        await this.audit.record(tenantId, {
          action: 'catalogue.procedure_draft_created',
          subjectType: 'procedure_version',
          subjectId: version.id,
          details: { itemId, version: version.version, steps: request.steps.map((s) => s.code) },
        });
        return { ...procedureVersionView(version, steps), lint };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'procedure_versions_tenant_item_version_key')) throw CatalogueError.PROCEDURE_VERSION_CONFLICT({ itemId });
      throw error;
    }
  }

  async replaceSteps(tenantId: string, versionId: string, request: ProcedureStepsRequest): Promise<ProcedureDraftView> {
    try {
      return await this.uow.run({ tenantId }, async () => {
        const version = await this.procedures.findVersion(tenantId, versionId, { forUpdate: true });
        if (!version) throw CatalogueError.PROCEDURE_VERSION_NOT_FOUND({ versionId });
        if (version.status !== 'draft') throw CatalogueError.PROCEDURE_VERSION_IMMUTABLE({ versionId, status: version.status });
        const item = await this.items.findById(tenantId, version.itemId);
        if (!item) throw CatalogueError.ITEM_NOT_FOUND({ itemId: version.itemId });
        const lint = lintAgainst(item, request.steps);
        refuseBrokenSteps(lint);
        const steps = stepRows(tenantId, versionId, request.steps);
        await this.procedures.replaceSteps(tenantId, versionId, steps);
        await this.audit.record(tenantId, {
          action: 'catalogue.procedure_steps_replaced',
          subjectType: 'procedure_version',
          subjectId: versionId,
          details: { itemId: version.itemId, steps: request.steps.map((s) => s.code) },
        });
        return { ...procedureVersionView(version, steps), lint };
      });
    } catch (error) {
      // The database's own guard, should a publish have slipped in between.
      if (isImmutableProcedure(error)) throw CatalogueError.PROCEDURE_VERSION_IMMUTABLE({ versionId });
      throw error;
    }
  }

  get(tenantId: string, versionId: string): Promise<ProcedureDraftView> {
    return this.uow.run({ tenantId }, async () => {
      const { version, item, steps } = await this.load(tenantId, versionId);
      return { ...procedureVersionView(version, steps), lint: lintAgainst(item, steps) };
    });
  }

  /** What publishing would say now (a dry run). */
  lint(tenantId: string, versionId: string): Promise<SlaLintResult> {
    return this.uow.run({ tenantId }, async () => {
      const { item, steps } = await this.load(tenantId, versionId);
      return lintAgainst(item, steps);
    });
  }

  private async load(tenantId: string, versionId: string): Promise<{ version: ProcedureVersionEntity; item: ItemEntity; steps: ProcedureStepEntity[] }> {
    const version = await this.procedures.findVersion(tenantId, versionId);
    if (!version) throw CatalogueError.PROCEDURE_VERSION_NOT_FOUND({ versionId });
    const item = await this.items.findById(tenantId, version.itemId);
    if (!item) throw CatalogueError.ITEM_NOT_FOUND({ itemId: version.itemId });
    return { version, item, steps: await this.procedures.steps(tenantId, versionId) };
  }
}

function refuseBrokenSteps(lint: SlaLintResult): void {
  const broken = lint.errors.filter((error) => STRUCTURAL_LINT_CODES.includes(error.code));
  if (broken.length > 0) throw CatalogueError.PROCEDURE_STEPS_INVALID(broken);
}

function stepRows(tenantId: string, versionId: string, steps: readonly ProcedureStepDto[]): ProcedureStepEntity[] {
  return steps.map((step, index) => ({
    tenantId,
    versionId,
    position: index + 1,
    code: step.code,
    name: step.name.trim(),
    post: step.post,
    limitWorkingDays: step.limitWorkingDays,
  }));
}

