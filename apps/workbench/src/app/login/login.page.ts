import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { type CentreSummary, PASSWORD_MAX_LENGTH } from '@zhengwu/shared/contracts';
import {
  AuthStore,
  CentresApi,
  DeploymentDirectory,
  describeHttpError,
  findCentre,
  safeReturnUrl,
  searchCentres,
  StaffAuthApi,
} from '@zhengwu/web/shared/auth';
import { Translatable, TranslatableTextPipe } from '@zhengwu/web/shared/i18n';
import { FieldErrorPipe, focusFirstInvalidField, FormErrorComponent } from '@zhengwu/web/shared/ui';
import { combineLatest, finalize, map } from 'rxjs';
import { CentreFieldValue, centreSelectedValidator, isCentre } from './centre.validator';

const OPTION_LIMIT = 30;
// Staff log in at the same centre every day: remember the last one on this computer.
const LAST_CENTRE_KEY = 'zhengwu.workbench.lastCentre';
// Lengths of StaffLoginRequest.username (the contracts do not export them).
const USERNAME_MIN_LENGTH = 2;
const USERNAME_MAX_LENGTH = 50;

@Component({
  selector: 'wb-login-page',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
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
  readonly returnUrl = input<string>();

  private readonly api = inject(StaffAuthApi);
  private readonly centresApi = inject(CentresApi);
  private readonly directory = inject(DeploymentDirectory);
  private readonly destroyRef = inject(DestroyRef);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly storage = inject(DOCUMENT).defaultView?.localStorage;
  protected readonly store = inject(AuthStore);

  protected readonly form = inject(NonNullableFormBuilder).group({
    centre: new FormControl<CentreFieldValue>('', {
      nonNullable: true,
      validators: [Validators.required, centreSelectedValidator],
    }),
    username: [
      '',
      [Validators.required, Validators.minLength(USERNAME_MIN_LENGTH), Validators.maxLength(USERNAME_MAX_LENGTH)],
    ],
    password: ['', [Validators.required, Validators.maxLength(PASSWORD_MAX_LENGTH)]],
  });
  protected readonly centres = signal<readonly CentreSummary[] | null>(null);
  protected readonly pending = signal(false);
  protected readonly error = signal<Translatable | null>(null);
  protected readonly centresError = signal<Translatable | null>(null);

  private readonly centreText = toSignal(
    this.form.controls.centre.valueChanges.pipe(map((value) => (isCentre(value) ? '' : value))),
    { initialValue: '' },
  );
  /** Typed text filters by name or code; with nothing typed, the province and city centres. */
  protected readonly options = computed(() => {
    const centres = this.centres() ?? [];
    const text = this.centreText();
    return text.trim()
      ? searchCentres(centres, text, OPTION_LIMIT).map((match) => match.centre)
      : centres.filter((centre) => centre.level !== 'county');
  });

  private readonly formElement = viewChild.required<ElementRef<HTMLFormElement>>('formElement');
  private readonly formError = viewChild.required<FormErrorComponent>('loginError');

  constructor() {
    this.destroyRef.onDestroy(() => this.store.acknowledgeExpiry());
    this.loadCentres();
  }

  protected readonly displayCentre = (value: CentreFieldValue | null): string =>
    isCentre(value) ? `${value.name} ${value.code}` : (value ?? '');

  protected loadCentres(): void {
    this.centresError.set(null);
    // Staff tokens are issued, and valid, only where the centre is hosted: offer those centres.
    combineLatest([this.centresApi.list(), this.directory.load()])
      .pipe(
        map(([centres, directory]) => centres.filter((centre) => directory.baseFor(centre.code) === '')),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (centres) => {
          this.centres.set(centres);
          this.restoreLastCentre(centres);
        },
        error: (error: unknown) => this.centresError.set(describeHttpError(error).message),
      });
  }

  /** Typed an exact code or a unique name without picking from the list: take it. */
  protected resolveTypedCentre(): void {
    const control = this.form.controls.centre;
    const centres = this.centres();
    if (typeof control.value !== 'string' || !centres) return;
    const centre = findCentre(centres, control.value);
    if (centre) control.setValue(centre);
  }

  protected submit(): void {
    if (this.pending()) return;
    this.error.set(null);
    this.resolveTypedCentre();
    if (focusFirstInvalidField(this.form, this.formElement().nativeElement, this.injector)) return;

    const { centre, username, password } = this.form.getRawValue();
    if (!isCentre(centre)) return; // the validator has already refused it
    this.pending.set(true);
    this.api
      .login({ centreCode: centre.code, username: username.trim(), password })
      .pipe(finalize(() => this.pending.set(false)))
      .subscribe({
        next: (response) => {
          this.remember(centre.code);
          this.store.startStaffSession(response);
          void this.router.navigateByUrl(safeReturnUrl(this.returnUrl(), '/'));
        },
        error: (error: unknown) => {
          this.error.set(describeHttpError(error).message);
          this.formError().focus();
        },
      });
  }

  private restoreLastCentre(centres: readonly CentreSummary[]): void {
    const control = this.form.controls.centre;
    if (control.value !== '') return;
    let code: string | null | undefined;
    try {
      code = this.storage?.getItem(LAST_CENTRE_KEY);
    } catch {
      code = null;
    }
    const centre = code ? centres.find((candidate) => candidate.code === code) : undefined;
    if (centre) control.setValue(centre);
  }

  private remember(code: string): void {
    try {
      this.storage?.setItem(LAST_CENTRE_KEY, code);
    } catch {
      // Not remembering is fine.
    }
  }
}
