import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApplicationStatus } from '@zhengwu/approval/domain';
import type { ApplicationMaterialView, ApplicationView, DefectView, NoticeView, RatingView, TimelineEntry } from '@zhengwu/shared/contracts';
import {
  ApplicationsApi,
  CatalogueApi,
  LiveApplicationSignal,
  LiveApplicationStream,
  LiveStreamError,
  SubmitIntents,
} from '@zhengwu/web/approval/data-access';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { LocalDatePipe, Translatable, TranslatableTextPipe } from '@zhengwu/web/shared/i18n';
import { FileSizePipe, FormErrorComponent } from '@zhengwu/web/shared/ui';
import { catchError, combineLatest, EMPTY, finalize, startWith, Subject, switchMap } from 'rxjs';
import { ConfirmDialogComponent, ConfirmDialogData } from '../shared/confirm-dialog.component';
import { CentreNamePipe } from '../shared/directory';
import { MaterialUploadComponent } from '../shared/material-upload.component';
import { RatingDialogComponent, RatingDialogData } from '../shared/rating-dialog.component';
import { SampleDocumentViewer } from '../shared/sample-document-viewer';
import { saveBlob } from '../shared/save-file';
import { StatusChipComponent } from '../shared/status-chip.component';
import { UnreadNotifications } from '../shared/unread-notifications';
import { CaseTimelineComponent } from './case-timeline.component';

/** Statuses in which the applicant may rate the whole case (the server's rule). */
const CASE_RATEABLE = new Set<ApplicationStatus>([ApplicationStatus.Completed, ApplicationStatus.NotAccepted]);

export type LiveState = { kind: 'connecting' } | { kind: 'live' } | { kind: 'reconnecting'; seconds: number } | { kind: 'off'; message: Translatable };

/** The notice the applicant must act on: the latest one while the application is returned to them. */
export function openNotice(view: ApplicationView): NoticeView | null {
  if (view.status !== ApplicationStatus.Returned) return null;
  return [...view.notices].sort((a, b) => b.seq - a.seq)[0] ?? null;
}

/**
 * A flagged material is fixed once a version was uploaded after the notice was sent. Only flagged
 * materials may be replaced (一次性告知: the centre cannot raise new defects on the others).
 */
export function fixedSince(material: ApplicationMaterialView, notice: NoticeView): boolean {
  const sent = Date.parse(notice.sentAt);
  return material.versions.some((version) => Date.parse(version.uploadedAt) > sent);
}

/**
 * 办件详情: where the case stands and what the applicant can do. Updates live (server-sent events)
 * while the page is open: each committed transition reloads the view.
 */
@Component({
  selector: 'portal-case-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoPipe,
    TranslatableTextPipe,
    LocalDatePipe,
    FileSizePipe,
    FormErrorComponent,
    StatusChipComponent,
    CentreNamePipe,
    CaseTimelineComponent,
    MaterialUploadComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case.page.html',
})
export class CasePage {
  readonly centreCode = input.required<string>();
  readonly applicationId = input.required<string>();

  private readonly api = inject(ApplicationsApi);
  private readonly catalogue = inject(CatalogueApi);
  private readonly live = inject(LiveApplicationStream);
  private readonly intents = inject(SubmitIntents);
  private readonly dialog = inject(MatDialog);
  private readonly samples = inject(SampleDocumentViewer);
  private readonly unread = inject(UnreadNotifications);
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);
  private readonly reloads = new Subject<void>();

  protected readonly view = signal<ApplicationView | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<Translatable | null>(null);
  protected readonly actionError = signal<Translatable | null>(null);
  protected readonly announcement = signal<Translatable | null>(null);
  protected readonly submitting = signal(false);
  protected readonly liveState = signal<LiveState>({ kind: 'connecting' });

  protected readonly notice = computed(() => {
    const view = this.view();
    return view ? openNotice(view) : null;
  });
  protected readonly latestNotice = computed(() => [...(this.view()?.notices ?? [])].sort((a, b) => b.seq - a.seq)[0] ?? null);
  protected readonly flagged = computed(() => {
    const view = this.view();
    const notice = this.notice();
    if (!view || !notice) return [];
    const byCode = new Map<string, DefectView[]>();
    for (const defect of notice.defects) byCode.set(defect.materialCode, [...(byCode.get(defect.materialCode) ?? []), defect]);
    return view.materials
      .filter((material) => byCode.has(material.code))
      .map((material) => ({ material, defects: byCode.get(material.code) ?? [], fixed: fixedSince(material, notice) }));
  });
  protected readonly allFixed = computed(() => this.flagged().every((entry) => entry.fixed));
  protected readonly canResubmit = computed(() => this.view()?.allowedActions.includes('resubmit') ?? false);
  protected readonly canWithdraw = computed(() => this.view()?.allowedActions.includes('withdraw') ?? false);
  protected readonly isDraft = computed(() => this.view()?.status === ApplicationStatus.Draft);
  protected readonly owedMaterials = computed(() => this.view()?.status === ApplicationStatus.AcceptedMaterialsOwed);
  protected readonly canRateCase = computed(() => {
    const view = this.view();
    return !!view && CASE_RATEABLE.has(view.status) && !view.caseRated;
  });

  constructor() {
    const ids$ = combineLatest([toObservable(this.centreCode), toObservable(this.applicationId)]);

    ids$
      .pipe(
        switchMap(([centre, id]) => {
          this.view.set(null);
          this.loadError.set(null);
          this.loading.set(true);
          // The first load, then one per reload request (live change, rating); a newer request wins.
          return this.reloads.pipe(
            startWith(undefined),
            switchMap(() =>
              this.api.view(centre, id).pipe(
                catchError((error: unknown) => {
                  this.loadError.set(describeHttpError(error).message);
                  return EMPTY;
                }),
                finalize(() => this.loading.set(false)),
              ),
            ),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((view) => this.show(view));

    ids$
      .pipe(
        switchMap(([centre, id]) => {
          this.liveState.set({ kind: 'connecting' });
          return this.live.watch(centre, id).pipe(
            catchError((error: unknown) => {
              this.liveState.set({
                kind: 'off',
                message: { key: error instanceof LiveStreamError && error.status === 401 ? 'case.live.signedOut' : 'case.live.unavailable' },
              });
              return EMPTY;
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((signal) => this.onLive(signal));
  }

  /** Never goes back to an older version (a slow reload finishing after an upload's answer). */
  private show(view: ApplicationView): void {
    const shown = this.view();
    if (shown && shown.id === view.id && shown.version > view.version) return;
    this.view.set(view);
    this.loadError.set(null);
  }

  private onLive(signal: LiveApplicationSignal): void {
    switch (signal.type) {
      case 'reconnecting':
        this.liveState.set({ kind: 'reconnecting', seconds: Math.ceil(signal.delayMs / 1000) });
        return;
      case 'ready': {
        this.liveState.set({ kind: 'live' });
        // Changes may have been missed while the stream was down.
        const shown = this.view();
        if (shown && shown.version !== signal.version) this.reload();
        return;
      }
      case 'changed':
        this.reload();
        this.unread.refresh();
        return;
    }
  }

  protected reload(): void {
    this.reloads.next();
  }

  protected uploaded(view: ApplicationView): void {
    this.show(view);
  }

  protected resubmit(): void {
    const view = this.view();
    if (!view || this.submitting()) return;
    this.actionError.set(null);
    if (!this.allFixed()) {
      this.actionError.set({ key: 'notice.fixAllFirst' });
      return;
    }
    this.submitting.set(true);
    this.api
      .submit(view.centreCode, view.id, this.intents.keyFor(view.id, view.version))
      .pipe(finalize(() => this.submitting.set(false)))
      .subscribe({
        next: (updated) => {
          this.intents.settle(view.id);
          this.show(updated);
          this.announcement.set({ key: 'notice.resubmitted' });
        },
        error: (error: unknown) => this.actionError.set(describeHttpError(error).message),
      });
  }

  protected withdraw(): void {
    const view = this.view();
    if (!view) return;
    const data: ConfirmDialogData = { title: 'case.withdrawTitle', message: 'case.withdrawMessage', confirm: 'case.withdraw' };
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, { data, restoreFocus: true })
      .afterClosed()
      .pipe(
        switchMap((confirmed) => (confirmed ? this.api.withdraw(view.centreCode, view.id) : EMPTY)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (updated) => {
          this.show(updated);
          this.announcement.set({ key: 'case.withdrawn' });
        },
        error: (error: unknown) => this.actionError.set(describeHttpError(error).message),
      });
  }

  protected rateStep(step: TimelineEntry): void {
    this.openRating({ centreCode: this.centreCode(), applicationId: this.applicationId(), stepSeq: step.seq, stepName: step.name });
  }

  protected rateCase(): void {
    this.openRating({ centreCode: this.centreCode(), applicationId: this.applicationId(), stepName: null });
  }

  protected openSample(sampleDocumentId: string, title: string): void {
    this.samples.open({ url: this.catalogue.sampleDocumentUrl(this.centreCode(), sampleDocumentId), title });
  }

  protected download(material: ApplicationMaterialView): void {
    const latest = material.versions.at(-1);
    if (!latest) return;
    this.actionError.set(null);
    this.api.downloadMaterial(this.centreCode(), this.applicationId(), material.code, latest.version).subscribe({
      next: (blob) => saveBlob(blob, latest.fileName, this.document),
      error: (error: unknown) => this.actionError.set(describeHttpError(error).message),
    });
  }

  private openRating(data: RatingDialogData): void {
    this.dialog
      .open<RatingDialogComponent, RatingDialogData, RatingView>(RatingDialogComponent, { data, width: '560px', maxWidth: '96vw', restoreFocus: true })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((rating) => {
        if (!rating) return;
        this.announcement.set({ key: 'rating.thanks' });
        this.reload();
      });
  }
}
