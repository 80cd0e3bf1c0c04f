import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { RatingEntity } from '../entities/rating.entity';
import { RectificationEntity } from '../entities/rectification.entity';
import { tenantRepository } from './approval-tx';

/** 好差评 ratings and the rectification cases bad ones open. */
@Injectable()
export class RatingRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async insert(tenantId: string, rating: RatingEntity): Promise<void> {
    await tenantRepository(this.uow, tenantId, RatingEntity).insert(rating);
  }

  ofApplication(tenantId: string, applicationId: string): Promise<RatingEntity[]> {
    return tenantRepository(this.uow, tenantId, RatingEntity).find({ where: { tenantId, applicationId }, order: { createdAt: 'ASC' } });
  }

  async openRectification(tenantId: string, rectification: RectificationEntity): Promise<void> {
    await tenantRepository(this.uow, tenantId, RectificationEntity).insert(rectification);
  }

  rectifications(tenantId: string, statuses: readonly string[], limit = 200): Promise<RectificationEntity[]> {
    return tenantRepository(this.uow, tenantId, RectificationEntity)
      .createQueryBuilder('r')
      .where('r.tenant_id = :tenantId AND r.status IN (:...statuses)', { tenantId, statuses })
      .orderBy('r.due', 'ASC')
      .take(limit)
      .getMany();
  }
}
