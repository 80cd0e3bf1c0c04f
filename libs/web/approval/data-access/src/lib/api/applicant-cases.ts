import { HttpClient, HttpContext, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ApplicationSummary, PageOf } from '@zhengwu/shared/contracts';
import { API_V1, DeploymentDirectory, TO_DEPLOYMENT } from '@zhengwu/web/shared/auth';
import { catchError, forkJoin, map, Observable, of, switchMap, throwError } from 'rxjs';

/** The largest page `GET /me/applications` serves (`PageQuery.pageSize`). */
export const MAX_SERVER_PAGE_SIZE = 100;

/** One page of the applicant's cases gathered from every deployment. */
export interface ApplicantCasesPage extends PageOf<ApplicationSummary> {
  /** How many deployments did not answer: the list then lacks whatever they hold. */
  unreachable: number;
}

/** What one deployment answered: its newest cases (at least as many as the page needs) and its total. */
export interface DeploymentCases {
  items: readonly ApplicationSummary[];
  total: number;
}

/** Newest first, as each deployment orders them; the id breaks ties so the order is stable. */
function newerFirst(a: ApplicationSummary, b: ApplicationSummary): number {
  return b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
}

/**
 * Page `page` of the union of what each deployment holds, newest first. Each list must hold that
 * deployment's newest `page × pageSize` cases (or all it has): page k of the union can only contain
 * cases among the first k × pageSize of some deployment.
 */
export function mergeNewestFirst(answers: readonly DeploymentCases[], page: number, pageSize: number): PageOf<ApplicationSummary> {
  const all = answers.flatMap((answer) => answer.items).sort(newerFirst);
  return {
    items: all.slice((page - 1) * pageSize, page * pageSize),
    total: answers.reduce((sum, answer) => sum + answer.total, 0),
    page,
    pageSize,
  };
}

/**
 * 我的办件 across deployments: applicant accounts live at the identity issuer and their token is
 * accepted by every deployment, but each deployment holds only the cases of the centres it hosts
 * (a Shehong case at the county deployment, a Suining case at the city one). The list asks each
 * deployment of the directory and merges; a deployment that does not answer leaves the others'
 * cases shown and is counted in `unreachable`. Under one deployment this is a single request.
 */
@Injectable({ providedIn: 'root' })
export class ApplicantCasesApi {
  private readonly http = inject(HttpClient);
  private readonly directory = inject(DeploymentDirectory);

  page(page: number, pageSize: number): Observable<ApplicantCasesPage> {
    return this.directory.load().pipe(
      switchMap((directory) => {
        const bases = directory.bases();
        if (bases.length === 1) {
          return this.request(bases[0], page, pageSize).pipe(map((result) => ({ ...result, unreachable: 0 })));
        }
        const answers = bases.map((base) =>
          this.newest(base, page * pageSize).pipe(
            map((answer) => ({ answer, error: null as unknown })),
            catchError((error: unknown) => of({ answer: null, error })),
          ),
        );
        return forkJoin(answers).pipe(
          switchMap((results) => {
            const answered = results.flatMap((result) => (result.answer ? [result.answer] : []));
            // Nothing answered: that is an error to show, not an empty list.
            if (answered.length === 0) return throwError(() => results[0].error);
            return of({ ...mergeNewestFirst(answered, page, pageSize), unreachable: results.length - answered.length });
          }),
        );
      }),
    );
  }

  /** The newest `count` cases one deployment holds (fewer if it has fewer), and its total. */
  private newest(base: string, count: number): Observable<DeploymentCases> {
    const pageSize = Math.min(count, MAX_SERVER_PAGE_SIZE);
    const pages = Array.from({ length: Math.ceil(count / pageSize) }, (_, index) => this.request(base, index + 1, pageSize));
    return forkJoin(pages).pipe(map((answers) => ({ items: answers.flatMap((answer) => answer.items), total: answers[0].total })));
  }

  private request(base: string, page: number, pageSize: number): Observable<PageOf<ApplicationSummary>> {
    return this.http.get<PageOf<ApplicationSummary>>(`${API_V1}/me/applications`, {
      params: new HttpParams().set('page', page).set('pageSize', pageSize),
      context: new HttpContext().set(TO_DEPLOYMENT, base),
    });
  }
}
