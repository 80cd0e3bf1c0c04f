import { Module } from '@nestjs/common';
import { CentreCalendar } from './centre-calendar';
import { CalendarOverrideRepository } from './repositories/calendar-override.repository';

@Module({
  providers: [CalendarOverrideRepository, CentreCalendar],
  exports: [CalendarOverrideRepository, CentreCalendar],
})
export class CalendarDataAccessModule {}
