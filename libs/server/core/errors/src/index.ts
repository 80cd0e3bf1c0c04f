export * from './lib/domain-error';
export * from './lib/http-status-of';
export * from './lib/platform-errors';
export * from './lib/error-response';
export * from './lib/problem.filter';
export * from './lib/validation-exception.factory';
