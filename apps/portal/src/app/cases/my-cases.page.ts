import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApplicantCasesApi, type ApplicantCasesPage } from '@zhengwu/web/approval/data-access';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { LocalDatePipe, Translatable } from '@zhengwu/web/shared/i18n';
import { FormErrorComponent } from '@zhengwu/web/shared/ui';
import { catchError, map, merge, of, Subject, switchMap, tap } from 'rxjs';
import { CentreNamePipe } from '../shared/directory';
import { StatusChipComponent } from '../shared/status-chip.component';

export const MY_CASES_PAGE_SIZE = 20;

/**
 * 我的办件: every application of the signed-in applicant, newest first, with where it stands, from
 * every deployment (a Shehong case and a Suining case may be held by different ones).
 */
@Component({
  selector: 'portal-my-cases-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatPaginatorModule,
    MatProgressBarModule,
    TranslocoPipe,
    LocalDatePipe,
    FormErrorComponent,
    StatusChipComponent,
    CentreNamePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-cases.page.html',
})
export class MyCasesPage {
  /** `?page=2` (from the URL, so that back returns to the same page). */
  readonly page = input<string>();

  private readonly api = inject(ApplicantCasesApi);
  private readonly router = inject(Router);
  private readonly retries = new Subject<void>();

  protected readonly result = signal<ApplicantCasesPage | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<Translatable | null>(null);

  constructor() {
    toObservable(this.page)
      .pipe(
        map((page) => (Number.isInteger(Number(page)) && Number(page) >= 1 ? Number(page) : 1)),
        // The page now, and again on every retry.
        switchMap((page) => merge(of(page), this.retries.pipe(map(() => page)))),
        tap(() => {
          this.loading.set(true);
          this.error.set(null);
        }),
        switchMap((page) =>
          this.api.page(page, MY_CASES_PAGE_SIZE).pipe(
            catchError((error: unknown) => {
              this.error.set(describeHttpError(error).message);
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        this.result.set(result);
      });
  }

  protected retry(): void {
    this.retries.next();
  }

  protected changePage(event: PageEvent): void {
    void this.router.navigate([], { queryParams: { page: event.pageIndex > 0 ? event.pageIndex + 1 : null } });
  }
}
