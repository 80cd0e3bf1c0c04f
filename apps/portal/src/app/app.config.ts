import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { provideRouter, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { authInterceptor, deploymentRoutingInterceptor, provideZhengwuAuth } from '@zhengwu/web/shared/auth';
import { provideZhengwuI18n } from '@zhengwu/web/shared/i18n';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(appRoutes, withComponentInputBinding(), withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
    // The XHR backend (no `withFetch()`): material uploads show a progress bar, and fetch cannot
    // report upload progress. The live stream uses fetch directly. Requests about a centre hosted by
    // another deployment (province / city / county topology) go there, after the token is added.
    provideHttpClient(withInterceptors([authInterceptor, deploymentRoutingInterceptor])),
    provideZhengwuI18n(),
    provideZhengwuAuth({ kind: 'applicant', loginPath: '/login', homePath: '/me' }),
  ],
};
