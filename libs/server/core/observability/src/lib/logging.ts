import { RequestMethod } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { LogLevel } from '@zhengwu/server/core/config';

const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * Paths pino must never print. Request bodies are not logged at all; these cover headers and any
 * object a developer logs by mistake (credentials, identity numbers, mobiles).
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.idNumber',
  '*.identityNumber',
  '*.identifier',
  '*.mobile',
  '*.accessToken',
];

/** The correlation id: a well-formed caller-supplied `x-request-id`, else a new UUID. */
export function requestIdOf(req: IncomingMessage, res?: ServerResponse): string {
  const given = req.headers[REQUEST_ID_HEADER];
  const id = typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
  // Later middleware (the async context) reads the same header, so both agree on the id.
  req.headers[REQUEST_ID_HEADER] = id;
  res?.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

export function loggerParams(level: LogLevel, deploymentId: string): Params {
  return {
    assignResponse: true,
    // nestjs-pino's default route '*' is path-to-regexp's old wildcard, which Nest 11 converts with a
    // warning at every start. The named wildcard reaches every Nest route (the web apps' files are
    // served by Fastify directly and stay unlogged, as before); the probes stay out of the log.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    exclude: [
      { path: 'health', method: RequestMethod.ALL },
      { path: 'metrics', method: RequestMethod.ALL },
    ],
    pinoHttp: {
      level,
      base: { deployment: deploymentId },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      genReqId: (req, res) => requestIdOf(req, res),
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  };
}
