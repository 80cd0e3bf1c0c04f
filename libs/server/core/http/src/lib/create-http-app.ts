import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@zhengwu/server/core/config';
import { PlatformError, ProblemFilter, validationExceptionFactory } from '@zhengwu/server/core/errors';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { instrumentHttp, requestIdOf } from '@zhengwu/server/core/observability';
import { Logger } from 'nestjs-pino';
import { Registry } from 'prom-client';
import { serveWebApps } from './web-apps';

export const API_PREFIX = 'api/v1';
/** JSON bodies are small (files go through multipart uploads with their own limits). */
const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

export type RootModule = Parameters<typeof NestFactory.create>[0];

/**
 * Builds the Fastify-based Nest application with everything every deployment needs around the
 * modules: validation, the error filter, security headers, metrics, OpenAPI and (optionally) the
 * web apps. `main.ts` and the integration tests both use it, so tests exercise the real stack.
 */
export async function createHttpApp(
  rootModule: RootModule,
  config: AppConfig,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    // One correlation id per request for Fastify, pino and the async context alike: a caller's
    // well-formed X-Request-Id, else a new UUID (requestIdOf validates and records it).
    requestIdHeader: false,
    genReqId: (request: IncomingMessage) => requestIdOf(request),
  });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, {
    bufferLogs: true,
    abortOnError: false,
    // Nest would add a form-urlencoded parser; the API speaks JSON (and multipart for files) only,
    // which Fastify's own parser handles.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'metrics'] });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      forbidUnknownValues: true,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  app.useGlobalFilters(new ProblemFilter());

  if (config.CORS_ORIGINS) {
    app.enableCors({
      origin: config.CORS_ORIGINS.split(','),
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'accept-language', 'x-request-id'],
      exposedHeaders: ['x-request-id'],
      maxAge: 600,
    });
  }
  const fastify = app.getHttpAdapter().getInstance();
  useStrictJsonParser(fastify);
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  instrumentHttp(fastify, app.get(Registry));
  // Uploads stream through @fastify/multipart; one file per request, bounded by MAX_UPLOAD_BYTES.
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.MAX_UPLOAD_BYTES, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 21 },
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        // The pages call the deployment hosting each centre (the directory's API URLs): in a topology
        // those are the same origins that may call this API (CORS_ORIGINS).
        connectSrc: ["'self'", ...(config.CORS_ORIGINS ? config.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean) : [])],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
  });
  if (config.WEB_ROOT) {
    await serveWebApps(app, config.WEB_ROOT);
  }
  setUpOpenApi(app);
  return app;
}

/**
 * Fastify's JSON parser (with its prototype-poisoning protection), but failing with our own
 * MALFORMED_BODY error: Nest would otherwise turn the parser's error into a bare HttpException
 * and lose what went wrong. Other Fastify errors (415, 413) keep their status and are mapped by it.
 */
function useStrictJsonParser(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, raw, done) => {
    const body = typeof raw === 'string' ? raw : raw.toString('utf8');
    if (body === '') {
      done(PlatformError.MALFORMED_BODY(), undefined);
      return;
    }
    parse(request, body, (error, value) => {
      if (error) {
        done(PlatformError.MALFORMED_BODY(), undefined);
      } else {
        done(null, value);
      }
    });
  });
}

function setUpOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Zhengwu Hall approval core')
      .setDescription('政务大厅 审批核心 API. Errors: `{ code, message: { zh, en }, details? }`.')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT (EdDSA)' })
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
}
