import { Injectable } from '@nestjs/common';
import { assertSameTenant, UnitOfWork } from '@zhengwu/server/core/database';
import { StaffEntity } from '../entities/staff.entity';

/** Staff accounts of one centre. Every method takes the centre first; RLS enforces it again. */
@Injectable()
export class StaffRepository {
  constructor(private readonly uow: UnitOfWork) {}

  findByUsername(tenantId: string, username: string): Promise<StaffEntity | null> {
    return this.repo(tenantId).findOne({ where: { tenantId, username } });
  }

  findById(tenantId: string, id: string): Promise<StaffEntity | null> {
    return this.repo(tenantId).findOne({ where: { tenantId, id } });
  }

  list(tenantId: string): Promise<StaffEntity[]> {
    return this.repo(tenantId).find({ where: { tenantId }, order: { username: 'ASC' } });
  }

  async insert(tenantId: string, staff: StaffEntity): Promise<void> {
    assertSameTenant(tenantId, staff.tenantId);
    await this.repo(tenantId).insert(staff);
  }

  async recordLoginFailure(tenantId: string, id: string, lockedUntil: Date | null): Promise<void> {
    await this.repo(tenantId)
      .createQueryBuilder()
      .update()
      .set({ failedLogins: () => 'failed_logins + 1', lockedUntil })
      .where('tenant_id = :tenantId AND id = :id', { tenantId, id })
      .execute();
  }

  async recordLoginSuccess(tenantId: string, id: string): Promise<void> {
    await this.repo(tenantId).update({ tenantId, id }, { failedLogins: 0, lockedUntil: null });
  }

  private repo(tenantId: string) {
    return this.uow.manager({ tenantId }).getRepository(StaffEntity);
  }
}
