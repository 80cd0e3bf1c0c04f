import { Injectable } from '@nestjs/common';
import { DepartmentRepository, ItemRepository } from '@zhengwu/catalogue/data-access';
import type { CatalogueStatus } from '@zhengwu/catalogue/domain';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type { ItemPage, ItemSearchQuery } from '@zhengwu/shared/contracts';
import { byId, itemSummary } from '../catalogue-views';

const DEFAULT_PAGE_SIZE = 20;

/** Item lists: applicants see published items only; centre admins see every status. */
@Injectable()
export class SearchItemsService {
  constructor(
    private readonly items: ItemRepository,
    private readonly departments: DepartmentRepository,
    private readonly uow: UnitOfWork,
  ) {}

  search(tenantId: string, query: ItemSearchQuery, statuses: readonly CatalogueStatus[] = ['published']): Promise<ItemPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    return this.uow.run({ tenantId }, async () => {
      const { rows, total } = await this.items.search(tenantId, {
        statuses,
        departmentId: query.department,
        text: query.q?.trim() || undefined,
        serviceObject: query.object,
        caseType: query.caseType,
        onlineApplicable: query.onlineApplicable,
        offset: (page - 1) * pageSize,
        limit: pageSize,
      });
      const departments = byId(await this.departments.list(tenantId));
      return { items: rows.map((item) => itemSummary(item, departments.get(item.departmentId))), total, page, pageSize };
    });
  }
}
