import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { DatePipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  ACTION_LABELS,
  type ApplicationAction,
  ApplicationStatus,
  CLOCK_STATE_LABELS,
  DEFECT_KIND_LABELS,
  type DefectKind,
  type NoticeViolation,
  RESULT_TYPE_LABELS,
  SPECIAL_PROCEDURE_LABELS,
  STATUS_LABELS,
  SUPERVISION_LEVEL_LABELS,
} from '@zhengwu/approval/domain';
import type { WorkingDayCalendar } from '@zhengwu/calendar/domain';
import { type ApplicationMaterialView, type ApplicationView, type ItemGuide, Permission } from '@zhengwu/shared/contracts';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable, TranslatableTextPipe } from '@zhengwu/web/shared/i18n';
import { FormErrorComponent } from '@zhengwu/web/shared/ui';
import {
  CatalogueApi,
  CentreCalendarService,
  type DefectDraft,
  defectsOf,
  DEFECT_EXPLANATION_MAX,
  draftProblems,
  type DraftProblem,
  isStaleVersion,
  LiveApplicationService,
  materialNoticeStates,
  noticeViolationsOf,
  type StaffAction,
  StaffApplicationsApi,
} from '@zhengwu/web/workbench/data-access';
import { catchError, EMPTY, finalize, Observable, of } from 'rxjs';
import { CHINA_OFFSET, INSTANT_FORMAT } from '../shared/dates';
import { FileViewerComponent, ViewedFile } from '../shared/file-viewer.component';
import { LabelPipe } from '../shared/label.pipe';
import { staffAccess } from '../shared/staff-access';
import { ActionDialogComponent, type ActionDialogData, type ActionDialogResult, type ActionInput, type DialogAction } from './action-dialog.component';

const PRE_REVIEW_STATUSES: readonly ApplicationStatus[] = [
  ApplicationStatus.Submitted,
  ApplicationStatus.PreReviewPassed,
  ApplicationStatus.AwaitingPaper,
  ApplicationStatus.ReceivedAtCounter,
];
/** Step and decision actions offered as buttons (pre-review has its own panel), with the permission each needs. */
const STEP_BUTTONS: ReadonlyArray<{ action: ApplicationAction & DialogAction; permission: Permission }> = [
  { action: 'pass_step', permission: Permission.StepHandle },
  { action: 'return_step', permission: Permission.StepHandle },
  { action: 'approve', permission: Permission.Decide },
  { action: 'deny', permission: Permission.Decide },
  { action: 'start_special_procedure', permission: Permission.StepHandle },
  { action: 'end_special_procedure', permission: Permission.StepHandle },
  { action: 'extend', permission: Permission.Decide },
  { action: 'complete', permission: Permission.Decide },
  { action: 'terminate', permission: Permission.Decide },
];

const ALL_DEFECT_KINDS = Object.keys(DEFECT_KIND_LABELS) as DefectKind[];

/** Per ticked material: the defect being drafted. */
interface DraftRow {
  kind: DefectKind | null;
  explanation: string;
}

/**
 * One application for staff: header with status and deadlines, the materials side by side with the
 * item's requirements and sample documents, pre-review with the one-time-notice builder, the step
 * and decision actions (each confirmed with its effect on the deadlines), timeline, notices and
 * originals checks. Reloads itself when the case changes (server-sent events).
 */
@Component({
  selector: 'wb-case-page',
  imports: [
    DatePipe,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatChipsModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    TranslatableTextPipe,
    FormErrorComponent,
    FileViewerComponent,
    LabelPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case.page.html',
  styleUrl: './case.page.scss',
})
export class CasePage {
  readonly id = input.required<string>();

  private readonly api = inject(StaffApplicationsApi);
  private readonly catalogue = inject(CatalogueApi);
  private readonly calendars = inject(CentreCalendarService);
  private readonly live = inject(LiveApplicationService);
  private readonly dialog = inject(MatDialog);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly access = staffAccess();

  protected readonly labels = {
    status: STATUS_LABELS,
    clock: CLOCK_STATE_LABELS,
    level: SUPERVISION_LEVEL_LABELS,
    action: ACTION_LABELS,
    defect: DEFECT_KIND_LABELS,
    special: SPECIAL_PROCEDURE_LABELS,
    result: RESULT_TYPE_LABELS,
  };
  protected readonly instantFormat = INSTANT_FORMAT;
  protected readonly offset = CHINA_OFFSET;
  protected readonly explanationMax = DEFECT_EXPLANATION_MAX;

  protected readonly view = signal<ApplicationView | null>(null);
  protected readonly guide = signal<ItemGuide | null>(null);
  protected readonly calendar = signal<WorkingDayCalendar | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<Translatable | null>(null);
  protected readonly actionError = signal<Translatable | null>(null);
  protected readonly announcement = signal<Translatable | null>(null);
  protected readonly liveState = signal<'connecting' | 'live' | 'off'>('connecting');
  protected readonly working = signal(false);

  /** The material shown in the viewer: its code and version. */
  protected readonly selected = signal<{ code: string; version: number } | null>(null);
  protected readonly sample = signal<{ id: string; name: string } | null>(null);
  protected readonly drafts = signal<Record<string, DraftRow>>({});
  protected readonly problems = signal<DraftProblem[]>([]);
  protected readonly violations = signal<NoticeViolation[]>([]);

  protected readonly noticeStates = computed(() => {
    const view = this.view();
    return view ? materialNoticeStates(view) : [];
  });
  protected readonly inPreReview = computed(() => {
    const view = this.view();
    return !!view && PRE_REVIEW_STATUSES.includes(view.status);
  });
  protected readonly canPreReview = computed(() => this.inPreReview() && this.access.can(Permission.PreReview) && (this.view()?.allowedActions.includes('accept') ?? false));
  protected readonly canOverride = computed(() => this.inPreReview() && this.access.can(Permission.NoticeOverride));
  protected readonly stepButtons = computed(() => {
    const allowed = this.view()?.allowedActions ?? [];
    return STEP_BUTTONS.filter((button) => allowed.includes(button.action) && this.access.can(button.permission));
  });
  /** The current step waits for someone who holds its post: offer to take it. */
  protected readonly canClaim = computed(() => {
    const step = this.view()?.currentStep;
    return !!step && !step.assignee && this.access.holds(step.post) && this.access.can(Permission.StepHandle);
  });
  protected readonly paperAwaited = computed(() =>
    (this.view()?.originalsChecks ?? []).some((check) => check.custody === 'forwarded' && !check.paperArrivedAt),
  );
  protected readonly canConfirmPaper = computed(() => this.access.can(Permission.PreReview));
  protected readonly requirementOf = computed(() => new Map((this.guide()?.materials ?? []).map((m) => [m.code, m])));
  protected readonly viewedMaterial = computed<ViewedFile | null>(() => {
    const view = this.view();
    const selected = this.selected();
    if (!view || !selected) return null;
    const version = view.materials.find((m) => m.code === selected.code)?.versions.find((v) => v.version === selected.version);
    if (!version) return null;
    return {
      key: `${view.id}/${selected.code}/${version.version}`,
      fileName: version.fileName,
      mediaType: version.mediaType,
      load: () => this.api.material(this.access.centreCode(), view.id, selected.code, version.version),
    };
  });
  protected readonly viewedSample = computed<ViewedFile | null>(() => {
    const sample = this.sample();
    const guideSample = sample ? this.guide()?.materials.find((m) => m.sampleDocument?.id === sample.id)?.sampleDocument : null;
    if (!sample || !guideSample) return null;
    return {
      key: sample.id,
      fileName: guideSample.fileName,
      mediaType: guideSample.mediaType,
      load: () => this.catalogue.sampleDocument(this.access.centreCode(), sample.id),
    };
  });
  protected readonly tickedCount = computed(() => Object.keys(this.drafts()).length);

  constructor() {
    effect(() => {
      const id = this.id();
      this.load(id);
    });
    effect((onCleanup) => {
      const id = this.id();
      const subscription = this.live.changes(this.access.centreCode(), id).subscribe({
        next: (event) => {
          this.liveState.set('live');
          if (event.event === 'changed') this.refresh({ key: 'case.live.updated' });
        },
        error: () => this.liveState.set('off'),
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected load(id: string): void {
    this.loading.set(true);
    this.loadError.set(null);
    const centre = this.access.centreCode();
    this.calendars
      .forCentre(centre)
      .pipe(catchError(() => of(null)), takeUntilDestroyed(this.destroyRef))
      .subscribe((calendar) => this.calendar.set(calendar));
    this.api
      .view(centre, id)
      .pipe(finalize(() => this.loading.set(false)), takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (view) => {
          this.show(view);
          this.catalogue
            .guide(centre, view.item.id)
            .pipe(catchError(() => of(null)), takeUntilDestroyed(this.destroyRef))
            .subscribe((guide) => this.guide.set(guide));
        },
        error: (error: unknown) => this.loadError.set(describeHttpError(error).message),
      });
  }

  /** Reloads the case after a change elsewhere, keeping the drafted notice. */
  protected refresh(announcement: Translatable | null = null): void {
    const view = this.view();
    if (!view) return;
    this.api
      .view(this.access.centreCode(), view.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (fresh) => {
          // Compared with what is shown when the answer arrives: the staff member's own action may
          // have landed meanwhile (its event can overtake its response), and an older answer must
          // never replace a newer view.
          const shown = this.view();
          if (shown && fresh.version < shown.version) return;
          const changed = !shown || fresh.version !== shown.version;
          this.show(fresh);
          if (announcement && changed) this.announcement.set(announcement);
        },
        error: (error: unknown) => this.actionError.set(describeHttpError(error).message),
      });
  }

  protected select(material: ApplicationMaterialView, version: number): void {
    this.selected.set({ code: material.code, version });
  }

  protected showSample(id: string, name: string): void {
    this.sample.set({ id, name });
  }

  protected isTicked(code: string): boolean {
    return code in this.drafts();
  }

  protected toggleDefect(code: string, ticked: boolean): void {
    const drafts = { ...this.drafts() };
    if (ticked) {
      const allowed = this.noticeStates().find((state) => state.code === code)?.allowedKinds ?? [];
      drafts[code] = { kind: allowed.length === 1 ? allowed[0] : null, explanation: '' };
    } else {
      delete drafts[code];
    }
    this.drafts.set(drafts);
    this.problems.set([]);
  }

  protected updateDraft(code: string, change: Partial<DraftRow>): void {
    const current = this.drafts()[code];
    if (!current) return;
    this.drafts.set({ ...this.drafts(), [code]: { ...current, ...change } });
  }

  /** A supervisor overriding the one-time rule may name any defect; a clerk only those still open. */
  protected kindChoices(allowed: readonly DefectKind[]): readonly DefectKind[] {
    return this.canOverride() && !this.canPreReview() ? ALL_DEFECT_KINDS : allowed;
  }

  protected problemOf(code: string): DraftProblem['problem'] | null {
    return this.problems().find((problem) => problem.materialCode === code)?.problem ?? null;
  }

  protected violationOf(code: string): NoticeViolation | null {
    return this.violations().find((violation) => violation.materialCode === code) ?? null;
  }

  protected openAction(action: DialogAction): void {
    const view = this.view();
    if (!view) return;
    let defects: ActionDialogData['defects'];
    if (action === 'return_with_notice' || action === 'return_with_override') {
      const list = this.draftList();
      const problems = draftProblems(list, action === 'return_with_override' ? this.noticeStates().map((s) => ({ ...s, open: true, allowedKinds: ALL_DEFECT_KINDS })) : this.noticeStates());
      this.problems.set(problems);
      if (problems.length > 0) {
        this.actionError.set({ key: problems[0].materialCode === null ? 'preReview.noDefects' : 'errors.formInvalid' });
        return;
      }
      const names = new Map(view.materials.map((m) => [m.code, m.name]));
      defects = defectsOf(list, this.noticeStates()).map((d) => ({ ...d, materialName: names.get(d.materialCode) ?? d.materialCode }));
    }
    this.actionError.set(null);
    const guide = this.guide();
    const version = view.version;
    const data: ActionDialogData = {
      action,
      view,
      calendar: this.calendar(),
      procedure: guide?.procedure?.steps ?? null,
      limits: guide ? { promised: guide.promisedLimit, legal: guide.legalLimit } : null,
      defects,
      submit: (input) => this.send(action, view.id, version, input, defects ?? []),
    };
    this.dialog
      .open<ActionDialogComponent, ActionDialogData, ActionDialogResult>(ActionDialogComponent, { data, autoFocus: 'first-tabbable', maxWidth: '720px' })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        if (result.outcome === 'done') {
          this.drafts.set({});
          this.violations.set([]);
          this.show(result.view);
          this.announcement.set({ key: 'case.actionDone' });
        } else if (result.outcome === 'stale') {
          this.refresh({ key: 'case.reloaded' });
        } else {
          this.violations.set(noticeViolationsOf(result.error));
          this.actionError.set(describeHttpError(result.error).message);
          this.refresh();
        }
      });
  }

  protected claim(): void {
    this.simple('claim');
  }

  protected confirmPaperArrival(): void {
    this.simple('confirm_paper_arrival');
  }

  private simple(action: 'claim' | 'confirm_paper_arrival'): void {
    const view = this.view();
    if (!view || this.working()) return;
    this.working.set(true);
    this.actionError.set(null);
    const body = action === 'claim' ? { version: view.version } : ({} as Record<string, never>);
    this.api
      .perform(this.access.centreCode(), view.id, action, body as never)
      .pipe(finalize(() => this.working.set(false)))
      .subscribe({
        next: (fresh) => this.show(fresh),
        error: (error: unknown) => {
          this.actionError.set(describeHttpError(error).message);
          if (isStaleVersion(error)) this.refresh();
        },
      });
  }

  private send(action: DialogAction, id: string, version: number, input: ActionInput, defects: ActionDialogData['defects'] & object): Observable<ApplicationView> {
    const centre = this.access.centreCode();
    const plainDefects = defects.map(({ materialCode, kind, explanation }) => ({ materialCode, kind, explanation }));
    const request = ((): [StaffAction, unknown] => {
      switch (action) {
        case 'accept':
          return ['accept', { version, comment: input.comment, owedMaterials: input.owedMaterials }];
        case 'return_with_notice':
          return ['return_with_notice', { version, defects: plainDefects }];
        case 'return_with_override':
          return ['return_with_override', { version, defects: plainDefects, overrideReason: input.overrideReason }];
        case 'not_accept':
          return ['not_accept', { version, reason: input.reason, legalBasis: input.legalBasis }];
        case 'start_special_procedure':
          return ['start_special_procedure', { version, kind: input.kind, reason: input.reason, capWorkingDays: input.capWorkingDays }];
        case 'end_special_procedure':
          return ['end_special_procedure', { version }];
        case 'complete':
          return ['complete', { version, comment: input.comment, deliveryMode: input.deliveryMode }];
        case 'pass_step':
        case 'approve':
          return [action, { version, comment: input.comment }];
        case 'return_step':
        case 'deny':
        case 'extend':
        case 'terminate':
          return [action, { version, reason: input.reason }];
      }
    })();
    if (!request) return EMPTY;
    return this.api.perform(centre, id, request[0], request[1] as never);
  }

  private draftList(): DefectDraft[] {
    return Object.entries(this.drafts()).map(([materialCode, row]) => ({ materialCode, kind: row.kind, explanation: row.explanation }));
  }

  private show(view: ApplicationView): void {
    this.view.set(view);
    const selected = this.selected();
    if (!selected || !view.materials.some((m) => m.code === selected.code)) {
      const first = view.materials.find((m) => m.versions.length > 0);
      this.selected.set(first ? { code: first.code, version: first.versions[first.versions.length - 1].version } : null);
    }
    // Drafts on materials that have since been locked are dropped (they could not be sent).
    // A supervisor's override may name locked materials on purpose.
    if (this.canOverride()) return;
    const open = new Set(materialNoticeStates(view).filter((s) => s.open).map((s) => s.code));
    this.drafts.set(Object.fromEntries(Object.entries(this.drafts()).filter(([code]) => open.has(code))));
  }
}
