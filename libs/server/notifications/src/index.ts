export * from './lib/notification-schema';
