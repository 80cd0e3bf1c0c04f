export * from './lib/app-shell/app-shell.component';
export * from './lib/language-switch/language-switch.component';
export * from './lib/form-error/form-error.component';
export * from './lib/forms/identity.validators';
export * from './lib/forms/field-error.pipe';
export * from './lib/forms/form-focus';
export * from './lib/format/file-size.pipe';
