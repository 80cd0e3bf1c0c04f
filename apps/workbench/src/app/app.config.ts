import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { authInterceptor, deploymentRoutingInterceptor, provideZhengwuAuth } from '@zhengwu/web/shared/auth';
import { provideZhengwuI18n } from '@zhengwu/web/shared/i18n';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(appRoutes, withComponentInputBinding()),
    // A counter clerk reads another centre's public catalogue at the deployment hosting it (the
    // directory says where); the staff token stays with this deployment.
    provideHttpClient(withFetch(), withInterceptors([authInterceptor, deploymentRoutingInterceptor])),
    provideZhengwuI18n(),
    provideZhengwuAuth({ kind: 'staff', loginPath: '/login', homePath: '/' }),
  ],
};
