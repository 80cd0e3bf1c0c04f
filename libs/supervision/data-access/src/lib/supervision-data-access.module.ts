import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountabilityRecordRepository } from './repositories/accountability-record.repository';
import { CaseLevelProjection } from './repositories/case-level.projection';
import { OpenWorkReader } from './repositories/open-work.reader';
import { RollupSnapshotRepository } from './repositories/rollup-snapshot.repository';
import { StepHistoryReader } from './repositories/step-history.reader';
import { SupervisionAlertRepository } from './repositories/supervision-alert.repository';
import { SupervisionNoticeRepository } from './repositories/supervision-notice.repository';
import { SupervisionRuleRepository } from './repositories/supervision-rule.repository';
import { StatCountersRepository } from './repositories/stat-counters.repository';
import { SweepLeaseRepository } from './repositories/sweep-lease.repository';
import { SUPERVISION_ENTITIES } from './supervision-schema';

const providers = [
  SupervisionRuleRepository,
  SupervisionAlertRepository,
  SupervisionNoticeRepository,
  AccountabilityRecordRepository,
  SweepLeaseRepository,
  OpenWorkReader,
  StatCountersRepository,
  RollupSnapshotRepository,
  StepHistoryReader,
  CaseLevelProjection,
];

@Module({
  // The entities register themselves with the DataSource (autoLoadEntities) wherever this module is used.
  imports: [TypeOrmModule.forFeature(SUPERVISION_ENTITIES)],
  providers,
  exports: providers,
})
export class SupervisionDataAccessModule {}
