import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type { NoticeStatus } from '@zhengwu/supervision/domain';
import { SupervisionNoticeEntity } from '../entities/supervision-notice.entity';

/** 督办 notices and their responses. */
@Injectable()
export class SupervisionNoticeRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async insert(tenantId: string, rows: SupervisionNoticeEntity | SupervisionNoticeEntity[]): Promise<void> {
    await this.repo(tenantId).insert(rows);
  }

  async list(tenantId: string, filter: { status?: NoticeStatus; limit: number; offset: number }): Promise<{ items: SupervisionNoticeEntity[]; total: number }> {
    const query = this.repo(tenantId).createQueryBuilder('n').where('n.tenant_id = :tenantId', { tenantId });
    if (filter.status) query.andWhere('n.status = :status', { status: filter.status });
    const [items, total] = await query.orderBy('n.response_due', 'ASC').addOrderBy('n.issued_at', 'DESC').skip(filter.offset).take(filter.limit).getManyAndCount();
    return { items, total };
  }

  /** The notice, locked for a change of status (a response and a closing cannot cross). */
  lockOne(tenantId: string, id: string): Promise<SupervisionNoticeEntity | null> {
    return this.repo(tenantId).createQueryBuilder('n').setLock('pessimistic_write').where('n.tenant_id = :tenantId AND n.id = :id', { tenantId, id }).getOne();
  }

  async save(tenantId: string, notice: SupervisionNoticeEntity): Promise<void> {
    await this.repo(tenantId).save(notice);
  }

  private repo(tenantId: string) {
    return this.uow.manager({ tenantId }).getRepository(SupervisionNoticeEntity);
  }
}
