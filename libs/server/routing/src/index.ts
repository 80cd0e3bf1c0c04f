export * from './lib/routing-schema';
