import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { ApprovalSettingsEntity } from '../entities/approval-settings.entity';
import { tenantRepository } from './approval-tx';

export const DEFAULT_APPROVAL_SETTINGS: Omit<ApprovalSettingsEntity, 'tenantId'> = {
  rectificationWorkingDays: 15,
  preReviewWorkingDays: 5,
  yellowWithinWorkingDays: 2,
  afterHoursCutoff: null,
  verificationWorkingDays: 3,
};

@Injectable()
export class ApprovalSettingsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async of(tenantId: string): Promise<ApprovalSettingsEntity> {
    const row = await tenantRepository(this.uow, tenantId, ApprovalSettingsEntity).findOne({ where: { tenantId } });
    return row ?? { tenantId, ...DEFAULT_APPROVAL_SETTINGS };
  }

  async save(settings: ApprovalSettingsEntity): Promise<void> {
    await tenantRepository(this.uow, settings.tenantId, ApprovalSettingsEntity).upsert(settings, ['tenantId']);
  }
}
