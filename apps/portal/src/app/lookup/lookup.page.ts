import { ChangeDetectionStrategy, Component, ElementRef, inject, Injector, input, OnInit, signal, viewChild } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { PublicCaseView } from '@zhengwu/shared/contracts';
import { ApplicationsApi } from '@zhengwu/web/approval/data-access';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { LocalDatePipe, Translatable, TranslatableTextPipe } from '@zhengwu/web/shared/i18n';
import { FieldErrorPipe, focusFirstInvalidField, FormErrorComponent } from '@zhengwu/web/shared/ui';
import { finalize } from 'rxjs';
import { CentreNamePipe } from '../shared/directory';
import { StatusChipComponent } from '../shared/status-chip.component';

/** 办件编号 as the server checks it: 22 digits and a check character (digit or X). */
export const CASE_NUMBER_PATTERN = /^\d{22}[0-9X]$/;
/** 查询码: the 8 characters printed on the receipt. */
export const QUERY_CODE_PATTERN = /^[A-Za-z0-9]{8}$/;

/** People paste numbers with spaces around them; a lower-case x is the same check character. */
function trimmedPattern(pattern: RegExp): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const value = control.value.trim();
    return value === '' || pattern.test(pattern === CASE_NUMBER_PATTERN ? value.toUpperCase() : value) ? null : { format: true };
  };
}

/**
 * 办件查询: anyone holding the receipt (case number and query code) sees where a case stands,
 * without signing in and without any personal data. The case number may come in the URL
 * (`/lookup?caseNumber=…`, e.g. from a QR code on the receipt); the query code never does.
 */
@Component({
  selector: 'portal-lookup-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    TranslatableTextPipe,
    LocalDatePipe,
    FieldErrorPipe,
    FormErrorComponent,
    StatusChipComponent,
    CentreNamePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './lookup.page.html',
})
export class LookupPage implements OnInit {
  readonly caseNumber = input<string>();

  private readonly api = inject(ApplicationsApi);
  private readonly injector = inject(Injector);
  protected readonly form = inject(NonNullableFormBuilder).group({
    caseNumber: ['', [Validators.required, trimmedPattern(CASE_NUMBER_PATTERN)]],
    queryCode: ['', [Validators.required, trimmedPattern(QUERY_CODE_PATTERN)]],
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<Translatable | null>(null);
  protected readonly result = signal<PublicCaseView | null>(null);
  private readonly formElement = viewChild.required<ElementRef<HTMLFormElement>>('formElement');
  private readonly formError = viewChild.required(FormErrorComponent);

  ngOnInit(): void {
    const fromUrl = this.caseNumber()?.trim();
    if (fromUrl) this.form.controls.caseNumber.setValue(fromUrl);
  }

  protected submit(): void {
    if (this.pending()) return;
    this.error.set(null);
    if (focusFirstInvalidField(this.form, this.formElement().nativeElement, this.injector)) return;
    const { caseNumber, queryCode } = this.form.getRawValue();
    this.pending.set(true);
    this.result.set(null);
    this.api
      .publicLookup(caseNumber.trim().toUpperCase(), queryCode.trim())
      .pipe(finalize(() => this.pending.set(false)))
      .subscribe({
        next: (view) => this.result.set(view),
        error: (error: unknown) => {
          this.error.set(describeHttpError(error).message);
          this.formError().focus();
        },
      });
  }
}
