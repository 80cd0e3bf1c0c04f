import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { AUTH_CONFIG } from './auth.config';
import { AuthStore } from './auth.store';
import { safeReturnUrl } from './return-url';

/**
 * Lets signed-in users through; sends everyone else to the login page with `returnUrl`. Put it on
 * routes with `runGuardsAndResolvers: 'always'` so an expired session is re-checked in place.
 */
export const requireLogin: CanActivateFn = (_route, state) => {
  const store = inject(AuthStore);
  if (store.validToken()) return true;
  const { loginPath } = inject(AUTH_CONFIG);
  return inject(Router).createUrlTree([loginPath], { queryParams: { returnUrl: state.url } });
};

/** For login and registration pages: a signed-in user goes on to the return URL or home instead. */
export const guestOnly: CanActivateFn = (route) => {
  const store = inject(AuthStore);
  if (!store.validToken()) return true;
  const { homePath } = inject(AUTH_CONFIG);
  return inject(Router).parseUrl(safeReturnUrl(route.queryParamMap.get('returnUrl'), homePath));
};
