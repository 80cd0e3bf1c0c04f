import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, ElementRef, inject, Injector, input, output, signal, viewChild } from '@angular/core';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { CATALOGUE_CODE_PATTERN, type MaterialView, type SampleDocumentView } from '@zhengwu/shared/contracts';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable, TranslatableTextPipe } from '@zhengwu/web/shared/i18n';
import { applyServerFieldErrors, FieldErrorPipe, focusFirstInvalidField, FormErrorComponent } from '@zhengwu/web/shared/ui';
import { CatalogueApi } from '@zhengwu/web/workbench/data-access';
import { finalize } from 'rxjs';
import { staffAccess } from '../shared/staff-access';

/** What the API takes as a sample document (checked again on the server by content). */
export const SAMPLE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
export const SAMPLE_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Adds a material requirement to an item or changes one (its code stays), with its sample document
 * (示范文本): pick one of the centre's or upload a new PDF/JPEG/PNG (type and size checked before
 * upload, progress shown).
 */
@Component({
  selector: 'wb-material-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    TranslatableTextPipe,
    FieldErrorPipe,
    FormErrorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './material-form.component.html',
})
export class MaterialFormComponent {
  readonly itemId = input.required<string>();
  readonly material = input<MaterialView | null>(null);
  readonly samples = input<readonly SampleDocumentView[]>([]);
  readonly saved = output<MaterialView>();
  readonly sampleUploaded = output<SampleDocumentView>();
  readonly cancelled = output<void>();

  private readonly api = inject(CatalogueApi);
  private readonly injector = inject(Injector);
  private readonly access = staffAccess();
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    code: ['', [Validators.required, Validators.pattern(CATALOGUE_CODE_PATTERN)]],
    name: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(200)]],
    description: ['', [Validators.maxLength(2000)]],
    required: [true],
    originalCount: new FormControl(1, { nonNullable: true, validators: [Validators.required, Validators.min(0), Validators.max(20)] }),
    copyCount: new FormControl(1, { nonNullable: true, validators: [Validators.required, Validators.min(0), Validators.max(20)] }),
    deferrable: [false],
    commitmentAllowed: [false],
    sampleDocumentId: new FormControl<string | null>(null),
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<Translatable | null>(null);
  protected readonly uploadProgress = signal<number | null>(null);
  protected readonly uploadError = signal<Translatable | null>(null);
  private readonly formElement = viewChild.required<ElementRef<HTMLFormElement>>('formElement');
  private readonly errorBox = viewChild.required<FormErrorComponent>('errorBox');

  constructor() {
    effect(() => {
      const material = this.material();
      if (material) {
        this.form.reset({
          code: material.code,
          name: material.name,
          description: material.description,
          required: material.required,
          originalCount: material.originalCount,
          copyCount: material.copyCount,
          deferrable: material.deferrable,
          commitmentAllowed: material.commitmentAllowed,
          sampleDocumentId: material.sampleDocument?.id ?? null,
        });
        this.form.controls.code.disable();
      }
    });
  }

  protected upload(event: Event): void {
    const field = event.target as HTMLInputElement;
    const file = field.files?.[0];
    field.value = '';
    this.uploadError.set(null);
    if (!file) return;
    if (!SAMPLE_TYPES.includes(file.type)) {
      this.uploadError.set({ key: 'materialForm.sampleType' });
      return;
    }
    if (file.size > SAMPLE_MAX_BYTES) {
      this.uploadError.set({ key: 'materialForm.sampleSize' });
      return;
    }
    this.uploadProgress.set(0);
    this.api
      .uploadSampleDocument(this.access.centreCode(), file)
      .pipe(finalize(() => this.uploadProgress.set(null)))
      .subscribe({
        next: (httpEvent) => {
          if (httpEvent.type === HttpEventType.UploadProgress && httpEvent.total) {
            this.uploadProgress.set(Math.round((100 * httpEvent.loaded) / httpEvent.total));
          } else if (httpEvent.type === HttpEventType.Response && httpEvent.body) {
            this.sampleUploaded.emit(httpEvent.body);
            this.form.controls.sampleDocumentId.setValue(httpEvent.body.id);
          }
        },
        error: (error: unknown) => this.uploadError.set(describeHttpError(error).message),
      });
  }

  protected submit(): void {
    if (this.pending()) return;
    this.error.set(null);
    if (focusFirstInvalidField(this.form, this.formElement().nativeElement, this.injector)) {
      this.error.set({ key: 'errors.formInvalid' });
      return;
    }
    const v = this.form.getRawValue();
    const body = {
      name: v.name.trim(),
      description: v.description,
      required: v.required,
      originalCount: Number(v.originalCount),
      copyCount: Number(v.copyCount),
      deferrable: v.deferrable,
      commitmentAllowed: v.commitmentAllowed,
      sampleDocumentId: v.sampleDocumentId,
    };
    const centre = this.access.centreCode();
    const existing = this.material();
    this.pending.set(true);
    (existing
      ? this.api.updateMaterial(centre, this.itemId(), existing.id, body)
      : this.api.createMaterial(centre, this.itemId(), { ...body, code: v.code.trim() })
    )
      .pipe(finalize(() => this.pending.set(false)))
      .subscribe({
        next: (material) => this.saved.emit(material),
        error: (error: unknown) => {
          const described = describeHttpError(error);
          applyServerFieldErrors(this.form, described.fieldErrors);
          this.error.set(described.message);
          this.errorBox().focus();
        },
      });
  }
}
