import { AccountabilityRecordEntity } from './entities/accountability-record.entity';
import { SupervisionAlertEntity } from './entities/supervision-alert.entity';
import { SupervisionNoticeEntity } from './entities/supervision-notice.entity';
import { SupervisionRuleEntity } from './entities/supervision-rule.entity';
import { SupervisionSweepLeaseEntity } from './entities/supervision-sweep-lease.entity';
import { SupervisionRollupSnapshotEntity } from './entities/supervision-rollup-snapshot.entity';
import { SupervisionDepartmentHeadEntity } from './entities/supervision-department-head.entity';
import { Supervision1795820000100 } from './migrations/1795820000100-supervision';
import { SupervisionStatistics1795820000200 } from './migrations/1795820000200-statistics';
import { SupervisionRollup1795820000700 } from './migrations/1795820000700-rollup';
import { SupervisionStatisticsRatings1795820000500 } from './migrations/1795820000500-statistics-ratings';
import { SupervisionStatisticsMonthly1795820000810 } from './migrations/1795820000810-statistics-monthly';
import { SupervisionStepRiskIndexes1795820000900 } from './migrations/1795820000900-step-risk-indexes';
import { SupervisionBoardSummary1795820001000 } from './migrations/1795820001000-board-summary';
import { SupervisionAlertStatistics1795820001200 } from './migrations/1795820001200-alert-statistics';
import { SupervisionAlertListOrder1795820001300 } from './migrations/1795820001300-alert-list-order';
import { SupervisionDepartmentHeads1795820001100 } from './migrations/1795820001100-department-heads';
import { SupervisionCaseLevel1795820001400 } from './migrations/1795820001400-case-level';
import { SupervisionCaseLevelLag1795820001500 } from './migrations/1795820001500-case-level-lag';

export const SUPERVISION_ENTITIES = [
  SupervisionRuleEntity,
  SupervisionAlertEntity,
  SupervisionNoticeEntity,
  AccountabilityRecordEntity,
  SupervisionSweepLeaseEntity,
  SupervisionRollupSnapshotEntity,
  SupervisionDepartmentHeadEntity,
];

/** Scope supervision owns the migration range 17958200xxxxx. */
export const SUPERVISION_MIGRATIONS = [Supervision1795820000100, SupervisionStatistics1795820000200, SupervisionStatisticsRatings1795820000500, SupervisionRollup1795820000700, SupervisionStatisticsMonthly1795820000810, SupervisionStepRiskIndexes1795820000900, SupervisionBoardSummary1795820001000, SupervisionDepartmentHeads1795820001100, SupervisionAlertStatistics1795820001200, SupervisionAlertListOrder1795820001300, SupervisionCaseLevel1795820001400, SupervisionCaseLevelLag1795820001500];
