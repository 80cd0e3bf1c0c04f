import { ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, Injector, input, signal, viewChild } from '@angular/core';
import { FormArray, FormControl, FormGroup, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  CATALOGUE_CODE_PATTERN,
  PROCEDURE_MAX_STEPS,
  type ProcedureDraftView,
  type ProcedureStepDto,
  type SlaLintErrorView,
  STEP_POST_CODES,
  type StepPostValue,
} from '@zhengwu/shared/contracts';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable, TranslatableTextPipe } from '@zhengwu/web/shared/i18n';
import { FieldErrorPipe, focusFirstInvalidField, FormErrorComponent } from '@zhengwu/web/shared/ui';
import { CatalogueApi, lintErrorsByStep, slaLintErrorsOf } from '@zhengwu/web/workbench/data-access';
import { finalize, Observable, switchMap } from 'rxjs';
import { LabelPipe } from '../shared/label.pipe';
import { staffAccess } from '../shared/staff-access';

type StepForm = FormGroup<{
  code: FormControl<string>;
  name: FormControl<string>;
  post: FormControl<StepPostValue>;
  limitWorkingDays: FormControl<number>;
}>;

/**
 * A procedure version: its ordered steps (post and time limit each), editable while a draft. The
 * SLA lint's errors appear next to the step they name and above the table for the whole
 * procedure; publishing is refused (409 PROCEDURE_SLA_VIOLATION) while any remain.
 */
@Component({
  selector: 'wb-procedure-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    TranslatableTextPipe,
    FieldErrorPipe,
    FormErrorComponent,
    LabelPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './procedure.page.html',
})
export class ProcedurePage {
  readonly versionId = input.required<string>();

  private readonly api = inject(CatalogueApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly injector = inject(Injector);
  private readonly access = staffAccess();
  protected readonly posts = STEP_POST_CODES;
  protected readonly maxSteps = PROCEDURE_MAX_STEPS;

  protected readonly version = signal<ProcedureDraftView | null>(null);
  protected readonly lintErrors = signal<SlaLintErrorView[]>([]);
  protected readonly linted = signal(false);
  protected readonly loading = signal(false);
  protected readonly working = signal(false);
  protected readonly error = signal<Translatable | null>(null);
  protected readonly message = signal<Translatable | null>(null);
  protected readonly steps = new FormArray<StepForm>([]);
  protected readonly isDraft = computed(() => this.version()?.status === 'draft');
  protected readonly errorsByStep = computed(() => lintErrorsByStep(this.lintErrors()));
  protected readonly generalErrors = computed(() => this.errorsByStep().get(null) ?? []);
  private readonly formElement = viewChild<ElementRef<HTMLFormElement>>('formElement');
  private readonly errorBox = viewChild.required<FormErrorComponent>('errorBox');

  constructor() {
    effect(() => this.load(this.versionId()));
  }

  protected load(id: string): void {
    this.loading.set(true);
    this.error.set(null);
    this.api
      .procedureVersion(this.access.centreCode(), id)
      .pipe(finalize(() => this.loading.set(false)))
      .subscribe({
        next: (version) => this.show(version),
        error: (error: unknown) => this.error.set(describeHttpError(error).message),
      });
  }

  protected errorsOf(code: string): SlaLintErrorView[] {
    return this.errorsByStep().get(code) ?? [];
  }

  protected addStep(): void {
    if (this.steps.length >= PROCEDURE_MAX_STEPS) return;
    this.steps.push(this.stepForm({ code: '', name: '', post: 'reviewer', limitWorkingDays: 1 }));
  }

  protected removeStep(index: number): void {
    this.steps.removeAt(index);
  }

  protected move(index: number, by: -1 | 1): void {
    const target = index + by;
    if (target < 0 || target >= this.steps.length) return;
    const step = this.steps.at(index);
    this.steps.removeAt(index);
    this.steps.insert(target, step);
  }

  /** Saves the steps; the answer carries the lint, shown inline. */
  protected save(): void {
    this.run(() => this.saveSteps(), (draft) => {
      this.show(draft);
      this.message.set({ key: draft.lint.ok ? 'procedure.savedClean' : 'procedure.savedWithErrors' });
    });
  }

  protected lint(): void {
    this.run(
      () => this.saveSteps().pipe(switchMap(() => this.api.lint(this.access.centreCode(), this.versionId()))),
      (result) => {
        this.lintErrors.set(result.errors);
        this.linted.set(true);
        this.message.set({ key: result.ok ? 'procedure.lintOk' : 'procedure.lintFailed', params: { count: result.errors.length } });
      },
    );
  }

  /** Saves the steps, then publishes; a refusal names the offending steps inline. */
  protected publish(): void {
    this.run(
      () => this.saveSteps().pipe(switchMap(() => this.api.publish(this.access.centreCode(), this.versionId()))),
      () => {
        this.message.set({ key: 'procedure.published' });
        this.load(this.versionId());
      },
    );
  }

  private saveSteps(): Observable<ProcedureDraftView> {
    const steps: ProcedureStepDto[] = this.steps.getRawValue().map((step) => ({
      code: step.code.trim(),
      name: step.name.trim(),
      post: step.post,
      limitWorkingDays: Number(step.limitWorkingDays),
    }));
    return this.api.replaceSteps(this.access.centreCode(), this.versionId(), { steps });
  }

  private run<T>(request: () => Observable<T>, done: (result: T) => void): void {
    const formElement = this.formElement();
    if (this.working() || !formElement) return;
    this.error.set(null);
    this.message.set(null);
    if (focusFirstInvalidField(new FormGroup({ steps: this.steps }), formElement.nativeElement, this.injector)) {
      this.error.set({ key: 'errors.formInvalid' });
      return;
    }
    this.working.set(true);
    request()
      .pipe(finalize(() => this.working.set(false)))
      .subscribe({
        next: done,
        error: (error: unknown) => {
          const lint = slaLintErrorsOf(error);
          if (lint) {
            this.lintErrors.set(lint);
            this.linted.set(true);
          }
          this.error.set(describeHttpError(error).message);
          this.errorBox().focus();
        },
      });
  }

  private show(version: ProcedureDraftView): void {
    this.version.set(version);
    this.lintErrors.set(version.lint.errors);
    this.linted.set(true);
    this.steps.clear();
    for (const step of version.steps) this.steps.push(this.stepForm(step));
    if (version.status !== 'draft') this.steps.disable();
  }

  private stepForm(step: ProcedureStepDto): StepForm {
    return this.fb.group({
      code: [step.code, [Validators.required, Validators.pattern(CATALOGUE_CODE_PATTERN)]],
      name: [step.name, [Validators.required, Validators.maxLength(50)]],
      post: new FormControl<StepPostValue>(step.post, { nonNullable: true }),
      limitWorkingDays: new FormControl<number>(step.limitWorkingDays, {
        nonNullable: true,
        validators: [Validators.required, Validators.min(0), Validators.max(365), Validators.pattern(/^\d+$/)],
      }),
    });
  }
}
