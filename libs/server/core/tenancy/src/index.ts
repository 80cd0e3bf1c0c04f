export * from './lib/principal';
export * from './lib/tenant-id';
export * from './lib/request-context';
export * from './lib/tenancy.module';
export * from './lib/hosted-tenants';
export * from './lib/repeating-round';
