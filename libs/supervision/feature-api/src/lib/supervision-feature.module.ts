import { Module } from '@nestjs/common';
import { CalendarDataAccessModule } from '@zhengwu/calendar/data-access';
import { SupervisionDataAccessModule } from '@zhengwu/supervision/data-access';
import { SupervisionQueriesService } from './board/supervision-queries.service';
import { SupervisionNoticesService } from './notices/supervision-notices.service';
import { SupervisionRulesService } from './rules/supervision-rules.service';
import { StatisticsExportController } from './statistics/statistics-export.controller';
import { SupervisionStatisticsService } from './statistics/supervision-statistics.service';
import { SupervisionController } from './supervision.controller';
import { AlertRaiser } from './sweep/alert-raiser';
import { SupervisionSweeper } from './sweep/supervision-sweeper.service';

/** Scope supervision: rules, the sweep, alerts, 督办 notices and accountability records. */
@Module({
  imports: [SupervisionDataAccessModule, CalendarDataAccessModule],
  controllers: [SupervisionController, StatisticsExportController],
  providers: [SupervisionRulesService, SupervisionStatisticsService, SupervisionQueriesService, SupervisionNoticesService, AlertRaiser, SupervisionSweeper],
  exports: [SupervisionSweeper, SupervisionRulesService],
})
export class SupervisionFeatureModule {}
