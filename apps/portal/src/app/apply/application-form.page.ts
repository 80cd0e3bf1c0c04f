import { Location } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, Injector, input, signal, untracked, viewChild } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatStepper, MatStepperModule } from '@angular/material/stepper';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApplicationStatus, DELIVERY_MODES, DeliveryMode } from '@zhengwu/approval/domain';
import type { ApplicationView, ItemGuide } from '@zhengwu/shared/contracts';
import {
  ApplicationsApi,
  CatalogueApi,
  homeDivisionOf,
  SubmitIntents,
  VerificationCentreChoices,
  verificationCentreChoices,
} from '@zhengwu/web/approval/data-access';
import { AuthStore, CentresApi, describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable, TranslatableTextPipe } from '@zhengwu/web/shared/i18n';
import { applyServerFieldErrors, FieldErrorPipe, focusFirstInvalidField, FormErrorComponent, mobileValidator } from '@zhengwu/web/shared/ui';
import { catchError, combineLatest, distinctUntilChanged, finalize, map, Observable, of, startWith, switchMap, tap } from 'rxjs';
import { CentreNamePipe, ReferenceData } from '../shared/directory';
import { MaterialUploadComponent } from '../shared/material-upload.component';

export const DESCRIPTION_MAX = 500;
export const CONTACT_NAME_MAX = 50;

/** The answers of the guided form as the API keeps them (`formData`). */
export interface ApplicationFormData {
  description: string;
  contactName: string;
  contactPhone: string;
}

/** Required materials still without an uploaded file: what stops a submission. */
export function missingRequiredMaterials(view: ApplicationView): string[] {
  return view.materials.filter((material) => material.required && material.versions.length === 0).map((material) => material.name);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * 在线申请: a guided form per item in three steps. (1) The applicant's answers, the delivery mode
 * and, where the item needs an originals check, the verification centre; continuing saves a draft.
 * (2) Each material uploaded with a progress bar. (3) A review, then one submission: the
 * idempotency key is fixed per application version, so a double click or a retry never submits
 * twice. The same page continues an existing draft (`/applications/:centre/:id/edit`).
 */
@Component({
  selector: 'portal-application-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    MatStepperModule,
    TranslocoPipe,
    TranslatableTextPipe,
    FieldErrorPipe,
    FormErrorComponent,
    CentreNamePipe,
    MaterialUploadComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './application-form.page.html',
})
export class ApplicationFormPage {
  /** From the item guide's route… */
  readonly itemId = input<string>();
  /** …or from a draft's (`applications/:centreCode/:applicationId/edit`). */
  readonly applicationId = input<string>();
  readonly centreCode = input.required<string>();

  private readonly api = inject(ApplicationsApi);
  private readonly catalogue = inject(CatalogueApi);
  private readonly reference = inject(ReferenceData);
  private readonly centres = inject(CentresApi);
  private readonly store = inject(AuthStore);
  private readonly intents = inject(SubmitIntents);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly location = inject(Location);

  protected readonly deliveryModes = DELIVERY_MODES;
  protected readonly descriptionMax = DESCRIPTION_MAX;
  protected readonly guide = signal<ItemGuide | null>(null);
  protected readonly view = signal<ApplicationView | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<Translatable | null>(null);
  protected readonly saving = signal(false);
  protected readonly submitting = signal(false);
  protected readonly detailsError = signal<Translatable | null>(null);
  protected readonly submitError = signal<Translatable | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    description: ['', [Validators.required, Validators.maxLength(DESCRIPTION_MAX)]],
    contactName: ['', [Validators.required, Validators.maxLength(CONTACT_NAME_MAX)]],
    contactPhone: ['', [Validators.required, mobileValidator]],
    deliveryMode: ['electronic' as DeliveryMode, Validators.required],
    verificationCentre: [''],
  });

  /**
   * The division in the applicant's identity number as it is today: a number issued under a code
   * that was later replaced (510922 → 510981) still belongs to the county the server defaults to.
   */
  private readonly homeDivision = toSignal(
    toObservable(this.store.applicantProfile).pipe(
      map((profile) => (profile ? homeDivisionOf(profile.identityNumberMasked, profile.kind) : null)),
      distinctUntilChanged(),
      switchMap((code) =>
        code
          ? this.centres.division(code).pipe(
              map((division) => division.current.code),
              // Unknown to the directory (another province): the server falls back the same way.
              catchError(() => of(code)),
              startWith(code),
            )
          : of(null),
      ),
    ),
    { initialValue: null },
  );
  protected readonly choices = computed<VerificationCentreChoices | null>(() => {
    const guide = this.guide();
    if (!guide?.originalsCheckRequired || this.reference.centres().length === 0) return null;
    return verificationCentreChoices(this.reference.centres(), this.homeDivision(), this.centreCode());
  });
  protected readonly missing = computed(() => {
    const view = this.view();
    return view ? missingRequiredMaterials(view) : [];
  });
  protected readonly editable = computed(() => {
    const status = this.view()?.status;
    return status === undefined || status === ApplicationStatus.Draft;
  });

  private readonly stepper = viewChild(MatStepper);
  private readonly detailsElement = viewChild<ElementRef<HTMLFormElement>>('detailsElement');
  private readonly detailsErrorBox = viewChild<FormErrorComponent>('detailsErrorBox');
  private readonly submitErrorBox = viewChild<FormErrorComponent>('submitErrorBox');

  constructor() {
    combineLatest([toObservable(this.centreCode), toObservable(this.itemId), toObservable(this.applicationId)])
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.loadError.set(null);
        }),
        switchMap(([centre, itemId, applicationId]) => this.load(centre, itemId, applicationId)),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.loading.set(false));

    // Prefill: the applicant as contact person, and the default verification centre.
    effect(() => {
      const profile = this.store.applicantProfile();
      const choices = this.choices();
      untracked(() => {
        const controls = this.form.controls;
        if (profile && !this.view() && !controls.contactName.dirty && !controls.contactName.value) {
          controls.contactName.setValue(profile.contactName ?? profile.name);
        }
        // Follows the default (which may still resolve) until the applicant picks one or a draft is shown.
        if (choices && !this.view() && controls.verificationCentre.pristine) controls.verificationCentre.setValue(choices.defaultCode);
      });
    });
  }

  private load(centre: string, itemId: string | undefined, applicationId: string | undefined): Observable<unknown> {
    const fail = (error: unknown) => {
      this.loadError.set(describeHttpError(error).message);
      return of(null);
    };
    if (applicationId) {
      return this.api.view(centre, applicationId).pipe(
        tap((view) => this.showDraft(view)),
        switchMap((view) => this.catalogue.guide(centre, view.item.id)),
        tap((guide) => {
          this.guide.set(guide);
          this.continueWithMaterials();
        }),
        catchError(fail),
      );
    }
    if (!itemId) return of(null);
    return this.catalogue.guide(centre, itemId).pipe(
      tap((guide) => this.guide.set(guide)),
      catchError(fail),
    );
  }

  private showDraft(view: ApplicationView): void {
    this.view.set(view);
    const data = view.formData;
    this.form.setValue({
      description: text(data['description']),
      contactName: text(data['contactName']),
      contactPhone: text(data['contactPhone']),
      deliveryMode: view.deliveryMode,
      verificationCentre: view.verificationCentre ?? '',
    });
    this.form.markAsPristine();
  }

  /** A saved draft goes on with its materials, once the stepper is there and knows step 1 is complete. */
  private continueWithMaterials(): void {
    afterNextRender(
      () => {
        const stepper = this.stepper();
        if (stepper && stepper.selectedIndex === 0) stepper.next();
      },
      { injector: this.injector },
    );
  }

  /** Step 1 → 2: creates the draft, or saves changed answers of an existing one. */
  protected saveDetails(): void {
    if (this.saving()) return;
    this.detailsError.set(null);
    const element = this.detailsElement()?.nativeElement;
    if (element && focusFirstInvalidField(this.form, element, this.injector)) return;
    const guide = this.guide();
    if (!guide) return;
    const value = this.form.getRawValue();
    const formData: ApplicationFormData = {
      description: value.description.trim(),
      contactName: value.contactName.trim(),
      contactPhone: value.contactPhone.trim(),
    };
    const verificationCentre = guide.originalsCheckRequired && value.verificationCentre ? { verificationCentre: value.verificationCentre } : {};
    const existing = this.view();
    if (existing && this.form.pristine) {
      this.stepper()?.next();
      return;
    }
    const request$ = existing
      ? this.api.update(existing.centreCode, existing.id, { version: existing.version, deliveryMode: value.deliveryMode, formData: { ...formData }, ...verificationCentre })
      : this.api.create(this.centreCode(), { itemId: guide.id, deliveryMode: value.deliveryMode, formData: { ...formData }, ...verificationCentre });
    this.saving.set(true);
    request$.pipe(finalize(() => this.saving.set(false))).subscribe({
      next: (view) => {
        this.view.set(view);
        this.form.markAsPristine();
        if (!existing) {
          // The draft has an address from now on: a reload continues it instead of starting another.
          // Replaced without navigating, so the form and the stepper stay as they are.
          this.location.replaceState(this.router.serializeUrl(this.router.createUrlTree(['/applications', view.centreCode, view.id, 'edit'])));
        }
        afterNextRender(() => this.stepper()?.next(), { injector: this.injector });
      },
      error: (error: unknown) => {
        const described = describeHttpError(error);
        applyServerFieldErrors(this.form, prefixless(described.fieldErrors));
        this.detailsError.set(described.message);
        this.detailsErrorBox()?.focus();
      },
    });
  }

  protected uploaded(view: ApplicationView): void {
    const shown = this.view();
    if (!shown || view.version >= shown.version) this.view.set(view);
  }

  protected submit(): void {
    const view = this.view();
    if (!view || this.submitting()) return;
    this.submitError.set(null);
    if (this.missing().length > 0) {
      this.submitError.set({ key: 'apply.missingMaterials', params: { names: this.missing().join('、') } });
      this.submitErrorBox()?.focus();
      return;
    }
    this.submitting.set(true);
    this.api
      .submit(view.centreCode, view.id, this.intents.keyFor(view.id, view.version))
      .pipe(
        map((submitted) => {
          this.intents.settle(view.id);
          return submitted;
        }),
        finalize(() => this.submitting.set(false)),
      )
      .subscribe({
        next: (submitted) => void this.router.navigate(['/applications', submitted.centreCode, submitted.id], { replaceUrl: true }),
        error: (error: unknown) => {
          this.submitError.set(describeHttpError(error).message);
          this.submitErrorBox()?.focus();
        },
      });
  }
}

/** `formData.contactPhone` → `contactPhone`: the server names nested fields by their path. */
function prefixless(fieldErrors: Record<string, Translatable>): Record<string, Translatable> {
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, message]) => [field.replace(/^formData\./, ''), message]));
}
