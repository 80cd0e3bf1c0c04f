import type { ErrorBody } from '@zhengwu/shared/contracts';
import { DomainError } from './domain-error';
import { httpStatusOf } from './http-status-of';
import { PlatformError } from './platform-errors';

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  /** True for failures that are our fault and deserve an error log with the stack. */
  unexpected: boolean;
}

interface HttpLikeError {
  statusCode?: number;
  status?: number;
  code?: string;
  getStatus?: () => number;
}

/**
 * Turns anything thrown while serving a request into the one error shape the API speaks.
 * Domain errors carry their own code; framework errors (Nest's HttpException, Fastify's parser
 * and size-limit errors) are translated by status and Fastify code; the rest is a 500.
 */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof DomainError) {
    return fromDomainError(error, false);
  }
  const httpError = error as HttpLikeError | null;
  const status =
    typeof httpError?.getStatus === 'function'
      ? httpError.getStatus()
      : (httpError?.statusCode ?? httpError?.status);
  const fastifyCode = typeof httpError?.code === 'string' ? httpError.code : undefined;

  if (fastifyCode?.startsWith('FST_ERR_CTP_INVALID_MEDIA_TYPE')) {
    return fromDomainError(PlatformError.UNSUPPORTED_MEDIA_TYPE(), false);
  }
  if (fastifyCode?.startsWith('FST_ERR_CTP_BODY_TOO_LARGE') || status === 413) {
    return fromDomainError(PlatformError.PAYLOAD_TOO_LARGE(), false);
  }
  if (fastifyCode?.startsWith('FST_ERR_CTP') || error instanceof SyntaxError) {
    return fromDomainError(PlatformError.MALFORMED_BODY(), false);
  }
  if (status === 404) {
    return fromDomainError(PlatformError.ROUTE_NOT_FOUND(), false);
  }
  if (status === 405) {
    return fromDomainError(PlatformError.METHOD_NOT_ALLOWED(), false);
  }
  if (status === 415) {
    return fromDomainError(PlatformError.UNSUPPORTED_MEDIA_TYPE(), false);
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { ...fromDomainError(PlatformError.BAD_REQUEST(), false), status };
  }
  return fromDomainError(PlatformError.INTERNAL_ERROR(), true);
}

function fromDomainError(error: DomainError, unexpected: boolean): ErrorResponse {
  const body: ErrorBody = { code: error.code, message: error.localized };
  if (error.details !== undefined) {
    body.details = error.details;
  }
  return { status: httpStatusOf(error.kind), body, unexpected };
}
