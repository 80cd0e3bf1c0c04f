import { ChangeDetectionStrategy, Component, effect, ElementRef, inject, Injector, input, output, signal, viewChild } from '@angular/core';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { CASE_TYPE_LABELS, ITEM_TYPE_LABELS } from '@zhengwu/approval/domain';
import {
  CASE_TYPE_CODES,
  type CaseTypeValue,
  CROSS_REGION_SCOPE_CODES,
  type CrossRegionScopeValue,
  type CreateItemRequest,
  type DepartmentView,
  EXERCISE_LEVEL_CODES,
  HANDLING_FORM_CODES,
  ITEM_CODE_PATTERN,
  ITEM_TYPE_CODES,
  type ItemDetailView,
  type ItemTypeCodeValue,
  LIMIT_UNIT_CODES,
  type LimitUnitValue,
  SERVICE_OBJECT_CODES,
} from '@zhengwu/shared/contracts';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable, TranslatableTextPipe } from '@zhengwu/web/shared/i18n';
import { applyServerFieldErrors, FieldErrorPipe, focusFirstInvalidField, FormErrorComponent } from '@zhengwu/web/shared/ui';
import { CatalogueApi } from '@zhengwu/web/workbench/data-access';
import { finalize } from 'rxjs';
import { LabelPipe } from '../shared/label.pipe';
import { staffAccess } from '../shared/staff-access';

const LIMIT_MAX = 3650;
const TEXT_MAX = 5000;

/**
 * An item's fields (GB/T 39046): create a draft item or replace an item's fields. The server
 * checks the limits (promise ≤ legal, 即办件 promises 0) and that new limits still fit the
 * published procedure; its refusal is shown here.
 */
@Component({
  selector: 'wb-item-form',
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
    LabelPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './item-form.component.html',
})
export class ItemFormComponent {
  readonly item = input<ItemDetailView | null>(null);
  readonly departments = input<readonly DepartmentView[]>([]);
  readonly saved = output<ItemDetailView>();

  private readonly api = inject(CatalogueApi);
  private readonly injector = inject(Injector);
  private readonly access = staffAccess();
  protected readonly codes = {
    itemTypes: ITEM_TYPE_CODES,
    levels: EXERCISE_LEVEL_CODES,
    caseTypes: CASE_TYPE_CODES,
    units: LIMIT_UNIT_CODES,
    scopes: CROSS_REGION_SCOPE_CODES,
    objects: SERVICE_OBJECT_CODES,
    forms: HANDLING_FORM_CODES,
  };
  protected readonly itemTypeLabels = ITEM_TYPE_LABELS;
  protected readonly caseTypeLabels = CASE_TYPE_LABELS;
  protected readonly textMax = TEXT_MAX;

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    departmentId: ['', [Validators.required]],
    name: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(200)]],
    basicCode: ['', [Validators.required, Validators.pattern(ITEM_CODE_PATTERN), Validators.maxLength(1000)]],
    implementationCode: ['', [Validators.required, Validators.pattern(ITEM_CODE_PATTERN), Validators.maxLength(1000)]],
    itemType: new FormControl<ItemTypeCodeValue>('01', { nonNullable: true, validators: [Validators.required] }),
    level: new FormControl<number>(3, { nonNullable: true, validators: [Validators.required] }),
    caseType: new FormControl<CaseTypeValue>('promised', { nonNullable: true }),
    legalValue: new FormControl<number>(20, { nonNullable: true, validators: [Validators.required, Validators.min(0), Validators.max(LIMIT_MAX)] }),
    legalUnit: new FormControl<LimitUnitValue>('working_day', { nonNullable: true }),
    promisedValue: new FormControl<number>(10, { nonNullable: true, validators: [Validators.required, Validators.min(0), Validators.max(LIMIT_MAX)] }),
    promisedUnit: new FormControl<LimitUnitValue>('working_day', { nonNullable: true }),
    crossRegionScope: new FormControl<CrossRegionScopeValue>('none', { nonNullable: true }),
    serviceObjects: new FormControl<number[]>([1], { nonNullable: true, validators: [Validators.required] }),
    handlingForms: new FormControl<number[]>([1, 2], { nonNullable: true, validators: [Validators.required] }),
    onlineApplicable: [true],
    fullyOnline: [false],
    feeFen: new FormControl<number>(0, { nonNullable: true, validators: [Validators.min(0)] }),
    originalsCheckRequired: [false],
    onSiteInspection: [false],
    acceptanceConditions: ['', [Validators.maxLength(TEXT_MAX)]],
    legalBasis: ['', [Validators.maxLength(TEXT_MAX)]],
    whereAndWhen: ['', [Validators.maxLength(2000)]],
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<Translatable | null>(null);
  protected readonly done = signal(false);
  private readonly formElement = viewChild.required<ElementRef<HTMLFormElement>>('formElement');
  private readonly errorBox = viewChild.required<FormErrorComponent>('errorBox');

  constructor() {
    effect(() => {
      const item = this.item();
      if (!item) return;
      this.form.reset({
        departmentId: item.department.id,
        name: item.name,
        basicCode: item.basicCode,
        implementationCode: item.implementationCode,
        itemType: item.itemType,
        level: item.level,
        caseType: item.caseType,
        legalValue: item.legalLimit.value,
        legalUnit: item.legalLimit.unit,
        promisedValue: item.promisedLimit.value,
        promisedUnit: item.promisedLimit.unit,
        crossRegionScope: item.crossRegionScope,
        serviceObjects: item.serviceObjects,
        handlingForms: item.handlingForms,
        onlineApplicable: item.onlineApplicable,
        fullyOnline: item.fullyOnline,
        feeFen: item.fee.amountFen,
        originalsCheckRequired: item.originalsCheckRequired,
        onSiteInspection: item.onSiteInspection,
        acceptanceConditions: item.acceptanceConditions,
        legalBasis: item.legalBasis,
        whereAndWhen: item.whereAndWhen,
      });
    });
  }

  protected submit(): void {
    if (this.pending()) return;
    this.error.set(null);
    this.done.set(false);
    if (focusFirstInvalidField(this.form, this.formElement().nativeElement, this.injector)) {
      this.error.set({ key: 'errors.formInvalid' });
      return;
    }
    const v = this.form.getRawValue();
    const existing = this.item();
    const request: CreateItemRequest = {
      departmentId: v.departmentId,
      name: v.name.trim(),
      basicCode: v.basicCode.trim(),
      implementationCode: v.implementationCode.trim(),
      localCode: existing?.localCode ?? null,
      itemType: v.itemType,
      level: Number(v.level),
      caseType: v.caseType,
      legalLimit: { value: Number(v.legalValue), unit: v.legalUnit },
      promisedLimit: { value: Number(v.promisedValue), unit: v.promisedUnit },
      crossRegionScope: v.crossRegionScope,
      serviceObjects: v.serviceObjects,
      handlingForms: v.handlingForms,
      onlineApplicable: v.onlineApplicable,
      fullyOnline: v.fullyOnline,
      fee: { amountFen: Number(v.feeFen), description: existing?.fee.description ?? null },
      originalsCheckRequired: v.originalsCheckRequired,
      ...(existing ? { originalsCheckPoint: existing.originalsCheckPoint } : {}),
      onSiteInspection: v.onSiteInspection,
      acceptanceConditions: v.acceptanceConditions,
      legalBasis: v.legalBasis,
      whereAndWhen: v.whereAndWhen,
      consultationPhone: existing?.consultationPhone ?? null,
    };
    this.pending.set(true);
    const centre = this.access.centreCode();
    (existing ? this.api.updateItem(centre, existing.id, request) : this.api.createItem(centre, request))
      .pipe(finalize(() => this.pending.set(false)))
      .subscribe({
        next: (item) => {
          this.done.set(true);
          this.saved.emit(item);
        },
        error: (error: unknown) => {
          const described = describeHttpError(error);
          applyServerFieldErrors(this.form, described.fieldErrors);
          this.error.set(described.message);
          this.errorBox().focus();
        },
      });
  }
}
