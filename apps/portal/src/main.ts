// @zhengwu/shared/contracts applies class-transformer decorators when it loads, and those read the
// Reflect metadata API. Remove once the contracts offer a decorator-free entry for browsers.
import 'reflect-metadata';
import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';

bootstrapApplication(App, appConfig).catch((error: unknown) => console.error(error));
