import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  ACTION_LABELS,
  DEFECT_KIND_LABELS,
  DELIVERY_MODE_LABELS,
  DELIVERY_MODES,
  type DeliveryMode,
  SPECIAL_PROCEDURE_KINDS,
  SPECIAL_PROCEDURE_LABELS,
  type SpecialProcedureKind,
} from '@zhengwu/approval/domain';
import type { WorkingDayCalendar } from '@zhengwu/calendar/domain';
import type { ApplicationView, DefectDto, ProcedureStepView, TimeLimitView } from '@zhengwu/shared/contracts';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable, TranslatableTextPipe } from '@zhengwu/web/shared/i18n';
import { FieldErrorPipe, focusFirstInvalidField, FormErrorComponent } from '@zhengwu/web/shared/ui';
import { type DeadlineAction, deadlineEffects, isStaleVersion, noticeViolationsOf } from '@zhengwu/web/workbench/data-access';
import { finalize, Observable, startWith } from 'rxjs';
import { EffectTextPipe } from '../shared/effect-text.pipe';
import { LabelPipe } from '../shared/label.pipe';

export type DialogAction = DeadlineAction | 'return_with_override';

/** What the staff member typed; the page adds the version it showed them. */
export interface ActionInput {
  comment?: string;
  reason?: string;
  legalBasis?: string;
  overrideReason?: string;
  owedMaterials?: string[];
  kind?: SpecialProcedureKind;
  capWorkingDays?: number;
  deliveryMode?: DeliveryMode;
}

export interface ActionDialogData {
  action: DialogAction;
  view: ApplicationView;
  calendar: WorkingDayCalendar | null;
  procedure: readonly ProcedureStepView[] | null;
  limits: { promised: TimeLimitView; legal: TimeLimitView } | null;
  /** For returns: the defects of the notice, with material names. */
  defects?: Array<DefectDto & { materialName: string }>;
  /** Sends the request; the dialog shows progress and the server's refusal. */
  submit: (input: ActionInput) => Observable<ApplicationView>;
}

export type ActionDialogResult = { outcome: 'done'; view: ApplicationView } | { outcome: 'stale' } | { outcome: 'violations'; error: unknown };

const REASON_MIN = 2;
const TEXT_MAX = 2000;
/** Actions that must give a written reason (行政许可法 §38, §42; the status machine's `requires`). */
const NEEDS_REASON: readonly DialogAction[] = ['not_accept', 'return_step', 'deny', 'extend', 'terminate', 'start_special_procedure'];
const TAKES_COMMENT: readonly DialogAction[] = ['accept', 'pass_step', 'approve', 'complete'];

/**
 * Confirmation of one action on an application: what it will do to the deadlines (computed with
 * the centre's working-day calendar before anything is sent), the input it needs, and the
 * server's answer. A stale version closes the dialog so the page can reload.
 */
@Component({
  selector: 'wb-action-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    TranslatableTextPipe,
    FieldErrorPipe,
    FormErrorComponent,
    EffectTextPipe,
    LabelPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './action-dialog.component.html',
  styleUrl: './action-dialog.component.scss',
})
export class ActionDialogComponent {
  protected readonly data = inject<ActionDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ActionDialogComponent, ActionDialogResult>>(MatDialogRef);
  private readonly injector = inject(Injector);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly action = this.data.action;
  protected readonly actionLabel = this.action === 'return_with_override' ? ACTION_LABELS.return_with_notice : ACTION_LABELS[this.action];
  protected readonly needsReason = NEEDS_REASON.includes(this.action);
  protected readonly takesComment = TAKES_COMMENT.includes(this.action);
  protected readonly specialKinds = SPECIAL_PROCEDURE_KINDS;
  protected readonly specialLabels = SPECIAL_PROCEDURE_LABELS;
  protected readonly deliveryModes = DELIVERY_MODES;
  protected readonly deliveryLabels = DELIVERY_MODE_LABELS;
  protected readonly defectLabels = DEFECT_KIND_LABELS;
  protected readonly deferrable = this.data.view.materials.filter((m) => m.deferrable);
  protected readonly textMax = TEXT_MAX;

  protected readonly form = this.fb.group({
    comment: ['', [Validators.maxLength(TEXT_MAX)]],
    reason: ['', this.needsReason ? [Validators.required, Validators.minLength(REASON_MIN), Validators.maxLength(TEXT_MAX)] : []],
    legalBasis: ['', this.action === 'not_accept' ? [Validators.required, Validators.minLength(REASON_MIN), Validators.maxLength(TEXT_MAX)] : []],
    overrideReason: ['', this.action === 'return_with_override' ? [Validators.required, Validators.minLength(5), Validators.maxLength(TEXT_MAX)] : []],
    kind: new FormControl<SpecialProcedureKind | null>(null, this.action === 'start_special_procedure' ? [Validators.required] : []),
    capWorkingDays: new FormControl<number | null>(
      this.action === 'start_special_procedure' ? 10 : null,
      this.action === 'start_special_procedure' ? [Validators.required, Validators.min(1), Validators.max(250), Validators.pattern(/^\d+$/)] : [],
    ),
    deliveryMode: new FormControl<DeliveryMode | null>(null),
    owed: this.fb.group(Object.fromEntries(this.deferrable.map((m) => [m.code, false]))),
  });

  private readonly cap = toSignal(this.form.controls.capWorkingDays.valueChanges.pipe(startWith(this.form.controls.capWorkingDays.value)));
  protected readonly effects = computed(() => {
    const { calendar } = this.data;
    if (!calendar || this.action === 'return_with_override') {
      return this.action === 'return_with_override' ? [{ kind: 'clock_stays_stopped' as const }] : null;
    }
    const cap = Number(this.cap());
    return deadlineEffects({
      action: this.action,
      view: this.data.view,
      calendar,
      now: new Date(),
      procedure: this.data.procedure,
      limits: this.data.limits,
      capWorkingDays: Number.isSafeInteger(cap) ? cap : undefined,
    });
  });

  protected readonly pending = signal(false);
  protected readonly error = signal<Translatable | null>(null);
  protected readonly stale = signal(false);
  private readonly formElement = viewChild.required<ElementRef<HTMLFormElement>>('formElement');
  private readonly errorBox = viewChild.required<FormErrorComponent>('errorBox');

  protected confirm(): void {
    if (this.pending()) return;
    this.error.set(null);
    if (focusFirstInvalidField(this.form, this.formElement().nativeElement, this.injector)) return;
    const value = this.form.getRawValue();
    const input: ActionInput = {};
    if (this.takesComment && value.comment.trim()) input.comment = value.comment.trim();
    if (this.needsReason) input.reason = value.reason.trim();
    if (this.action === 'not_accept') input.legalBasis = value.legalBasis.trim();
    if (this.action === 'return_with_override') input.overrideReason = value.overrideReason.trim();
    if (this.action === 'start_special_procedure') {
      input.kind = value.kind ?? undefined;
      input.capWorkingDays = Number(value.capWorkingDays);
    }
    if (this.action === 'complete' && value.deliveryMode) input.deliveryMode = value.deliveryMode;
    if (this.action === 'accept') {
      const owed = Object.entries(value.owed).filter(([, ticked]) => ticked).map(([code]) => code);
      if (owed.length > 0) input.owedMaterials = owed;
    }
    this.pending.set(true);
    this.data
      .submit(input)
      .pipe(finalize(() => this.pending.set(false)))
      .subscribe({
        next: (view) => this.dialogRef.close({ outcome: 'done', view }),
        error: (error: unknown) => {
          if (noticeViolationsOf(error).length > 0) {
            this.dialogRef.close({ outcome: 'violations', error });
            return;
          }
          this.stale.set(isStaleVersion(error));
          this.error.set(describeHttpError(error).message);
          this.errorBox().focus();
        },
      });
  }

  protected reload(): void {
    this.dialogRef.close({ outcome: 'stale' });
  }
}
