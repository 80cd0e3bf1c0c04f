import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { AccountabilityRecordEntity } from '../entities/accountability-record.entity';

/** Accountability records: written once with the alert, never changed. */
@Injectable()
export class AccountabilityRecordRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async insert(tenantId: string, rows: AccountabilityRecordEntity | AccountabilityRecordEntity[]): Promise<void> {
    await this.repo(tenantId).insert(rows);
  }

  async list(tenantId: string, filter: { holderId?: string; applicationId?: string; limit: number; offset: number }): Promise<{ items: AccountabilityRecordEntity[]; total: number }> {
    const query = this.repo(tenantId).createQueryBuilder('r').where('r.tenant_id = :tenantId', { tenantId });
    if (filter.holderId) query.andWhere('r.holder_id = :holderId', { holderId: filter.holderId });
    if (filter.applicationId) query.andWhere('r.application_id = :applicationId', { applicationId: filter.applicationId });
    const [items, total] = await query.orderBy('r.recorded_at', 'DESC').addOrderBy('r.id').skip(filter.offset).take(filter.limit).getManyAndCount();
    return { items, total };
  }

  private repo(tenantId: string) {
    return this.uow.manager({ tenantId }).getRepository(AccountabilityRecordEntity);
  }
}
