import { ElementRef, Injector, WritableSignal } from '@angular/core';
import { AbstractControl, FormGroup } from '@angular/forms';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { Translatable } from '@zhengwu/web/shared/i18n';
import { applyServerFieldErrors, focusFirstInvalidField, FormErrorComponent } from '@zhengwu/web/shared/ui';

export interface RegistrationFeedback {
  form: FormGroup;
  formElement: ElementRef<HTMLElement>;
  formError: FormErrorComponent;
  error: WritableSignal<Translatable | null>;
  injector: Injector;
}

/**
 * Shows a refused registration: the server's message on top and, for `VALIDATION_FAILED`, each
 * field's problem on the field, with focus on the first such field (or on the message).
 */
export function showRegistrationFailure(error: unknown, feedback: RegistrationFeedback): void {
  const described = describeHttpError(error);
  feedback.error.set(described.message);
  if (applyServerFieldErrors(feedback.form, described.fieldErrors)) {
    focusFirstInvalidField(feedback.form, feedback.formElement.nativeElement, feedback.injector);
  } else {
    feedback.formError.focus();
  }
}

/**
 * The confirmation must be re-checked whenever the password itself changes. Both controls belong
 * to one form owned by the component, so the subscription dies with them.
 */
export function revalidateOnChange(source: AbstractControl, dependent: AbstractControl): void {
  source.valueChanges.subscribe(() => {
    if (dependent.value) dependent.updateValueAndValidity();
  });
}
