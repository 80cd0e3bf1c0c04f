import { TypeOrmModule } from '@nestjs/typeorm';
import { CALENDAR_ENTITIES } from './calendar-schema';
import { Module } from '@nestjs/common';
import { CentreCalendar } from './centre-calendar';
import { CalendarOverrideRepository } from './repositories/calendar-override.repository';

@Module({
  // The entities register themselves with the DataSource (autoLoadEntities) wherever this module is used.
  imports: [TypeOrmModule.forFeature(CALENDAR_ENTITIES)],
  providers: [CalendarOverrideRepository, CentreCalendar],
  exports: [CalendarOverrideRepository, CentreCalendar],
})
export class CalendarDataAccessModule {}
