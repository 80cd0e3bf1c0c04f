export * from './lib/calendar-feature.module';
export * from './lib/calendar-errors';
