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

  /**
   * Notices, soonest response due first. With `answerableBy`, only those that staff member may
   * answer (supervision domain's `mayAnswerNotice`): addressed to a department they head, or to
   * one without an active head, or to no department.
   */
  async list(
    tenantId: string,
    filter: { status?: NoticeStatus; answerableBy?: string; limit: number; offset: number },
  ): Promise<{ items: SupervisionNoticeEntity[]; total: number }> {
    const query = this.repo(tenantId).createQueryBuilder('n').where('n.tenant_id = :tenantId', { tenantId });
    if (filter.status) query.andWhere('n.status = :status', { status: filter.status });
    if (filter.answerableBy) {
      query.andWhere(
        `(n.department_id IS NULL
          OR NOT EXISTS (SELECT 1 FROM supervision_department_heads h JOIN staff s ON s.tenant_id = h.tenant_id AND s.id = h.staff_id AND s.active
                          WHERE h.tenant_id = n.tenant_id AND h.department_id = n.department_id AND h.staff_id <> :answerer)
          OR EXISTS (SELECT 1 FROM supervision_department_heads h JOIN staff s ON s.tenant_id = h.tenant_id AND s.id = h.staff_id AND s.active
                      WHERE h.tenant_id = n.tenant_id AND h.department_id = n.department_id AND h.staff_id = :answerer))`,
        { answerer: filter.answerableBy },
      );
    }
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
