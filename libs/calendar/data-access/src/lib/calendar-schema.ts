import { CalendarOverrideEntity } from './entities/calendar-override.entity';
import { CalendarOverrides1795785000100 } from './migrations/1795785000100-calendar-overrides';

export const CALENDAR_ENTITIES = [CalendarOverrideEntity];

export const CALENDAR_MIGRATIONS = [CalendarOverrides1795785000100];
