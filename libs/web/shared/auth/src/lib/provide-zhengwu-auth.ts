import { EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { Router } from '@angular/router';
import { AUTH_CONFIG, AuthConfig } from './auth.config';
import { AuthStore } from './auth.store';

/**
 * The auth store for one kind of account, and the reaction to expiry: the current URL is
 * navigated again so that its guards run (`requireLogin` then sends the user to the login page
 * with a return URL; public pages simply stay). Add `authInterceptor` to `provideHttpClient`.
 */
export function provideZhengwuAuth(config: AuthConfig): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: AUTH_CONFIG, useValue: config },
    provideAppInitializer(() => {
      const router = inject(Router);
      // AuthStore and Router are root singletons living as long as the app: no unsubscribe needed.
      inject(AuthStore).expired$.subscribe(() => {
        void router.navigateByUrl(router.url, { onSameUrlNavigation: 'reload' });
      });
    }),
  ]);
}
