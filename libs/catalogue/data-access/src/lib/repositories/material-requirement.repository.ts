import { Injectable } from '@nestjs/common';
import { UnitOfWork, assertSameTenant } from '@zhengwu/server/core/database';
import { MaterialRequirementEntity } from '../entities/material-requirement.entity';

export type MaterialChanges = Partial<Omit<MaterialRequirementEntity, 'tenantId' | 'id' | 'itemId' | 'code' | 'createdAt'>>;

/** The materials each item of one centre requires. */
@Injectable()
export class MaterialRequirementRepository {
  constructor(private readonly uow: UnitOfWork) {}

  listForItem(tenantId: string, itemId: string): Promise<MaterialRequirementEntity[]> {
    return this.repo(tenantId).find({ where: { tenantId, itemId }, order: { ordering: 'ASC', code: 'ASC' } });
  }

  findById(tenantId: string, itemId: string, id: string): Promise<MaterialRequirementEntity | null> {
    return this.repo(tenantId).findOne({ where: { tenantId, itemId, id } });
  }

  async insert(tenantId: string, material: MaterialRequirementEntity): Promise<void> {
    assertSameTenant(tenantId, material.tenantId);
    await this.repo(tenantId).insert(material);
  }

  async update(tenantId: string, id: string, changes: MaterialChanges): Promise<void> {
    await this.repo(tenantId).update({ tenantId, id }, changes);
  }

  private repo(tenantId: string) {
    return this.uow.manager({ tenantId }).getRepository(MaterialRequirementEntity);
  }
}
