import fastifyHelmet from '@fastify/helmet';
import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@zhengwu/server/core/config';
import { ProblemFilter, toErrorResponse, validationExceptionFactory } from '@zhengwu/server/core/errors';
import { instrumentHttp } from '@zhengwu/server/core/observability';
import { Logger } from 'nestjs-pino';
import { Registry } from 'prom-client';
import { serveWebApps } from './web-apps';

export const API_PREFIX = 'api/v1';
/** JSON bodies are small (files go through multipart uploads with their own limits). */
const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

export interface HttpAppOptions {
  /** Keep Nest's own console logger (tests), instead of the structured pino logger. */
  plainLogger?: boolean;
}

/**
 * Builds the Fastify-based Nest application with everything every deployment needs around the
 * modules: validation, the error filter, security headers, metrics, OpenAPI and (optionally) the
 * web apps. `main.ts` and the integration tests both use it, so tests exercise the real stack.
 */
export type RootModule = Parameters<typeof NestFactory.create>[0];

export async function createHttpApp(
  rootModule: RootModule,
  config: AppConfig,
  options: HttpAppOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
  });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, {
    bufferLogs: !options.plainLogger,
    logger: options.plainLogger ? ['error', 'warn'] : undefined,
    abortOnError: false,
  });
  if (!options.plainLogger) {
    app.useLogger(app.get(Logger));
  }
  app.enableShutdownHooks();
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

  // Errors raised by Fastify before Nest sees the request (malformed JSON, wrong content type,
  // oversized body) get the same `{ code, message }` body as everything else.
  const fastify = app.getHttpAdapter().getInstance();
  fastify.setErrorHandler((error, _request, reply) => {
    const response = toErrorResponse(error);
    void reply.status(response.status).send(response.body);
  });
  instrumentHttp(fastify, app.get(Registry));
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
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
