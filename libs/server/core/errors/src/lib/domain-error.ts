import type { LocalizedMessage } from '@zhengwu/shared/contracts';

/**
 * What went wrong, in terms the HTTP layer can map without knowing the module: the filter turns each
 * kind into a status code in one exhaustive switch, so services never pick HTTP statuses themselves.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'unavailable'
  | 'internal';

export interface ErrorDefinition {
  kind: ErrorKind;
  message: LocalizedMessage;
}

/** An expected failure with a stable code. Everything else is a bug and becomes INTERNAL_ERROR. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    readonly localized: LocalizedMessage,
    readonly details?: unknown,
  ) {
    super(`${code}: ${localized.en}`);
    this.name = 'DomainError';
  }
}

export type ErrorFactory = ((details?: unknown) => DomainError) & { readonly code: string };

/**
 * Declares a module's error catalogue: `const OrgError = defineErrors({ STAFF_NOT_FOUND: {...} })`
 * then `throw OrgError.STAFF_NOT_FOUND()`. Codes are the keys, so they cannot drift from their names.
 */
export function defineErrors<K extends string>(
  definitions: Record<K, ErrorDefinition>,
): { readonly [P in K]: ErrorFactory } {
  const catalogue = {} as { [P in K]: ErrorFactory };
  for (const code of Object.keys(definitions) as K[]) {
    const { kind, message } = definitions[code];
    const factory = ((details?: unknown) => new DomainError(code, kind, message, details)) as ErrorFactory;
    Object.defineProperty(factory, 'code', { value: code });
    catalogue[code] = factory;
  }
  return catalogue;
}
