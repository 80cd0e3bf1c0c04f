import { Injectable } from '@nestjs/common';
import { UnitOfWork, assertSameTenant } from '@zhengwu/server/core/database';
import { DepartmentEntity } from '../entities/department.entity';

/** Departments of one centre. Every method takes the centre first; RLS enforces it again. */
@Injectable()
export class DepartmentRepository {
  constructor(private readonly uow: UnitOfWork) {}

  list(tenantId: string): Promise<DepartmentEntity[]> {
    return this.repo(tenantId).find({ where: { tenantId }, order: { ordering: 'ASC', code: 'ASC' } });
  }

  findById(tenantId: string, id: string): Promise<DepartmentEntity | null> {
    return this.repo(tenantId).findOne({ where: { tenantId, id } });
  }

  findByCode(tenantId: string, code: string): Promise<DepartmentEntity | null> {
    return this.repo(tenantId).findOne({ where: { tenantId, code } });
  }

  async insert(tenantId: string, department: DepartmentEntity): Promise<void> {
    assertSameTenant(tenantId, department.tenantId);
    await this.repo(tenantId).insert(department);
  }

  async update(tenantId: string, id: string, changes: Partial<Pick<DepartmentEntity, 'name' | 'ordering' | 'updatedAt'>>): Promise<void> {
    await this.repo(tenantId).update({ tenantId, id }, changes);
  }

  private repo(tenantId: string) {
    return this.uow.manager({ tenantId }).getRepository(DepartmentEntity);
  }
}
