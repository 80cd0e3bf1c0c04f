import { registerDecorator, ValidationOptions } from 'class-validator';
import { residentIdNumberProblem, usccProblem } from '@zhengwu/shared/util';

/** 18-digit resident ID number (GB 11643): real date of birth and ISO 7064 MOD 11-2 check digit. */
export function IsResidentIdNumber(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isResidentIdNumber',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a valid 18-digit resident ID number', ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && residentIdNumberProblem(value) === null,
      },
    });
}

/** 18-character unified social credit code (GB 32100) with its check character. */
export function IsUnifiedSocialCreditCode(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isUnifiedSocialCreditCode',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a valid unified social credit code', ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && usccProblem(value) === null,
      },
    });
}

/** A resident ID number or a USCC, whichever the object's `kind` (natural_person / legal_person) calls for. */
export function IsIdentityNumberOfKind(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIdentityNumberOfKind',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a valid resident ID number (natural person) or unified social credit code (legal person)', ...options },
      validator: {
        validate: (value: unknown, args) => {
          if (typeof value !== 'string') return false;
          const kind = (args?.object as { kind?: unknown } | undefined)?.kind;
          return kind === 'legal_person' ? usccProblem(value) === null : residentIdNumberProblem(value) === null;
        },
      },
    });
}
