import { Injectable } from '@nestjs/common';
import { ItemRepository, ProcedureRepository } from '@zhengwu/catalogue/data-access';
import { AuditLog } from '@zhengwu/org/data-access';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { RequestContext } from '@zhengwu/server/core/tenancy';
import type { ProcedureVersionView } from '@zhengwu/shared/contracts';
import { CatalogueError, isImmutableProcedure, isUniqueViolation } from '../catalogue-errors';
import { procedureVersionView } from '../catalogue-views';
import { lintAgainst } from './procedure-lint';

/**
 * Publishing a procedure version (ARCHITECTURE.md §5): the SLA lint must pass against the item's
 * limits; the version published before is retired in the same transaction, so an item never has
 * two published versions nor, once it had one, none. Applications keep the version they pinned.
 */
@Injectable()
export class PublishProcedureService {
  constructor(
    private readonly items: ItemRepository,
    private readonly procedures: ProcedureRepository,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
    private readonly context: RequestContext,
  ) {}

  async publish(tenantId: string, versionId: string): Promise<ProcedureVersionView> {
    try {
      return await this.uow.run({ tenantId }, async () => {
        const found = await this.procedures.findVersion(tenantId, versionId);
        if (!found) throw CatalogueError.PROCEDURE_VERSION_NOT_FOUND({ versionId });
        // Item first, then version: the order item updates lock in too, so the two never deadlock.
        // Holding both, neither the limits nor the steps can change under the lint.
        const item = await this.items.findById(tenantId, found.itemId, { forUpdate: true });
        const version = await this.procedures.findVersion(tenantId, versionId, { forUpdate: true });
        if (!item || !version) throw CatalogueError.PROCEDURE_VERSION_NOT_FOUND({ versionId });
        if (version.status !== 'draft') throw CatalogueError.PROCEDURE_VERSION_IMMUTABLE({ versionId, status: version.status });
        const steps = await this.procedures.steps(tenantId, versionId);
        const lint = lintAgainst(item, steps);
        if (!lint.ok) throw CatalogueError.PROCEDURE_SLA_VIOLATION(lint.errors);

        const now = new Date();
        const previous = await this.procedures.findPublished(tenantId, item.id);
        if (previous) await this.procedures.markRetired(tenantId, previous.id, now);
        const publishedBy = this.context.principal?.id ?? null;
        await this.procedures.markPublished(tenantId, versionId, publishedBy, now);
        await this.audit.record(tenantId, {
          action: 'catalogue.procedure_published',
          subjectType: 'procedure_version',
          subjectId: versionId,
          details: { itemId: item.id, version: version.version, retiredVersionId: previous?.id ?? null },
        });
        return procedureVersionView({ ...version, status: 'published', publishedBy, publishedAt: now }, steps);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'procedure_versions_one_published_key') || isImmutableProcedure(error)) {
        throw CatalogueError.PROCEDURE_VERSION_CONFLICT({ versionId });
      }
      throw error;
    }
  }
}
