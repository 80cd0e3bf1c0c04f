import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, inject, Injector, input, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { PASSWORD_MAX_LENGTH } from '@zhengwu/shared/contracts';
import { normaliseUscc } from '@zhengwu/shared/util';
import { ApplicantAuthApi, AuthStore, describeHttpError, safeReturnUrl } from '@zhengwu/web/shared/auth';
import { Translatable, TranslatableTextPipe } from '@zhengwu/web/shared/i18n';
import { FieldErrorPipe, focusFirstInvalidField, FormErrorComponent, loginIdentifierValidator } from '@zhengwu/web/shared/ui';
import { finalize } from 'rxjs';

/**
 * 18-character identifiers are ID numbers or USCCs, both stored upper-case (the `x` of an ID
 * number included); mobile numbers have no letters. `normaliseUscc` does exactly that.
 */
export function normaliseLoginIdentifier(value: string): string {
  const trimmed = value.trim();
  return trimmed.length === 18 ? normaliseUscc(trimmed) : trimmed;
}

@Component({
  selector: 'portal-login-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
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
  templateUrl: './login.page.html',
})
export class LoginPage {
  /** From the query string (router input binding); checked by `safeReturnUrl` before use. */
  readonly returnUrl = input<string>();

  private readonly api = inject(ApplicantAuthApi);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  protected readonly store = inject(AuthStore);

  protected readonly form = inject(NonNullableFormBuilder).group({
    identifier: ['', [Validators.required, loginIdentifierValidator]],
    password: ['', [Validators.required, Validators.maxLength(PASSWORD_MAX_LENGTH)]],
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<Translatable | null>(null);

  private readonly formElement = viewChild.required<ElementRef<HTMLFormElement>>('formElement');
  private readonly formError = viewChild.required(FormErrorComponent);

  constructor() {
    // The "session expired" notice belongs to this visit of the login page only.
    inject(DestroyRef).onDestroy(() => this.store.acknowledgeExpiry());
  }

  protected submit(): void {
    if (this.pending()) return;
    this.error.set(null);
    if (focusFirstInvalidField(this.form, this.formElement().nativeElement, this.injector)) return;

    const { identifier, password } = this.form.getRawValue();
    this.pending.set(true);
    this.api
      .login({ identifier: normaliseLoginIdentifier(identifier), password })
      .pipe(finalize(() => this.pending.set(false)))
      .subscribe({
        next: (response) => {
          this.store.startApplicantSession(response);
          void this.router.navigateByUrl(safeReturnUrl(this.returnUrl(), '/me'));
        },
        error: (error: unknown) => {
          this.error.set(describeHttpError(error).message);
          this.formError().focus();
        },
      });
  }
}
