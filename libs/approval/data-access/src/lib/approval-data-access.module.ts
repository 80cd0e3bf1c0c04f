import { TypeOrmModule } from '@nestjs/typeorm';
import { APPROVAL_ENTITIES } from './approval-schema';
import { Module } from '@nestjs/common';
import { ApplicationRecordsRepository } from './repositories/application-records.repository';
import { ApplicationRepository } from './repositories/application.repository';
import { ApprovalSettingsRepository } from './repositories/approval-settings.repository';
import { CaseNumberAllocator } from './repositories/case-number-allocator';
import { EventLog } from './repositories/event-log';
import { IdempotencyRepository } from './repositories/idempotency.repository';
import { CounterIntakeRepository } from './repositories/counter-intake.repository';
import { OriginalsCheckRepository } from './repositories/originals-check.repository';
import { RatingRepository } from './repositories/rating.repository';

const providers = [
  ApplicationRepository,
  ApplicationRecordsRepository,
  CaseNumberAllocator,
  EventLog,
  IdempotencyRepository,
  RatingRepository,
  ApprovalSettingsRepository,
  OriginalsCheckRepository,
  CounterIntakeRepository,
];

@Module({
  // The entities register themselves with the DataSource (autoLoadEntities) wherever this module is used.
  imports: [TypeOrmModule.forFeature(APPROVAL_ENTITIES)], providers, exports: providers })
export class ApprovalDataAccessModule {}
