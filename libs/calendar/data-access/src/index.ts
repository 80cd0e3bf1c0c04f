export * from './lib/calendar-schema';
