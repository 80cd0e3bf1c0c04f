export * from './lib/core.module';
export * from './lib/web-apps';
export * from './lib/create-http-app';
