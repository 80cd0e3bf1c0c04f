import { Module } from '@nestjs/common';
import { CalendarDataAccessModule } from '@zhengwu/calendar/data-access';
import { AppConfig } from '@zhengwu/server/core/config';
import { DepartmentHeadRepository, RecipientAlertsReader, SupervisionDataAccessModule } from '@zhengwu/supervision/data-access';
import { SupervisionQueriesService } from './board/supervision-queries.service';
import { DepartmentHeadsController } from './delivery/department-heads.controller';
import { DepartmentHeadsDemoSeed } from './delivery/department-heads-demo.seed';
import { DepartmentHeadsService } from './delivery/department-heads.service';
import { MyAlertsController } from './delivery/my-alerts.controller';
import { MyAlertsService } from './delivery/my-alerts.service';
import { DepartmentNoticesController } from './notices/department-notices.controller';
import { SupervisionNoticesService } from './notices/supervision-notices.service';
import { ROLLUP_SETTINGS, rollupSettingsFrom } from './rollup/rollup-settings';
import { SupervisionRollupController } from './rollup/supervision-rollup.controller';
import { SupervisionRollupService } from './rollup/supervision-rollup.service';
import { SupervisionSnapshotHandler } from './rollup/supervision-snapshot.handler';
import { SupervisionSnapshotSender } from './rollup/supervision-snapshot.sender';
import { BoardSummarizer } from './board/board-summarizer';
import { StepRiskService } from './risk/step-risk.service';
import { SupervisionRulesService } from './rules/supervision-rules.service';
import { StatisticsExportController } from './statistics/statistics-export.controller';
import { SupervisionStatisticsService } from './statistics/supervision-statistics.service';
import { SupervisionController } from './supervision.controller';
import { AlertRaiser } from './sweep/alert-raiser';
import { SupervisionSweeper } from './sweep/supervision-sweeper.service';

/** Scope supervision: rules, the sweep, alerts, 督办 notices and accountability records. */
@Module({
  imports: [SupervisionDataAccessModule, CalendarDataAccessModule],
  controllers: [SupervisionController, SupervisionRollupController, StatisticsExportController, DepartmentNoticesController, DepartmentHeadsController, MyAlertsController],
  providers: [
    SupervisionRulesService,
    SupervisionStatisticsService,
    SupervisionQueriesService,
    StepRiskService,
    BoardSummarizer,
    SupervisionNoticesService,
    AlertRaiser,
    SupervisionSweeper,
    // Roll-up across levels (needs the RoutingModule's outbox and directory).
    { provide: ROLLUP_SETTINGS, inject: [AppConfig], useFactory: rollupSettingsFrom },
    SupervisionRollupService,
    SupervisionSnapshotSender,
    SupervisionSnapshotHandler,
    // Delivery of alerts to the handler and department heads a rule names (the data-access module
    // does not list these two, so they are provided here).
    DepartmentHeadRepository,
    RecipientAlertsReader,
    DepartmentHeadsService,
    MyAlertsService,
    DepartmentHeadsDemoSeed,
  ],
  exports: [SupervisionSweeper, SupervisionRulesService, SupervisionSnapshotSender, SupervisionRollupService],
})
export class SupervisionFeatureModule {}
