import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { IsNull } from 'typeorm';
import { ApplicationMaterialEntity } from '../entities/application-material.entity';
import { ApplicationNoticeEntity } from '../entities/application-notice.entity';
import { ApplicationPauseEntity } from '../entities/application-pause.entity';
import { ApplicationStepEntity } from '../entities/application-step.entity';
import { tenantManager, tenantRepository } from './approval-tx';

/**
 * The records that hang off one application: material versions, step spells, one-time notices and
 * special procedures. Kept together because every use case touches several of them at once.
 */
@Injectable()
export class ApplicationRecordsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  // Materials -------------------------------------------------------------------------------------

  async addMaterialVersion(
    tenantId: string,
    row: Omit<ApplicationMaterialEntity, 'version' | 'trustLevel'> & { trustLevel?: ApplicationMaterialEntity['trustLevel'] },
  ): Promise<ApplicationMaterialEntity> {
    const rows: Array<{ next: number }> = await tenantManager(this.uow, tenantId).query(
      `SELECT coalesce(max(version), 0) + 1 AS next FROM application_materials
       WHERE tenant_id = $1 AND application_id = $2 AND material_code = $3`,
      [tenantId, row.applicationId, row.materialCode],
    );
    const material: ApplicationMaterialEntity = { ...row, trustLevel: row.trustLevel ?? 'C', version: rows[0]?.next ?? 1 };
    await tenantRepository(this.uow, tenantId, ApplicationMaterialEntity).insert(material);
    return material;
  }

  materialVersions(tenantId: string, applicationId: string): Promise<ApplicationMaterialEntity[]> {
    return tenantRepository(this.uow, tenantId, ApplicationMaterialEntity).find({
      where: { tenantId, applicationId },
      order: { materialCode: 'ASC', version: 'ASC' },
    });
  }

  materialVersion(tenantId: string, applicationId: string, materialCode: string, version: number): Promise<ApplicationMaterialEntity | null> {
    return tenantRepository(this.uow, tenantId, ApplicationMaterialEntity).findOne({
      where: { tenantId, applicationId, materialCode, version },
    });
  }

  /** A material version whose original was seen to match becomes trust level B. */
  async raiseTrustLevel(tenantId: string, applicationId: string, materialCode: string, version: number, level: 'A' | 'B'): Promise<void> {
    await tenantRepository(this.uow, tenantId, ApplicationMaterialEntity).update(
      { tenantId, applicationId, materialCode, version },
      { trustLevel: level },
    );
  }

  // Steps -----------------------------------------------------------------------------------------

  steps(tenantId: string, applicationId: string): Promise<ApplicationStepEntity[]> {
    return tenantRepository(this.uow, tenantId, ApplicationStepEntity).find({ where: { tenantId, applicationId }, order: { seq: 'ASC' } });
  }

  async openStep(
    tenantId: string,
    row: Omit<ApplicationStepEntity, 'seq' | 'finishedAt' | 'outcome' | 'handlerId' | 'handlerName' | 'comment' | 'assigneeId' | 'assigneeName'>,
  ): Promise<ApplicationStepEntity> {
    const rows: Array<{ next: number }> = await tenantManager(this.uow, tenantId).query(
      'SELECT coalesce(max(seq), 0) + 1 AS next FROM application_steps WHERE tenant_id = $1 AND application_id = $2',
      [tenantId, row.applicationId],
    );
    const step: ApplicationStepEntity = {
      ...row,
      seq: rows[0]?.next ?? 1,
      finishedAt: null,
      outcome: null,
      handlerId: null,
      handlerName: null,
      comment: null,
      assigneeId: null,
      assigneeName: null,
    };
    await tenantRepository(this.uow, tenantId, ApplicationStepEntity).insert(step);
    return step;
  }

  openStepOf(tenantId: string, applicationId: string): Promise<ApplicationStepEntity | null> {
    return tenantRepository(this.uow, tenantId, ApplicationStepEntity).findOne({
      where: { tenantId, applicationId, finishedAt: IsNull() },
      order: { seq: 'DESC' },
    });
  }

  async closeStep(
    tenantId: string,
    applicationId: string,
    seq: number,
    close: Pick<ApplicationStepEntity, 'finishedAt' | 'outcome' | 'handlerId' | 'handlerName' | 'comment'>,
  ): Promise<void> {
    await tenantRepository(this.uow, tenantId, ApplicationStepEntity).update({ tenantId, applicationId, seq }, close);
  }

  async assignStep(tenantId: string, applicationId: string, seq: number, assigneeId: string, assigneeName: string): Promise<void> {
    await tenantRepository(this.uow, tenantId, ApplicationStepEntity).update({ tenantId, applicationId, seq }, { assigneeId, assigneeName });
  }

  async updateStepDue(tenantId: string, applicationId: string, seq: number, due: string | null, dueProvisional: boolean): Promise<void> {
    await tenantRepository(this.uow, tenantId, ApplicationStepEntity).update({ tenantId, applicationId, seq }, { due, dueProvisional });
  }

  // One-time notices ------------------------------------------------------------------------------

  notices(tenantId: string, applicationId: string): Promise<ApplicationNoticeEntity[]> {
    return tenantRepository(this.uow, tenantId, ApplicationNoticeEntity).find({ where: { tenantId, applicationId }, order: { seq: 'ASC' } });
  }

  async addNotice(tenantId: string, notice: ApplicationNoticeEntity): Promise<void> {
    await tenantRepository(this.uow, tenantId, ApplicationNoticeEntity).insert(notice);
  }

  // Special procedures ----------------------------------------------------------------------------

  pauses(tenantId: string, applicationId: string): Promise<ApplicationPauseEntity[]> {
    return tenantRepository(this.uow, tenantId, ApplicationPauseEntity).find({ where: { tenantId, applicationId }, order: { seq: 'ASC' } });
  }

  async openPause(tenantId: string, row: Omit<ApplicationPauseEntity, 'seq' | 'endedAt' | 'endedBy'>): Promise<ApplicationPauseEntity> {
    const rows: Array<{ next: number }> = await tenantManager(this.uow, tenantId).query(
      'SELECT coalesce(max(seq), 0) + 1 AS next FROM application_pauses WHERE tenant_id = $1 AND application_id = $2',
      [tenantId, row.applicationId],
    );
    const pause: ApplicationPauseEntity = { ...row, seq: rows[0]?.next ?? 1, endedAt: null, endedBy: null };
    await tenantRepository(this.uow, tenantId, ApplicationPauseEntity).insert(pause);
    return pause;
  }

  async closePause(tenantId: string, applicationId: string, seq: number, endedAt: Date, endedBy: string): Promise<void> {
    await tenantRepository(this.uow, tenantId, ApplicationPauseEntity).update({ tenantId, applicationId, seq }, { endedAt, endedBy });
  }

  /** Open special procedures whose cap has passed: the sweep resumes their clocks. */
  pausesToResume(tenantId: string, onOrBefore: string, limit: number): Promise<ApplicationPauseEntity[]> {
    return tenantRepository(this.uow, tenantId, ApplicationPauseEntity)
      .createQueryBuilder('p')
      .where('p.tenant_id = :tenantId AND p.ended_at IS NULL AND p.resume_by <= :onOrBefore', { tenantId, onOrBefore })
      .orderBy('p.resumeBy', 'ASC')
      .take(limit)
      .getMany();
  }
}
