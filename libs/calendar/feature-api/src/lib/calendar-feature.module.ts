import { Module } from '@nestjs/common';
import { CalendarDataAccessModule } from '@zhengwu/calendar/data-access';
import { OrgDataAccessModule } from '@zhengwu/org/data-access';
import { CalendarQueryService } from './calendar-query.service';
import { CalendarController } from './calendar.controller';
import { ManageOverridesService } from './manage-overrides.service';

/** Scope calendar: each centre's working days (the national schedule and its own overrides). */
@Module({
  imports: [CalendarDataAccessModule, OrgDataAccessModule],
  controllers: [CalendarController],
  providers: [CalendarQueryService, ManageOverridesService],
})
export class CalendarFeatureModule {}
