import { ChangeDetectionStrategy, Component, ElementRef, inject, Injector, output, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  type ApplicantTokenResponse,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PERSON_NAME_MAX_LENGTH,
  PERSON_NAME_MIN_LENGTH,
} from '@zhengwu/shared/contracts';
import { normaliseResidentIdNumber } from '@zhengwu/shared/util';
import { ApplicantAuthApi } from '@zhengwu/web/shared/auth';
import { Translatable, TranslatableTextPipe } from '@zhengwu/web/shared/i18n';
import {
  FieldErrorPipe,
  focusFirstInvalidField,
  FormErrorComponent,
  matchesControl,
  mobileValidator,
  residentIdNumberValidator,
} from '@zhengwu/web/shared/ui';
import { finalize } from 'rxjs';
import { revalidateOnChange, showRegistrationFailure } from './registration-form';

const NAME_MIN_LENGTH = PERSON_NAME_MIN_LENGTH;
const NAME_MAX_LENGTH = PERSON_NAME_MAX_LENGTH;

@Component({
  selector: 'portal-natural-person-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    TranslatableTextPipe,
    FieldErrorPipe,
    FormErrorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './natural-person-form.component.html',
})
export class NaturalPersonFormComponent {
  readonly registered = output<ApplicantTokenResponse>();

  private readonly api = inject(ApplicantAuthApi);
  private readonly injector = inject(Injector);
  protected readonly passwordLength = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.minLength(NAME_MIN_LENGTH), Validators.maxLength(NAME_MAX_LENGTH)]],
    idNumber: ['', [Validators.required, residentIdNumberValidator]],
    mobile: ['', [Validators.required, mobileValidator]],
    password: [
      '',
      [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
    ],
    passwordConfirm: ['', [Validators.required, matchesControl('password')]],
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<Translatable | null>(null);

  private readonly formElement = viewChild.required<ElementRef<HTMLFormElement>>('formElement');
  private readonly formError = viewChild.required(FormErrorComponent);

  constructor() {
    revalidateOnChange(this.form.controls.password, this.form.controls.passwordConfirm);
  }

  protected submit(): void {
    if (this.pending()) return;
    this.error.set(null);
    if (focusFirstInvalidField(this.form, this.formElement().nativeElement, this.injector)) return;

    const { name, idNumber, mobile, password } = this.form.getRawValue();
    this.pending.set(true);
    this.api
      .registerNaturalPerson({
        name: name.trim(),
        idNumber: normaliseResidentIdNumber(idNumber),
        mobile: mobile.trim(),
        password,
      })
      .pipe(finalize(() => this.pending.set(false)))
      .subscribe({
        next: (response) => this.registered.emit(response),
        error: (error: unknown) =>
          showRegistrationFailure(error, {
            form: this.form,
            formElement: this.formElement(),
            formError: this.formError(),
            error: this.error,
            injector: this.injector,
          }),
      });
  }
}
