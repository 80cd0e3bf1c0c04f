export * from './notification-vocabulary';
export * from './notification.dto';
export * from './notification-views';
