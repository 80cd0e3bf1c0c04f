import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export function createMetricsRegistry(deploymentId: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ deployment: deploymentId });
  collectDefaultMetrics({ register: registry, prefix: 'zhengwu_' });
  return registry;
}

/**
 * Request duration by route pattern (never the raw URL: case numbers in paths would explode the
 * label set), method and status, measured by Fastify hooks so 404s and errors count too.
 */
export function instrumentHttp(fastify: FastifyInstance, registry: Registry): void {
  const duration = new Histogram({
    name: 'zhengwu_http_request_duration_seconds',
    help: 'HTTP request duration by route, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  fastify.addHook('onResponse', async (request, reply) => {
    duration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
}
