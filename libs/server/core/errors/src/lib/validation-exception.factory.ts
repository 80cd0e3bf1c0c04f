import type { FieldViolation } from '@zhengwu/shared/contracts';
import type { ValidationError } from 'class-validator';
import { DomainError } from './domain-error';
import { PlatformError } from './platform-errors';

/** Flattens class-validator's nested errors into one list the UI can map onto form fields. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const property = prefix ? `${prefix}.${error.property}` : error.property;
    const own: FieldViolation[] = error.constraints ? [{ property, constraints: { ...error.constraints } }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], property)];
  });
}

export function validationExceptionFactory(errors: ValidationError[]): DomainError {
  return PlatformError.VALIDATION_FAILED(flattenValidationErrors(errors));
}
