import { Injectable } from '@nestjs/common';
import { UnitOfWork, assertSameTenant } from '@zhengwu/server/core/database';
import { ProcedureStepEntity } from '../entities/procedure-step.entity';
import { ProcedureVersionEntity } from '../entities/procedure-version.entity';

/** Procedure versions and their steps, of one centre. Versions are never deleted. */
@Injectable()
export class ProcedureRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** `forUpdate` locks the version: its steps cannot change (see the steps trigger) until the unit of work ends. */
  findVersion(tenantId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<ProcedureVersionEntity | null> {
    const query = this.versions(tenantId)
      .createQueryBuilder('version')
      .where('version.tenantId = :tenantId AND version.id = :id', { tenantId, id });
    if (options.forUpdate) {
      query.setLock('pessimistic_write');
    }
    return query.getOne();
  }

  listVersions(tenantId: string, itemId: string): Promise<ProcedureVersionEntity[]> {
    return this.versions(tenantId).find({ where: { tenantId, itemId }, order: { version: 'DESC' } });
  }

  findPublished(tenantId: string, itemId: string): Promise<ProcedureVersionEntity | null> {
    return this.versions(tenantId).findOne({ where: { tenantId, itemId, status: 'published' } });
  }

  async nextVersionNumber(tenantId: string, itemId: string): Promise<number> {
    const row = await this.versions(tenantId)
      .createQueryBuilder('version')
      .select('coalesce(max(version.version), 0) + 1', 'next')
      .where('version.tenantId = :tenantId AND version.itemId = :itemId', { tenantId, itemId })
      .getRawOne<{ next: number }>();
    return Number(row?.next ?? 1);
  }

  steps(tenantId: string, versionId: string): Promise<ProcedureStepEntity[]> {
    return this.stepRows(tenantId).find({ where: { tenantId, versionId }, order: { position: 'ASC' } });
  }

  async insertVersion(tenantId: string, version: ProcedureVersionEntity): Promise<void> {
    assertSameTenant(tenantId, version.tenantId);
    await this.versions(tenantId).insert(version);
  }

  /** Replaces every step of a draft (the database refuses it for any other version). */
  async replaceSteps(tenantId: string, versionId: string, steps: readonly ProcedureStepEntity[]): Promise<void> {
    steps.forEach((step) => assertSameTenant(tenantId, step.tenantId));
    await this.stepRows(tenantId).delete({ tenantId, versionId });
    if (steps.length > 0) {
      await this.stepRows(tenantId).insert([...steps]);
    }
  }

  async markPublished(tenantId: string, id: string, publishedBy: string | null, at: Date): Promise<void> {
    await this.versions(tenantId).update({ tenantId, id, status: 'draft' }, { status: 'published', publishedBy, publishedAt: at });
  }

  async markRetired(tenantId: string, id: string, at: Date): Promise<void> {
    await this.versions(tenantId).update({ tenantId, id, status: 'published' }, { status: 'retired', retiredAt: at });
  }

  private versions(tenantId: string) {
    return this.uow.manager({ tenantId }).getRepository(ProcedureVersionEntity);
  }

  private stepRows(tenantId: string) {
    return this.uow.manager({ tenantId }).getRepository(ProcedureStepEntity);
  }
}
