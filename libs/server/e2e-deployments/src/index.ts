export * from './lib/api-deployments';
