export * from './lib/approval-schema';
