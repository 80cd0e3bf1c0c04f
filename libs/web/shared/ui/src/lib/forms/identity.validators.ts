import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { MOBILE_PATTERN } from '@zhengwu/shared/contracts';
import { residentIdNumberProblem, usccProblem } from '@zhengwu/shared/util';

// The checks below judge non-empty values only; `Validators.required` reports empty ones. Inputs
// using them carry no `maxlength`: browsers silently cut pasted text (" 51098119900307123X" loses
// its check digit), while these validators trim and then explain what is wrong.
function textOf(control: AbstractControl): string | null {
  const value: unknown = control.value;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** `{ residentIdNumber: 'length' | 'format' | 'birthDate' | 'checkDigit' }` (GB 11643). */
export const residentIdNumberValidator: ValidatorFn = (control) => {
  const value = textOf(control);
  const problem = value === null ? null : residentIdNumberProblem(value);
  return problem ? { residentIdNumber: problem } : null;
};

/** `{ uscc: 'length' | 'format' | 'checkCharacter' }` (GB 32100). */
export const usccValidator: ValidatorFn = (control) => {
  const value = textOf(control);
  const problem = value === null ? null : usccProblem(value);
  return problem ? { uscc: problem } : null;
};

/** `{ mobile: true }` unless an 11-digit mainland mobile number. */
export const mobileValidator: ValidatorFn = (control) => {
  const value = textOf(control);
  return value === null || MOBILE_PATTERN.test(value) ? null : { mobile: true };
};

const RESIDENT_ID_SHAPE = /^\d{17}[\dXx]$/;

/**
 * The applicant login identifier: a resident ID number, a USCC or a mobile number. At 18
 * characters it must pass one of the two checksums. A USCC can be all digits too (91440300…), so
 * a value shaped like an ID number that fails both is reported as an ID number (what most people
 * type); anything else as a USCC.
 */
export const loginIdentifierValidator: ValidatorFn = (control) => {
  const value = textOf(control);
  if (value === null) return null;
  if (value.length === 18) {
    const idProblem = residentIdNumberProblem(value);
    const usccIssue = usccProblem(value);
    if (idProblem === null || usccIssue === null) return null;
    return RESIDENT_ID_SHAPE.test(value) ? { residentIdNumber: idProblem } : { uscc: usccIssue };
  }
  if (/^\d{11}$/.test(value)) return MOBILE_PATTERN.test(value) ? null : { mobile: true };
  return { loginIdentifier: true };
};

/**
 * `{ passwordMismatch: true }` unless equal to the sibling control `otherName`. The form must
 * re-validate this control when the other one changes.
 */
export function matchesControl(otherName: string): ValidatorFn {
  return (control): ValidationErrors | null => {
    const other = control.parent?.get(otherName);
    if (!other || !control.value) return null;
    return control.value === other.value ? null : { passwordMismatch: true };
  };
}
