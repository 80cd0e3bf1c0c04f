import { Injectable } from '@nestjs/common';
import { UnitOfWork, assertSameTenant } from '@zhengwu/server/core/database';
import { IsNull } from 'typeorm';
import { WindowEntity } from '../entities/window.entity';

/** Service windows of one centre. */
@Injectable()
export class WindowRepository {
  constructor(private readonly uow: UnitOfWork) {}

  list(tenantId: string): Promise<WindowEntity[]> {
    return this.repo(tenantId).find({ where: { tenantId }, order: { code: 'ASC' } });
  }

  /** The department's own windows and the centre's comprehensive windows. */
  listServing(tenantId: string, departmentId: string): Promise<WindowEntity[]> {
    return this.repo(tenantId).find({
      where: [
        { tenantId, departmentId },
        { tenantId, departmentId: IsNull() },
      ],
      order: { code: 'ASC' },
    });
  }

  findById(tenantId: string, id: string): Promise<WindowEntity | null> {
    return this.repo(tenantId).findOne({ where: { tenantId, id } });
  }

  findByCode(tenantId: string, code: string): Promise<WindowEntity | null> {
    return this.repo(tenantId).findOne({ where: { tenantId, code } });
  }

  async insert(tenantId: string, window: WindowEntity): Promise<void> {
    assertSameTenant(tenantId, window.tenantId);
    await this.repo(tenantId).insert(window);
  }

  async update(
    tenantId: string,
    id: string,
    changes: Partial<Pick<WindowEntity, 'name' | 'departmentId' | 'location' | 'serviceHours' | 'updatedAt'>>,
  ): Promise<void> {
    await this.repo(tenantId).update({ tenantId, id }, changes);
  }

  private repo(tenantId: string) {
    return this.uow.manager({ tenantId }).getRepository(WindowEntity);
  }
}
