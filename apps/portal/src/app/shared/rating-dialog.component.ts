import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, inject, Injector, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { TranslocoPipe } from '@jsverse/transloco';
import { isBadReview, ONLINE_INDICATORS, OnlineIndicator, RATING_LEVELS, RatingLevel, toRatingChannelCode } from '@zhengwu/approval/domain';
import type { RatingView } from '@zhengwu/shared/contracts';
import { ApplicationsApi } from '@zhengwu/web/approval/data-access';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable, TranslatableTextPipe } from '@zhengwu/web/shared/i18n';
import { FieldErrorPipe, focusFirstInvalidField, FormErrorComponent } from '@zhengwu/web/shared/ui';
import { finalize } from 'rxjs';

export const RATING_COMMENT_MAX = 1000;

export interface RatingDialogData {
  centreCode: string;
  applicationId: string;
  /** A finished step; absent for the whole case. */
  stepSeq?: number;
  /** The step's name, or null for the case. */
  stepName: string | null;
}

/** 好差评 of one finished step or of the completed case: five levels, the online indicators, a comment. */
@Component({
  selector: 'portal-rating-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatRadioModule,
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
  templateUrl: './rating-dialog.component.html',
})
export class RatingDialogComponent {
  protected readonly data = inject<RatingDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<RatingDialogComponent, RatingView>>(MatDialogRef);
  private readonly api = inject(ApplicationsApi);
  private readonly injector = inject(Injector);
  private readonly window = inject(DOCUMENT).defaultView;

  protected readonly levels = RATING_LEVELS;
  protected readonly indicators = Object.keys(ONLINE_INDICATORS) as OnlineIndicator[];
  protected readonly commentMax = RATING_COMMENT_MAX;
  protected readonly form = inject(NonNullableFormBuilder).group({
    level: ['' as RatingLevel | '', Validators.required],
    indicators: [[] as OnlineIndicator[]],
    comment: ['', Validators.maxLength(RATING_COMMENT_MAX)],
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<Translatable | null>(null);
  private readonly formElement = viewChild.required<ElementRef<HTMLFormElement>>('formElement');
  private readonly formError = viewChild.required(FormErrorComponent);

  protected isBad(level: RatingLevel | ''): boolean {
    return level !== '' && isBadReview(level);
  }

  protected toggleIndicator(indicator: OnlineIndicator, checked: boolean): void {
    const current = this.form.controls.indicators.value;
    this.form.controls.indicators.setValue(checked ? [...current, indicator] : current.filter((i) => i !== indicator));
  }

  protected submit(): void {
    if (this.pending()) return;
    this.error.set(null);
    if (focusFirstInvalidField(this.form, this.formElement().nativeElement, this.injector)) {
      // A radio group has no input.ng-invalid to focus: focus its first option.
      if (this.form.controls.level.invalid) this.formElement().nativeElement.querySelector<HTMLElement>('mat-radio-button input')?.focus();
      return;
    }
    const { level, indicators, comment } = this.form.getRawValue();
    if (level === '') return;
    // 好差评 channel: a phone-width screen is the mobile channel (2), anything else PC (1).
    const mobile = this.window?.matchMedia?.('(max-width: 599px)').matches ?? false;
    this.pending.set(true);
    this.api
      .rate(this.data.centreCode, this.data.applicationId, {
        ...(this.data.stepSeq !== undefined ? { stepSeq: this.data.stepSeq } : {}),
        level,
        indicators,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        channel: toRatingChannelCode(mobile ? 'mobile' : 'pc'),
      })
      .pipe(finalize(() => this.pending.set(false)))
      .subscribe({
        next: (rating) => this.dialogRef.close(rating),
        error: (error: unknown) => {
          this.error.set(describeHttpError(error).message);
          this.formError().focus();
        },
      });
  }
}
