import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type { ApplicationStatus } from '@zhengwu/approval/domain';
import { ApplicationEntity } from '../entities/application.entity';
import { tenantManager, tenantRepository } from './approval-tx';

export interface InboxQuery {
  posts: readonly string[];
  statuses?: readonly ApplicationStatus[];
  itemId?: string;
  /** Cases whose current step is due on or before this date (YYYY-MM-DD). */
  dueOnOrBefore?: string;
  /** Only cases whose current step is overdue relative to this date. */
  overdueAsOf?: string;
  /** Only steps held by this staff member. */
  assigneeId?: string;
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Applications of one centre. Every method takes the centre first; RLS enforces it again. */
@Injectable()
export class ApplicationRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async insert(tenantId: string, application: ApplicationEntity): Promise<void> {
    await tenantRepository(this.uow, tenantId, ApplicationEntity).insert(application);
  }

  findById(tenantId: string, id: string): Promise<ApplicationEntity | null> {
    return tenantRepository(this.uow, tenantId, ApplicationEntity).findOne({ where: { tenantId, id } });
  }

  /** The case created here from another centre's counter intake (代收). */
  findByCounterIntake(tenantId: string, receivingCentre: string, counterIntakeId: string): Promise<ApplicationEntity | null> {
    return tenantRepository(this.uow, tenantId, ApplicationEntity).findOne({ where: { tenantId, receivingCentre, counterIntakeId } });
  }

  findByCaseNumber(tenantId: string, caseNumber: string): Promise<ApplicationEntity | null> {
    return tenantRepository(this.uow, tenantId, ApplicationEntity).findOne({ where: { tenantId, caseNumber } });
  }

  /**
   * Writes the changes only if nobody else changed the application since `expectedVersion`
   * (optimistic concurrency): returns false when the version moved on, and the caller answers 409.
   */
  async updateIfVersion(tenantId: string, id: string, expectedVersion: number, changes: Partial<ApplicationEntity>): Promise<boolean> {
    const result = await tenantRepository(this.uow, tenantId, ApplicationEntity)
      .createQueryBuilder()
      .update()
      .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('tenant_id = :tenantId AND id = :id AND version = :expectedVersion', { tenantId, id, expectedVersion })
      .execute();
    return result.affected === 1;
  }

  /** The staff inbox: cases waiting at the given posts, soonest due first. */
  async inbox(tenantId: string, query: InboxQuery): Promise<Page<ApplicationEntity>> {
    const builder = tenantRepository(this.uow, tenantId, ApplicationEntity)
      .createQueryBuilder('a')
      .where('a.tenant_id = :tenantId', { tenantId })
      .andWhere('a.current_post IN (:...posts)', { posts: query.posts });
    if (query.statuses?.length) builder.andWhere('a.status IN (:...statuses)', { statuses: query.statuses });
    if (query.itemId) builder.andWhere('a.item_id = :itemId', { itemId: query.itemId });
    if (query.dueOnOrBefore) builder.andWhere('a.current_step_due <= :due', { due: query.dueOnOrBefore });
    if (query.overdueAsOf) builder.andWhere('a.current_step_due < :asOf', { asOf: query.overdueAsOf });
    if (query.assigneeId) builder.andWhere('a.current_assignee_id = :assigneeId', { assigneeId: query.assigneeId });
    const [items, total] = await builder
      .orderBy('a.currentStepDue', 'ASC', 'NULLS LAST')
      .addOrderBy('a.submittedAt', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** An applicant's own applications, across centres (scope: that applicant only). */
  async ofApplicant(applicantId: string, page: number, pageSize: number): Promise<Page<ApplicationEntity>> {
    const [items, total] = await this.uow
      .manager({ applicantId })
      .getRepository(ApplicationEntity)
      .findAndCount({ where: { applicantId }, order: { createdAt: 'DESC' }, skip: (page - 1) * pageSize, take: pageSize });
    return { items, total, page, pageSize };
  }

  /** Sets the deemed-acceptance flag once; false when it was already set or the case moved on. */
  async flagDeemedAccepted(tenantId: string, id: string, at: Date): Promise<boolean> {
    const result = await tenantRepository(this.uow, tenantId, ApplicationEntity)
      .createQueryBuilder()
      .update()
      .set({ deemedAcceptedAt: at })
      .where('tenant_id = :tenantId AND id = :id AND status = 12 AND deemed_accepted_at IS NULL', { tenantId, id })
      .execute();
    return result.affected === 1;
  }

  /** Submitted cases past the pre-review limit that are not yet flagged (行政许可法 §32). */
  async submittedBefore(tenantId: string, submittedBefore: Date, limit: number): Promise<ApplicationEntity[]> {
    return tenantManager(this.uow, tenantId)
      .getRepository(ApplicationEntity)
      .createQueryBuilder('a')
      .where('a.tenant_id = :tenantId AND a.status = 12 AND a.deemed_accepted_at IS NULL AND a.submitted_at < :before', {
        tenantId,
        before: submittedBefore,
      })
      .orderBy('a.submittedAt', 'ASC')
      .take(limit)
      .getMany();
  }
}
