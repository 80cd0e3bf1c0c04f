export * from './lib/catalogue-schema';
