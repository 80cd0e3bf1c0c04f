import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PlatformError, toErrorResponse } from '@zhengwu/server/core/errors';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Angular apps, each under its base href, served from `<WEB_ROOT>/<app>/browser`. */
export const WEB_APPS = [
  { name: 'workbench', prefix: '/workbench/' },
  { name: 'portal', prefix: '/' },
] as const;

const NOT_WEB = /^\/(api|health|metrics)(\/|$)/;

/**
 * Files come from @fastify/static (one exact route per file); any other GET under an app's base
 * href is a client-side route and gets that app's index.html. Unknown API paths keep the JSON 404.
 */
export async function serveWebApps(app: NestFastifyApplication, webRoot: string): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const indexHtml = new Map<string, string>();
  for (const [position, webApp] of WEB_APPS.entries()) {
    const directory = join(webRoot, webApp.name, 'browser');
    indexHtml.set(webApp.name, readFileSync(join(directory, 'index.html'), 'utf8'));
    await app.register(fastifyStatic, {
      root: directory,
      prefix: webApp.prefix,
      wildcard: false,
      index: false,
      decorateReply: position === 0,
      setHeaders: (reply, path) => {
        // Angular's output file names carry a content hash; everything else must be revalidated.
        const immutable = /-[0-9A-Z]{8,}\.(js|css|woff2?)$/i.test(path);
        void reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  fastify.get('/*', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (NOT_WEB.test(path)) {
      const response = toErrorResponse(PlatformError.ROUTE_NOT_FOUND());
      return reply.status(response.status).send(response.body);
    }
    const webApp = WEB_APPS.find((candidate) => path.startsWith(candidate.prefix) || `${path}/` === candidate.prefix) ?? WEB_APPS[1];
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(indexHtml.get(webApp.name));
  });
}
