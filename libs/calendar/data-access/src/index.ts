export * from './lib/entities/calendar-override.entity';
export * from './lib/repositories/calendar-override.repository';
export * from './lib/centre-calendar';
export * from './lib/calendar-data-access.module';
export * from './lib/calendar-schema';
