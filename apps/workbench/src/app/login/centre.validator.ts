import { ValidatorFn } from '@angular/forms';
import type { CentreSummary } from '@zhengwu/shared/contracts';

/** The centre field holds text while typing and a CentreSummary once one is picked. */
export type CentreFieldValue = CentreSummary | string;

export function isCentre(value: unknown): value is CentreSummary {
  return value !== null && typeof value === 'object' && typeof (value as CentreSummary).code === 'string';
}

/** `{ centre: true }` for typed text that was not resolved to a centre of the list. */
export const centreSelectedValidator: ValidatorFn = (control) => {
  const value: unknown = control.value;
  if (value === null || value === '' || isCentre(value)) return null;
  return { centre: true };
};
