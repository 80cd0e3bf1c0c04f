import { DomainError, ErrorKind } from '@zhengwu/server/core/errors';

/** The caller's-mistake kinds: retrying the same envelope cannot succeed. */
const PERMANENT_KINDS: ReadonlySet<ErrorKind> = new Set<ErrorKind>([
  'invalid',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'precondition_failed',
  'payload_too_large',
  'unsupported_media_type',
]);

/** Lost optimistic-concurrency races are conflicts that a later delivery wins. */
const TRANSIENT_CODES: ReadonlySet<string> = new Set(['CONCURRENT_MODIFICATION']);

/** Whether a handler's error refuses the envelope for good (see RouteMessageHandler). */
export function isPermanentHandlerFailure(error: unknown): error is DomainError {
  return error instanceof DomainError && PERMANENT_KINDS.has(error.kind) && !TRANSIENT_CODES.has(error.code);
}

/**
 * Thrown by the receiver when the handler failed transiently: nothing was applied and the
 * transport must deliver the envelope again later (NATS: nak with delay; loopback: the relay's
 * next round).
 */
export class TransientRouteFailure extends Error {
  constructor(
    readonly envelopeId: string,
    override readonly cause: unknown,
  ) {
    super(`Envelope ${envelopeId} not applied yet: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'TransientRouteFailure';
  }
}
