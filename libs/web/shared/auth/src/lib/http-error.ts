import { HttpErrorResponse } from '@angular/common/http';
import type { ErrorBody, FieldViolation } from '@zhengwu/shared/contracts';
import { Translatable } from '@zhengwu/web/shared/i18n';

export interface DescribedHttpError {
  /** HTTP status; 0 when the server could not be reached. */
  status: number;
  /** The API's error code (`AUTH_INVALID_CREDENTIALS`, …), null when the body was not an ErrorBody. */
  code: string | null;
  message: Translatable;
  /** Per form field (dotted path for nested objects), from `VALIDATION_FAILED` details. */
  fieldErrors: Record<string, Translatable>;
}

export const VALIDATION_FAILED = 'VALIDATION_FAILED';

/**
 * class-validator constraint names with a translated message under `validation.server.<name>`
 * (shared i18n files; a test checks each one exists). Other constraints show the server's text,
 * which class-validator writes in English only.
 */
export const TRANSLATED_SERVER_CONSTRAINTS: readonly string[] = [
  'isString',
  'isNotEmpty',
  'minLength',
  'maxLength',
  'matches',
  'isResidentIdNumber',
  'isUnifiedSocialCreditCode',
  'whitelistValidation',
];

/** The API's error body, from a parsed object or from text that is JSON (some proxies send text/plain). */
export function errorBodyOf(payload: unknown): ErrorBody | null {
  let value = payload;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (value === null || typeof value !== 'object') return null;
  const body = value as Partial<ErrorBody>;
  const message = body.message as Partial<ErrorBody['message']> | undefined;
  if (typeof body.code !== 'string' || !message || typeof message.zh !== 'string' || typeof message.en !== 'string') {
    return null;
  }
  return { code: body.code, message: { zh: message.zh, en: message.en }, details: body.details };
}

/**
 * What to tell the user about a failed request: the server's own message in both languages when
 * it sent an ErrorBody, otherwise a generic translated message (network down, gateway error page,
 * anything that is not our API speaking).
 */
export function describeHttpError(error: unknown): DescribedHttpError {
  if (!(error instanceof HttpErrorResponse)) {
    return { status: 0, code: null, message: { key: 'errors.unexpected' }, fieldErrors: {} };
  }
  if (error.status === 0) {
    return { status: 0, code: null, message: { key: 'errors.network' }, fieldErrors: {} };
  }
  const body = errorBodyOf(error.error);
  if (!body) {
    return {
      status: error.status,
      code: null,
      message: { key: error.status >= 500 ? 'errors.server' : 'errors.unexpected' },
      fieldErrors: {},
    };
  }
  return {
    status: error.status,
    code: body.code,
    message: { localized: body.message },
    fieldErrors: body.code === VALIDATION_FAILED ? fieldErrorsOf(body.details) : {},
  };
}

/** The server flattens nested fields into dotted paths (`FieldViolation.property`). */
function fieldErrorsOf(details: unknown): Record<string, Translatable> {
  const errors: Record<string, Translatable> = {};
  if (!Array.isArray(details)) return errors;
  for (const detail of details as unknown[]) {
    if (detail === null || typeof detail !== 'object') continue;
    const { property, constraints } = detail as Partial<FieldViolation>;
    if (typeof property !== 'string') continue;
    const path = property;
    const first = constraints && typeof constraints === 'object' ? Object.entries(constraints)[0] : undefined;
    if (first && !(path in errors)) {
      const [name, text] = first;
      errors[path] = TRANSLATED_SERVER_CONSTRAINTS.includes(name)
        ? { key: `validation.server.${name}` }
        : { localized: { zh: String(text), en: String(text) } };
    }
  }
  return errors;
}
