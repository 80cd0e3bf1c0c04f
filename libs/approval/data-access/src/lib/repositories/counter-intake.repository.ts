import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { CounterIntakeEntity, CounterIntakeMaterialEntity } from '../entities/counter-intake.entity';
import { tenantManager, tenantRepository } from './approval-tx';

/** The receiving centre's counter intakes and their scans. */
@Injectable()
export class CounterIntakeRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async insert(tenantId: string, intake: CounterIntakeEntity): Promise<void> {
    await tenantRepository(this.uow, tenantId, CounterIntakeEntity).insert(intake as never);
  }

  find(tenantId: string, id: string): Promise<CounterIntakeEntity | null> {
    return tenantRepository(this.uow, tenantId, CounterIntakeEntity).findOne({ where: { tenantId, id } });
  }

  /** Locks the intake for the rest of the unit of work (submission and reports must not interleave). */
  findForUpdate(tenantId: string, id: string): Promise<CounterIntakeEntity | null> {
    return tenantRepository(this.uow, tenantId, CounterIntakeEntity).findOne({ where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
  }

  page(tenantId: string, status: CounterIntakeEntity['status'] | undefined, page: number, pageSize: number): Promise<[CounterIntakeEntity[], number]> {
    return tenantRepository(this.uow, tenantId, CounterIntakeEntity).findAndCount({
      where: { tenantId, ...(status ? { status } : {}) },
      order: { createdAt: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  }

  async update(tenantId: string, id: string, changes: Partial<CounterIntakeEntity>): Promise<void> {
    await tenantRepository(this.uow, tenantId, CounterIntakeEntity).update({ tenantId, id }, { ...changes, updatedAt: new Date() } as never);
  }

  async addMaterial(tenantId: string, row: Omit<CounterIntakeMaterialEntity, 'version'>): Promise<CounterIntakeMaterialEntity> {
    const rows: Array<{ next: number }> = await tenantManager(this.uow, tenantId).query(
      'SELECT coalesce(max(version), 0) + 1 AS next FROM counter_intake_materials WHERE tenant_id = $1 AND intake_id = $2 AND material_code = $3',
      [tenantId, row.intakeId, row.materialCode],
    );
    const material: CounterIntakeMaterialEntity = { ...row, version: rows[0]?.next ?? 1 };
    await tenantRepository(this.uow, tenantId, CounterIntakeMaterialEntity).insert(material as never);
    return material;
  }

  /** Every version of every material, oldest first. */
  materials(tenantId: string, intakeId: string): Promise<CounterIntakeMaterialEntity[]> {
    return tenantRepository(this.uow, tenantId, CounterIntakeMaterialEntity).find({
      where: { tenantId, intakeId },
      order: { materialCode: 'ASC', version: 'ASC' },
    });
  }
}
