import { Pipe, PipeTransform } from '@angular/core';
import { ValidationErrors } from '@angular/forms';
import { Translatable } from '@zhengwu/web/shared/i18n';

/**
 * The message for a control's errors, most useful first; render it with `zwText`:
 * `<mat-error>{{ form.controls.idNumber.errors | zwFieldError | zwText }}</mat-error>`.
 * A `server` error (set from `VALIDATION_FAILED` details) is already a Translatable.
 */
export function fieldErrorMessage(errors: ValidationErrors | null | undefined): Translatable | null {
  if (!errors) return null;
  if (errors['server']) return errors['server'] as Translatable;
  if (errors['required']) return { key: 'validation.required' };
  if (errors['residentIdNumber']) return { key: `validation.residentIdNumber.${errors['residentIdNumber']}` };
  if (errors['uscc']) return { key: `validation.uscc.${errors['uscc']}` };
  if (errors['mobile']) return { key: 'validation.mobile' };
  if (errors['loginIdentifier']) return { key: 'validation.identifier' };
  if (errors['passwordMismatch']) return { key: 'validation.passwordMismatch' };
  if (errors['centre']) return { key: 'validation.centre' };
  if (errors['minlength']) {
    return { key: 'validation.minlength', params: { requiredLength: errors['minlength'].requiredLength } };
  }
  if (errors['maxlength']) {
    return { key: 'validation.maxlength', params: { requiredLength: errors['maxlength'].requiredLength } };
  }
  return { key: 'validation.invalid' };
}

@Pipe({ name: 'zwFieldError' })
export class FieldErrorPipe implements PipeTransform {
  transform(errors: ValidationErrors | null | undefined): Translatable | null {
    return fieldErrorMessage(errors);
  }
}
