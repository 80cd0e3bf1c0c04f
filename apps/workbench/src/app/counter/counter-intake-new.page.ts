import { ChangeDetectionStrategy, Component, computed, DestroyRef, ElementRef, inject, Injector, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { type CentreSummary, type ItemSummary, ORGANISATION_NAME_MAX_LENGTH, PERSON_NAME_MIN_LENGTH } from '@zhengwu/shared/contracts';
import { CentresApi, describeHttpError, findCentre, searchCentres } from '@zhengwu/web/shared/auth';
import { Translatable, TranslatableTextPipe } from '@zhengwu/web/shared/i18n';
import { applyServerFieldErrors, FieldErrorPipe, focusFirstInvalidField, FormErrorComponent, mobileValidator, residentIdNumberValidator, usccValidator } from '@zhengwu/web/shared/ui';
import { CatalogueApi, CounterIntakesApi } from '@zhengwu/web/workbench/data-access';
import { catchError, distinctUntilChanged, finalize, map, of, startWith, switchMap } from 'rxjs';
import { CentreFieldValue, centreSelectedValidator, isCentre } from '../login/centre.validator';
import { staffAccess } from '../shared/staff-access';

type ApplicantKind = 'natural_person' | 'legal_person';
const OPTION_LIMIT = 30;
const DESCRIPTION_MAX = 500;

/**
 * Starts a counter intake: the item (of this centre or any other, found by the centre's name or
 * code), the walk-in applicant as read from their ID card or business licence, the delivery of the
 * result and what they ask for. Scans, the originals check and forwarding follow on the intake's
 * own page.
 */
@Component({
  selector: 'wb-counter-intake-new-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    TranslocoPipe,
    TranslatableTextPipe,
    FieldErrorPipe,
    FormErrorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p><a routerLink="/counter">{{ 'counter.back' | transloco }}</a></p>
    <h1 class="zw-page-title">{{ 'counter.newHeading' | transloco }}</h1>
    <form #formElement class="zw-form" [formGroup]="form" (ngSubmit)="submit()" [attr.aria-busy]="pending()" novalidate>
      <fieldset>
        <legend class="wb-section-title">{{ 'counter.itemLegend' | transloco }}</legend>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'counter.itemCentre' | transloco }}</mat-label>
          <!-- While the panel is open a blur means an option is being pressed: resolving the typed text then
               would re-render the options under the pointer and lose the click. -->
          <input
            matInput
            formControlName="centre"
            [matAutocomplete]="centreOptions"
            #centreTrigger="matAutocompleteTrigger"
            (blur)="centreTrigger.panelOpen || resolveTypedCentre()"
            spellcheck="false"
          />
          <mat-autocomplete #centreOptions="matAutocomplete" [displayWith]="displayCentre" (closed)="resolveTypedCentre()" autoActiveFirstOption>
            @for (centre of centreOptionsList(); track centre.code) {
              <mat-option [value]="centre">{{ centre.name }} {{ centre.code }}</mat-option>
            }
          </mat-autocomplete>
          <mat-hint>{{ 'counter.itemCentreHint' | transloco }}</mat-hint>
          <mat-error>{{ form.controls.centre.errors | zwFieldError | zwText }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'counter.item' | transloco }}</mat-label>
          <mat-select formControlName="item">
            @for (item of items(); track item.id) {
              <mat-option [value]="item">{{ item.name }}</mat-option>
            }
          </mat-select>
          <mat-hint>{{ (itemsLoading() ? 'common.loading' : 'counter.itemHint') | transloco }}</mat-hint>
          <mat-error>{{ form.controls.item.errors | zwFieldError | zwText }}</mat-error>
        </mat-form-field>
      </fieldset>

      <fieldset>
        <legend class="wb-section-title">{{ 'counter.applicantLegend' | transloco }}</legend>
        <p id="kind-label">{{ 'counter.kind' | transloco }}</p>
        <mat-radio-group formControlName="kind" aria-labelledby="kind-label">
          <mat-radio-button value="natural_person">{{ 'originals.kind.natural_person' | transloco }}</mat-radio-button>
          <mat-radio-button value="legal_person">{{ 'originals.kind.legal_person' | transloco }}</mat-radio-button>
        </mat-radio-group>
        <mat-form-field appearance="outline">
          <mat-label>{{ (kind() === 'legal_person' ? 'counter.orgName' : 'counter.personName') | transloco }}</mat-label>
          <input matInput formControlName="name" autocomplete="off" [attr.maxlength]="nameMax" />
          <mat-error>{{ form.controls.name.errors | zwFieldError | zwText }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ (kind() === 'legal_person' ? 'counter.uscc' : 'counter.idNumber') | transloco }}</mat-label>
          <input matInput formControlName="identityNumber" autocomplete="off" spellcheck="false" />
          <mat-error>{{ form.controls.identityNumber.errors | zwFieldError | zwText }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'counter.mobile' | transloco }}</mat-label>
          <input matInput formControlName="mobile" inputmode="numeric" autocomplete="off" />
          <mat-error>{{ form.controls.mobile.errors | zwFieldError | zwText }}</mat-error>
        </mat-form-field>
      </fieldset>

      <mat-form-field appearance="outline">
        <mat-label>{{ 'counter.description' | transloco }}</mat-label>
        <textarea matInput formControlName="description" rows="3" [attr.maxlength]="descriptionMax"></textarea>
        <mat-error>{{ form.controls.description.errors | zwFieldError | zwText }}</mat-error>
      </mat-form-field>
      <p id="delivery-label">{{ 'counter.delivery' | transloco }}</p>
      <mat-radio-group formControlName="deliveryMode" aria-labelledby="delivery-label">
        <mat-radio-button value="window">{{ 'counter.deliveryMode.window' | transloco }}</mat-radio-button>
        <mat-radio-button value="post">{{ 'counter.deliveryMode.post' | transloco }}</mat-radio-button>
      </mat-radio-group>

      <zw-form-error #errorBox [message]="error()" />
      @if (pending()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.working' | transloco" />
      }
      <div class="zw-form-actions">
        <button mat-flat-button type="submit" [disabled]="pending()">{{ 'counter.create' | transloco }}</button>
      </div>
    </form>
  `,
})
export class CounterIntakeNewPage {
  private readonly api = inject(CounterIntakesApi);
  private readonly catalogue = inject(CatalogueApi);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly access = staffAccess();
  protected readonly nameMax = ORGANISATION_NAME_MAX_LENGTH;
  protected readonly descriptionMax = DESCRIPTION_MAX;

  protected readonly form = inject(NonNullableFormBuilder).group({
    centre: new FormControl<CentreFieldValue>('', { nonNullable: true, validators: [Validators.required, centreSelectedValidator] }),
    item: new FormControl<ItemSummary | null>(null, [Validators.required]),
    kind: new FormControl<ApplicantKind>('natural_person', { nonNullable: true }),
    name: ['', [Validators.required, Validators.minLength(PERSON_NAME_MIN_LENGTH), Validators.maxLength(ORGANISATION_NAME_MAX_LENGTH)]],
    identityNumber: ['', [Validators.required, residentIdNumberValidator]],
    mobile: ['', [Validators.required, mobileValidator]],
    description: ['', [Validators.maxLength(DESCRIPTION_MAX)]],
    deliveryMode: new FormControl<'window' | 'post'>('window', { nonNullable: true }),
  });
  protected readonly kind = toSignal(this.form.controls.kind.valueChanges, { initialValue: this.form.controls.kind.value });

  private readonly centres = toSignal(inject(CentresApi).list().pipe(catchError(() => of([] as CentreSummary[]))), { initialValue: [] as CentreSummary[] });
  private readonly centreValue = toSignal(this.form.controls.centre.valueChanges, { initialValue: this.form.controls.centre.value });
  protected readonly centreOptionsList = computed(() => {
    const value = this.centreValue();
    const text = isCentre(value) ? '' : value;
    return text.trim() ? searchCentres(this.centres(), text, OPTION_LIMIT).map((match) => match.centre) : this.centres().slice(0, OPTION_LIMIT);
  });
  protected readonly itemsLoading = signal(false);
  /** The published items of the chosen centre. */
  protected readonly items = toSignal(
    this.form.controls.centre.valueChanges.pipe(
      map((value) => (isCentre(value) ? value.code : null)),
      distinctUntilChanged(),
      switchMap((code) => {
        this.form.controls.item.setValue(null);
        if (!code) return of([] as ItemSummary[]);
        this.itemsLoading.set(true);
        return this.catalogue.publishedItems(code).pipe(
          map((page) => page.items),
          catchError(() => of([] as ItemSummary[])),
          finalize(() => this.itemsLoading.set(false)),
        );
      }),
      startWith([] as ItemSummary[]),
    ),
    { initialValue: [] as ItemSummary[] },
  );

  protected readonly pending = signal(false);
  protected readonly error = signal<Translatable | null>(null);
  private readonly formElement = viewChild.required<ElementRef<HTMLFormElement>>('formElement');
  private readonly errorBox = viewChild.required<FormErrorComponent>('errorBox');

  constructor() {
    // The identity number is checked as a resident ID or as a USCC, by the applicant's kind.
    this.form.controls.kind.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((kind) => {
      const control = this.form.controls.identityNumber;
      control.setValidators([Validators.required, kind === 'legal_person' ? usccValidator : residentIdNumberValidator]);
      control.updateValueAndValidity();
    });
  }

  protected readonly displayCentre = (value: CentreFieldValue | null): string => (isCentre(value) ? `${value.name} ${value.code}` : (value ?? ''));

  protected resolveTypedCentre(): void {
    const control = this.form.controls.centre;
    if (typeof control.value !== 'string') return;
    const centre = findCentre(this.centres(), control.value);
    if (centre) control.setValue(centre);
  }

  protected submit(): void {
    if (this.pending()) return;
    this.error.set(null);
    this.resolveTypedCentre();
    if (focusFirstInvalidField(this.form, this.formElement().nativeElement, this.injector)) return;
    const value = this.form.getRawValue();
    const centre = value.centre;
    if (!isCentre(centre) || !value.item) return;
    const description = value.description.trim();
    this.pending.set(true);
    this.api
      .create(this.access.centreCode(), {
        itemCentre: centre.code,
        itemId: value.item.id,
        itemName: value.item.name,
        applicant: { kind: value.kind, name: value.name.trim(), identityNumber: value.identityNumber.trim().toUpperCase(), mobile: value.mobile.trim() },
        deliveryMode: value.deliveryMode,
        ...(description ? { formData: { description } } : {}),
      })
      .pipe(finalize(() => this.pending.set(false)))
      .subscribe({
        next: (intake) => void this.router.navigate(['/counter', intake.id]),
        error: (error: unknown) => {
          const described = describeHttpError(error);
          applyServerFieldErrors(this.form, described.fieldErrors);
          this.error.set(described.message);
          this.errorBox().focus();
        },
      });
  }
}
