import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, Injector, input, signal, viewChild } from '@angular/core';
import { FormArray, FormControl, FormGroup, NonNullableFormBuilder, ReactiveFormsModule, ValidatorFn, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MaterialCheckResult, VerificationTaskView } from '@zhengwu/shared/contracts';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable, TranslatableTextPipe } from '@zhengwu/web/shared/i18n';
import { FieldErrorPipe, focusFirstInvalidField, FormErrorComponent } from '@zhengwu/web/shared/ui';
import { VerificationTasksApi } from '@zhengwu/web/workbench/data-access';
import { finalize } from 'rxjs';
import { CHINA_OFFSET, INSTANT_FORMAT } from '../shared/dates';
import { FileViewerComponent, ViewedFile } from '../shared/file-viewer.component';
import { staffAccess } from '../shared/staff-access';

type Custody = 'returned_to_applicant' | 'forwarded';
const NOTE_MAX = 1000;
const COURIER_MAX = 100;

/** A mismatch must say what does not match (the API refuses it otherwise). */
const noteWhenMismatch: ValidatorFn = (group) => {
  const result = group.get('result')?.value as MaterialCheckResult | null;
  const note = String(group.get('note')?.value ?? '').trim();
  if (result === 'mismatch' && !note) {
    group.get('note')?.setErrors({ ...group.get('note')?.errors, required: true });
    return { noteRequired: true };
  }
  return null;
};

/**
 * One originals check (原件核验): the manifest and the applicant's identity summary, each uploaded
 * copy shown next to its result entry (match / mismatch with a note / not presented), the ID
 * check, and where the paper goes (back to the applicant, or forwarded with a courier number).
 * Completing signs the attestation, which is routed to the handling centre.
 */
@Component({
  selector: 'wb-originals-task-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    TranslocoPipe,
    TranslatableTextPipe,
    FieldErrorPipe,
    FormErrorComponent,
    FileViewerComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './originals-task.page.html',
})
export class OriginalsTaskPage {
  readonly taskId = input.required<string>();

  private readonly api = inject(VerificationTasksApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly injector = inject(Injector);
  protected readonly access = staffAccess();
  protected readonly instantFormat = INSTANT_FORMAT;
  protected readonly offset = CHINA_OFFSET;
  protected readonly results: readonly MaterialCheckResult[] = ['match', 'mismatch', 'not_presented'];
  protected readonly custodies: readonly Custody[] = ['returned_to_applicant', 'forwarded'];
  protected readonly noteMax = NOTE_MAX;
  protected readonly courierMax = COURIER_MAX;

  protected readonly task = signal<VerificationTaskView | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<Translatable | null>(null);
  protected readonly submitError = signal<Translatable | null>(null);
  protected readonly pending = signal(false);
  protected readonly viewing = signal<string | null>(null);

  protected readonly form = this.fb.group({
    materials: new FormArray<FormGroup<{ result: FormControl<MaterialCheckResult | null>; note: FormControl<string> }>>([]),
    identityChecked: [false, [Validators.requiredTrue]],
    custody: new FormControl<Custody | null>(null, [Validators.required]),
    courierNumber: ['', [Validators.maxLength(COURIER_MAX)]],
  });

  protected readonly viewedCopy = computed<ViewedFile | null>(() => {
    const task = this.task();
    const sha = this.viewing();
    const material = task?.materials.find((m) => m.sha256 === sha);
    if (!task || !material) return null;
    return {
      key: `${task.id}/${material.sha256}`,
      fileName: material.fileName,
      mediaType: material.mediaType,
      load: () => this.api.copy(this.access.centreCode(), task.id, material.sha256),
    };
  });

  private readonly formElement = viewChild<ElementRef<HTMLFormElement>>('formElement');
  private readonly errorBox = viewChild<FormErrorComponent>('submitErrorBox');

  constructor() {
    effect(() => this.load(this.taskId()));
    this.form.controls.custody.valueChanges.subscribe((custody) => {
      const courier = this.form.controls.courierNumber;
      courier.setValidators(custody === 'forwarded' ? [Validators.required, Validators.maxLength(COURIER_MAX)] : [Validators.maxLength(COURIER_MAX)]);
      courier.updateValueAndValidity();
    });
  }

  protected load(taskId: string): void {
    this.loading.set(true);
    this.error.set(null);
    this.api
      .view(this.access.centreCode(), taskId)
      .pipe(finalize(() => this.loading.set(false)))
      .subscribe({
        next: (task) => {
          this.task.set(task);
          this.viewing.set(task.materials[0]?.sha256 ?? null);
          this.form.controls.materials.clear();
          for (const _material of task.materials) {
            this.form.controls.materials.push(
              this.fb.group(
                { result: new FormControl<MaterialCheckResult | null>(null, [Validators.required]), note: ['', [Validators.maxLength(NOTE_MAX)]] },
                { validators: [noteWhenMismatch] },
              ),
            );
          }
        },
        error: (error: unknown) => this.error.set(describeHttpError(error).message),
      });
  }

  protected submit(): void {
    const task = this.task();
    const formElement = this.formElement();
    if (!task || !formElement || this.pending()) return;
    this.submitError.set(null);
    if (focusFirstInvalidField(this.form, formElement.nativeElement, this.injector)) {
      this.submitError.set({ key: 'errors.formInvalid' });
      return;
    }
    const value = this.form.getRawValue();
    this.pending.set(true);
    this.api
      .complete(this.access.centreCode(), task.id, {
        materials: task.materials.map((material, index) => {
          const entry = value.materials[index];
          const note = entry.note.trim();
          return { code: material.code, version: material.version, result: entry.result ?? 'not_presented', ...(note ? { note } : {}) };
        }),
        identityChecked: value.identityChecked,
        custody: value.custody ?? 'returned_to_applicant',
        ...(value.custody === 'forwarded' ? { courierNumber: value.courierNumber.trim() } : {}),
      })
      .pipe(finalize(() => this.pending.set(false)))
      .subscribe({
        next: (done) => this.task.set(done),
        error: (error: unknown) => {
          this.submitError.set(describeHttpError(error).message);
          this.errorBox()?.focus();
        },
      });
  }
}
