import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { UiLanguageService } from '@zhengwu/web/shared/i18n';
import { catchError, throwError } from 'rxjs';
import { isApiRequest } from './api-paths';
import { AuthStore } from './auth.store';

/**
 * For requests to our API: `Accept-Language` with the UI language (the server picks notification
 * and document languages from it) and the bearer token while the session is valid. A 401 on a
 * request that carried the current token ends the session (revoked or expired on the server).
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiRequest(request.url)) return next(request);
  const store = inject(AuthStore);
  const language = inject(UiLanguageService);

  const token = store.validToken();
  let headers = request.headers.set('Accept-Language', language.current());
  if (token && !headers.has('Authorization')) headers = headers.set('Authorization', `Bearer ${token}`);

  return next(request.clone({ headers })).pipe(
    catchError((error: unknown) => {
      if (token && error instanceof HttpErrorResponse && error.status === 401 && store.token() === token) {
        store.expire();
      }
      return throwError(() => error);
    }),
  );
};
