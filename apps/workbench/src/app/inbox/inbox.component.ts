import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApplicationStatus, STATUS_LABELS, type StepPost, SUPERVISION_LEVEL_LABELS } from '@zhengwu/approval/domain';
import type { ApplicationSummary, ItemSummary, PageOf } from '@zhengwu/shared/contracts';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable } from '@zhengwu/web/shared/i18n';
import { FormErrorComponent } from '@zhengwu/web/shared/ui';
import { CatalogueApi, type InboxFilter, StaffApplicationsApi } from '@zhengwu/web/workbench/data-access';
import { catchError, debounceTime, map, merge, of, startWith, Subject, switchMap, tap } from 'rxjs';
import { CHINA_OFFSET, INSTANT_FORMAT } from '../shared/dates';
import { LabelPipe } from '../shared/label.pipe';
import { staffAccess } from '../shared/staff-access';
import { TranslatedPaginatorIntl } from '../shared/translated-paginator-intl';

/** Statuses that wait at a step post (the inbox never holds drafts or final cases). */
const INBOX_STATUSES: readonly ApplicationStatus[] = [
  ApplicationStatus.Submitted,
  ApplicationStatus.PreReviewPassed,
  ApplicationStatus.AwaitingPaper,
  ApplicationStatus.ReceivedAtCounter,
  ApplicationStatus.Accepted,
  ApplicationStatus.AcceptedMaterialsOwed,
];

/**
 * What waits at the staff member's posts, soonest due first (the server's order), with filters by
 * post, status, item, due within N working days, overdue and assigned to me. Rows carry the
 * supervision level in words and colour (yellow warning, red overdue).
 */
@Component({
  selector: 'wb-inbox',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    FormErrorComponent,
    LabelPipe,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './inbox.component.html',
})
export class InboxComponent implements OnInit {
  /** Preset filters (the supervision lists reuse the inbox). */
  readonly preset = input<Partial<Pick<InboxFilter, 'overdue' | 'dueWithin'>>>({});
  readonly headingId = input('inbox-heading');

  private readonly api = inject(StaffApplicationsApi);
  protected readonly access = staffAccess();
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly levelLabels = SUPERVISION_LEVEL_LABELS;
  protected readonly statuses = INBOX_STATUSES;
  protected readonly instantFormat = INSTANT_FORMAT;
  protected readonly offset = CHINA_OFFSET;
  protected readonly posts = computed(() => (['window_clerk', 'reviewer', 'approver'] as StepPost[]).filter((post) => this.access.holds(post)));

  protected readonly filters = inject(NonNullableFormBuilder).group({
    post: new FormControl<StepPost | null>(null),
    status: new FormControl<ApplicationStatus[]>([], { nonNullable: true }),
    itemId: new FormControl<string | null>(null),
    dueWithin: new FormControl<number | null>(null, [Validators.min(0), Validators.max(250), Validators.pattern(/^\d+$/)]),
    overdue: [false],
    mine: [false],
  });
  protected readonly page = signal({ page: 1, pageSize: 20 });
  protected readonly result = signal<PageOf<ApplicationSummary> | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<Translatable | null>(null);
  private readonly reload$ = new Subject<void>();
  private readonly destroyRef = inject(DestroyRef);

  protected readonly items = toSignal(
    inject(CatalogueApi)
      .publishedItems(this.access.centreCode())
      .pipe(
        map((page) => page.items),
        catchError(() => of([] as ItemSummary[])),
      ),
    { initialValue: [] as ItemSummary[] },
  );

  ngOnInit(): void {
    this.filters.patchValue(this.preset(), { emitEvent: false });
    merge(this.filters.valueChanges.pipe(debounceTime(250), tap(() => this.page.update((p) => ({ ...p, page: 1 })))), this.reload$)
      .pipe(
        startWith(undefined),
        map(() => this.currentFilter()),
        switchMap((filter) => {
          if (!filter) return of(null);
          this.loading.set(true);
          this.error.set(null);
          return this.api.inbox(this.access.centreCode(), filter).pipe(
            catchError((error: unknown) => {
              this.error.set(describeHttpError(error).message);
              return of(null);
            }),
          );
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((result) => {
        this.loading.set(false);
        if (result) this.result.set(result);
      });
  }

  protected changePage(event: PageEvent): void {
    this.page.set({ page: event.pageIndex + 1, pageSize: event.pageSize });
    this.reload$.next();
  }

  protected reload(): void {
    this.reload$.next();
  }

  private currentFilter(): InboxFilter | null {
    if (this.filters.invalid) return null;
    const value = this.filters.getRawValue();
    const dueWithin = value.dueWithin === null || String(value.dueWithin) === '' ? undefined : Number(value.dueWithin);
    return {
      post: value.post ?? undefined,
      status: value.status,
      itemId: value.itemId ?? undefined,
      dueWithin,
      overdue: value.overdue,
      mine: value.mine,
      ...this.page(),
    };
  }
}
