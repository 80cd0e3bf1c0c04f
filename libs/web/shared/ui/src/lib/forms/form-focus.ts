import { afterNextRender, Injector } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { Translatable } from '@zhengwu/web/shared/i18n';

/**
 * After a refused submit: shows every field's error and puts the keyboard in the first invalid
 * field (after the next render, so errors set in the same tick are already in the DOM).
 */
export function focusFirstInvalidField(form: FormGroup, formElement: HTMLElement, injector: Injector): boolean {
  form.markAllAsTouched();
  if (form.valid) return false;
  afterNextRender(
    () => formElement.querySelector<HTMLElement>('input.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid')?.focus(),
    { injector },
  );
  return true;
}

/**
 * Puts server-side field errors (from `describeHttpError(...).fieldErrors`) on the matching
 * controls as `{ server: Translatable }`; the next edit of the field clears it. Returns whether
 * any field matched.
 */
export function applyServerFieldErrors(form: FormGroup, fieldErrors: Record<string, Translatable>): boolean {
  let matched = false;
  for (const [path, message] of Object.entries(fieldErrors)) {
    const control = form.get(path);
    if (!control) continue;
    control.setErrors({ ...control.errors, server: message });
    control.markAsTouched();
    matched = true;
  }
  return matched;
}
