import { HttpBackend, HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { PublicDirectoryView } from '@zhengwu/shared/contracts';
import { catchError, map, Observable, of, shareReplay } from 'rxjs';
import { API_V1 } from '../api-paths';

/** Where to send a request for a centre: '' for the deployment serving this page, else another's base URL. */
export interface DeploymentDirectoryView {
  /** The base URL (origin, no trailing slash) of the deployment hosting the centre, or '' for this one. */
  baseFor(centreCode: string): string;
  /** Base URLs of every deployment, this one as ''. */
  bases(): string[];
  /** Whether requests to that base may carry this app's token (applicant tokens are valid everywhere). */
  identityIssuerBase: string;
}

const SAME_DEPLOYMENT: DeploymentDirectoryView = { baseFor: () => '', bases: () => [''], identityIssuerBase: '' };

/**
 * `GET /directory` (public): which deployment serves which centre. Under one deployment (`npm
 * start`) everything is served here; in the province / city / county topology a centre hosted by
 * another deployment is called at that deployment's URL. Fetched once per page load, without the
 * interceptors (it is public, and the routing interceptor itself waits for it); if it cannot be
 * fetched every request stays on this deployment, which is what a single deployment needs.
 */
@Injectable({ providedIn: 'root' })
export class DeploymentDirectory {
  private readonly backend = inject(HttpBackend, { optional: true });
  private cached: Observable<DeploymentDirectoryView> | undefined;

  load(): Observable<DeploymentDirectoryView> {
    if (!this.backend) return of(SAME_DEPLOYMENT);
    this.cached ??= new HttpClient(this.backend).get<PublicDirectoryView>(`${API_V1}/directory`).pipe(
      map((directory) => deploymentDirectoryView(directory)),
      catchError(() => of(SAME_DEPLOYMENT)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.cached;
  }
}

export function deploymentDirectoryView(directory: PublicDirectoryView): DeploymentDirectoryView {
  const base = new Map(directory.deployments.map((d) => [d.id, d.id === directory.self ? '' : d.apiBaseUrl.replace(/\/+$/, '')]));
  const hostOf = new Map(directory.centres.map((c) => [c.code, c.deploymentId]));
  return {
    baseFor: (code) => base.get(hostOf.get(code) ?? directory.self) ?? '',
    bases: () => [...new Set(base.values())],
    identityIssuerBase: base.get(directory.identityIssuer) ?? '',
  };
}

const CENTRE_PATH = /^\/api\/v1\/centres\/(\d{6})(?=\/|$|\?)/;

/** The centre a request is addressed to (`/api/v1/centres/:code/…`), if any. */
export function addressedCentre(url: string): string | undefined {
  return CENTRE_PATH.exec(url)?.[1];
}
