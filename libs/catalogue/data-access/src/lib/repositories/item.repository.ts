import { Injectable } from '@nestjs/common';
import type { CaseType, CatalogueStatus } from '@zhengwu/catalogue/domain';
import { UnitOfWork, assertSameTenant } from '@zhengwu/server/core/database';
import { ItemEntity } from '../entities/item.entity';

export interface ItemSearch {
  statuses: readonly CatalogueStatus[];
  departmentId?: string;
  /** Matched as a substring of the name and of each code, case-insensitively. */
  text?: string;
  serviceObject?: number;
  caseType?: CaseType;
  onlineApplicable?: boolean;
  offset: number;
  limit: number;
}

export type ItemChanges = Partial<Omit<ItemEntity, 'tenantId' | 'id' | 'createdAt'>>;

/** Service items of one centre. */
@Injectable()
export class ItemRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** `forUpdate` locks the row until the unit of work ends (publishing, limit changes). */
  findById(tenantId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<ItemEntity | null> {
    const query = this.repo(tenantId).createQueryBuilder('item').where('item.tenantId = :tenantId AND item.id = :id', { tenantId, id });
    if (options.forUpdate) {
      query.setLock('pessimistic_write');
    }
    return query.getOne();
  }

  findByImplementationCode(tenantId: string, implementationCode: string): Promise<ItemEntity | null> {
    return this.repo(tenantId).findOne({ where: { tenantId, implementationCode } });
  }

  /**
   * One page of the centre's items and the total. The leading `(tenant_id, status)` of
   * items_tenant_status_name_idx narrows the scan to one centre's published items (hundreds), over
   * which a substring match costs little; no extension is needed.
   */
  async search(tenantId: string, search: ItemSearch): Promise<{ rows: ItemEntity[]; total: number }> {
    const query = this.repo(tenantId)
      .createQueryBuilder('item')
      .where('item.tenantId = :tenantId', { tenantId })
      .andWhere('item.status IN (:...statuses)', { statuses: [...search.statuses] });
    if (search.departmentId) {
      query.andWhere('item.departmentId = :departmentId', { departmentId: search.departmentId });
    }
    if (search.text) {
      query.andWhere(
        '(item.name ILIKE :pattern OR item.basicCode ILIKE :pattern OR item.implementationCode ILIKE :pattern OR item.localCode ILIKE :pattern)',
        { pattern: `%${escapeLike(search.text)}%` },
      );
    }
    if (search.serviceObject !== undefined) {
      query.andWhere(':serviceObject = ANY(item.serviceObjects)', { serviceObject: search.serviceObject });
    }
    if (search.caseType) {
      query.andWhere('item.caseType = :caseType', { caseType: search.caseType });
    }
    if (search.onlineApplicable !== undefined) {
      query.andWhere('item.onlineApplicable = :onlineApplicable', { onlineApplicable: search.onlineApplicable });
    }
    const [rows, total] = await query.orderBy('item.name', 'ASC').addOrderBy('item.id', 'ASC').skip(search.offset).take(search.limit).getManyAndCount();
    return { rows, total };
  }

  async insert(tenantId: string, item: ItemEntity): Promise<void> {
    assertSameTenant(tenantId, item.tenantId);
    await this.repo(tenantId).insert(item);
  }

  async update(tenantId: string, id: string, changes: ItemChanges): Promise<void> {
    await this.repo(tenantId).update({ tenantId, id }, changes);
  }

  private repo(tenantId: string) {
    return this.uow.manager({ tenantId }).getRepository(ItemEntity);
  }
}

/** LIKE treats `%`, `_` and `\` (the default escape) specially; a search for them means them. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
