// Nested DTOs use class-transformer's @Type, which reads decorator metadata when the class is
// defined: the Reflect metadata API must exist before any DTO module is evaluated, in browsers too.
import 'reflect-metadata';

export * from './lib/errors/error-body';
export * from './lib/auth/role';
export * from './lib/auth/permission';
export * from './lib/auth/identity-validators';
export * from './lib/auth/auth.dto';
export * from './lib/org/centre.dto';
export * from './lib/calendar';
export * from './lib/catalogue';
export * from './lib/approval';
export * from './lib/notifications';
export * from './lib/routing';
export * from './lib/supervision';
