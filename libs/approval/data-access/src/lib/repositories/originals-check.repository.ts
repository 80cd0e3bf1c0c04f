import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { OriginalsCheckEntity } from '../entities/originals-check.entity';
import { VerificationTaskEntity } from '../entities/verification-task.entity';
import { tenantManager, tenantRepository } from './approval-tx';

/** Both sides of an originals check: the handling centre's requests and the verifier's tasks. */
@Injectable()
export class OriginalsCheckRepository {
  constructor(private readonly uow: UnitOfWork) {}

  // Handling centre ------------------------------------------------------------------------------

  async addCheck(tenantId: string, row: Omit<OriginalsCheckEntity, 'seq'>): Promise<OriginalsCheckEntity> {
    const rows: Array<{ next: number }> = await tenantManager(this.uow, tenantId).query(
      'SELECT coalesce(max(seq), 0) + 1 AS next FROM originals_checks WHERE tenant_id = $1 AND application_id = $2',
      [tenantId, row.applicationId],
    );
    const check: OriginalsCheckEntity = { ...row, seq: rows[0]?.next ?? 1 };
    await tenantRepository(this.uow, tenantId, OriginalsCheckEntity).insert(check);
    return check;
  }

  checksOf(tenantId: string, applicationId: string): Promise<OriginalsCheckEntity[]> {
    return tenantRepository(this.uow, tenantId, OriginalsCheckEntity).find({ where: { tenantId, applicationId }, order: { seq: 'ASC' } });
  }

  checkByRequestHash(tenantId: string, requestHash: string): Promise<OriginalsCheckEntity | null> {
    return tenantRepository(this.uow, tenantId, OriginalsCheckEntity).findOne({ where: { tenantId, requestHash } });
  }

  async updateCheck(tenantId: string, applicationId: string, seq: number, changes: Partial<OriginalsCheckEntity>): Promise<void> {
    await tenantRepository(this.uow, tenantId, OriginalsCheckEntity).update({ tenantId, applicationId, seq }, changes as never);
  }

  // Verifying centre -----------------------------------------------------------------------------

  async addTask(tenantId: string, task: VerificationTaskEntity): Promise<void> {
    await tenantRepository(this.uow, tenantId, VerificationTaskEntity).insert(task as never);
  }

  task(tenantId: string, id: string): Promise<VerificationTaskEntity | null> {
    return tenantRepository(this.uow, tenantId, VerificationTaskEntity).findOne({ where: { tenantId, id } });
  }

  tasks(tenantId: string, status: 'pending' | 'completed', page: number, pageSize: number): Promise<[VerificationTaskEntity[], number]> {
    return tenantRepository(this.uow, tenantId, VerificationTaskEntity).findAndCount({
      where: { tenantId, status },
      order: { due: 'ASC', createdAt: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  }

  /** Completes a pending task; false when it was completed already (a concurrent clerk). */
  async completeTask(tenantId: string, id: string, changes: Partial<VerificationTaskEntity>): Promise<boolean> {
    const result = await tenantRepository(this.uow, tenantId, VerificationTaskEntity)
      .createQueryBuilder()
      .update()
      .set({ ...changes, status: 'completed' } as never)
      .where("tenant_id = :tenantId AND id = :id AND status = 'pending'", { tenantId, id })
      .execute();
    return result.affected === 1;
  }
}
