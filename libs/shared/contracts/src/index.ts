export * from './lib/errors/error-body';
export * from './lib/auth/role';
export * from './lib/auth/permission';
export * from './lib/auth/identity-validators';
export * from './lib/auth/auth.dto';
export * from './lib/org/centre.dto';
