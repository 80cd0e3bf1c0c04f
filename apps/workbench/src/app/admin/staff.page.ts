import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, inject, Injector, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  MOBILE_PATTERN,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PERSON_NAME_MAX_LENGTH,
  PERSON_NAME_MIN_LENGTH,
  Permission,
  STAFF_ROLES,
  type StaffProfile,
  StaffRole,
} from '@zhengwu/shared/contracts';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable, TranslatableTextPipe } from '@zhengwu/web/shared/i18n';
import { applyServerFieldErrors, FieldErrorPipe, focusFirstInvalidField, FormErrorComponent } from '@zhengwu/web/shared/ui';
import { StaffAccountsApi } from '@zhengwu/web/workbench/data-access';
import { finalize } from 'rxjs';
import { CHINA_OFFSET, INSTANT_FORMAT } from '../shared/dates';
import { staffAccess } from '../shared/staff-access';

/** The username rule of CreateStaffRequest. */
const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{1,49}$/;

/** Staff accounts of the centre: the list (supervisors and admins) and new accounts (admins). */
@Component({
  selector: 'wb-staff-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    TranslatableTextPipe,
    FieldErrorPipe,
    FormErrorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './staff.page.html',
})
export class StaffPage {
  private readonly api = inject(StaffAccountsApi);
  private readonly injector = inject(Injector);
  protected readonly access = staffAccess();
  protected readonly canManage = this.access.can(Permission.StaffManage);
  protected readonly instantFormat = INSTANT_FORMAT;
  protected readonly offset = CHINA_OFFSET;
  protected readonly allRoles = STAFF_ROLES;

  protected readonly staff = signal<StaffProfile[] | null>(null);
  protected readonly loadError = signal<Translatable | null>(null);
  protected readonly error = signal<Translatable | null>(null);
  protected readonly created = signal<string | null>(null);
  protected readonly pending = signal(false);

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', [Validators.required, Validators.pattern(USERNAME_PATTERN)]],
    name: ['', [Validators.required, Validators.minLength(PERSON_NAME_MIN_LENGTH), Validators.maxLength(PERSON_NAME_MAX_LENGTH)]],
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)]],
    mobile: ['', [Validators.pattern(MOBILE_PATTERN)]],
    roles: inject(NonNullableFormBuilder).group(Object.fromEntries(STAFF_ROLES.map((role) => [role, new FormControl(false, { nonNullable: true })]))),
  });
  protected readonly rolesError = signal(false);
  private readonly formElement = viewChild<ElementRef<HTMLFormElement>>('formElement');
  private readonly errorBox = viewChild<FormErrorComponent>('errorBox');

  constructor() {
    this.load();
    this.form.controls.roles.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.rolesError.set(false));
  }

  protected load(): void {
    this.loadError.set(null);
    this.api.list(this.access.centreCode()).subscribe({
      next: (list) => this.staff.set(list),
      error: (error: unknown) => this.loadError.set(describeHttpError(error).message),
    });
  }

  protected submit(): void {
    const formElement = this.formElement();
    if (!formElement || this.pending()) return;
    this.error.set(null);
    this.created.set(null);
    const value = this.form.getRawValue();
    const roles = STAFF_ROLES.filter((role) => value.roles[role]);
    this.rolesError.set(roles.length === 0);
    if (focusFirstInvalidField(this.form, formElement.nativeElement, this.injector) || roles.length === 0) {
      this.error.set({ key: 'errors.formInvalid' });
      return;
    }
    this.pending.set(true);
    this.api
      .create(this.access.centreCode(), {
        username: value.username.trim(),
        name: value.name.trim(),
        password: value.password,
        roles: roles as StaffRole[],
        ...(value.mobile.trim() ? { mobile: value.mobile.trim() } : {}),
      })
      .pipe(finalize(() => this.pending.set(false)))
      .subscribe({
        next: (profile) => {
          this.created.set(profile.username);
          this.form.reset();
          this.load();
        },
        error: (error: unknown) => {
          const described = describeHttpError(error);
          applyServerFieldErrors(this.form, described.fieldErrors);
          this.error.set(described.message);
          this.errorBox()?.focus();
        },
      });
  }
}
