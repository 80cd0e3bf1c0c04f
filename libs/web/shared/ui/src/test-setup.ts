// @zhengwu/shared/contracts applies class-transformer decorators at load time, which need the
// Reflect metadata API (the apps' main.ts loads the same polyfill).
import 'reflect-metadata';
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true
});
