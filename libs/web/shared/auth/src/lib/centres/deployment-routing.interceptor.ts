import { HttpContextToken, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { switchMap } from 'rxjs';
import { AuthStore } from '../auth.store';
import { addressedCentre, DeploymentDirectory } from './deployment-directory';

/**
 * Sends an API request that names no centre (`/api/v1/me/…`) to one particular deployment: its
 * base URL from `DeploymentDirectoryView.bases()`, '' for this one. Used to ask every deployment
 * for what it holds of the signed-in applicant.
 */
export const TO_DEPLOYMENT = new HttpContextToken<string | null>(() => null);

/**
 * Sends a request about a centre to the deployment that hosts it (the directory says which). Put it
 * AFTER `authInterceptor`: the token is added for our API first, then the URL moves. A staff token
 * is valid only at its own deployment, so it is dropped on the way to another one (public pages
 * such as another centre's catalogue need none); an applicant token is accepted everywhere.
 */
export const deploymentRoutingInterceptor: HttpInterceptorFn = (request, next) => {
  const store = inject(AuthStore);
  const moveTo = (base: string) => {
    if (!base) return next(request);
    const headers = store.kind() === 'staff' ? request.headers.delete('Authorization') : request.headers;
    return next(request.clone({ url: `${base}${request.url}`, headers }));
  };
  const explicit = request.context.get(TO_DEPLOYMENT);
  if (explicit !== null) return moveTo(explicit);
  const centre = addressedCentre(request.url);
  if (!centre) return next(request);
  return inject(DeploymentDirectory)
    .load()
    .pipe(switchMap((directory) => moveTo(directory.baseFor(centre))));
};
