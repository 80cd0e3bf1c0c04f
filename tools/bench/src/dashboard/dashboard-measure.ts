import autocannon from 'autocannon';
import type { ApiClient } from '../api';
import type { Lifecycle } from '../lifecycle';

export interface DashboardRequest {
  key: string;
  title: string;
  /** Paths fired round-robin (one per centre). */
  paths: string[];
  /** The supervisor's bearer header per path. */
  headers: Array<Record<string, string>>;
}

export interface DashboardResult {
  key: string;
  title: string;
  /** Closed-loop clients (1: one supervisor at a time). */
  connections: number;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  /** Exact percentiles over every answer's response time (autocannon's histogram has no p95). */
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  errors: number;
  errorSamples: string[];
  /** Size of one answer (the first, outside the measurement). */
  responseBytes: number;
  underTarget: boolean;
}

/**
 * Fires one dashboard request with autocannon (closed loop: `connections` clients, each sending its
 * next request when the previous one is answered) for `duration` seconds. One request per centre is
 * sent first, outside the measurement, and must answer 2xx.
 */
export async function measureRequest(
  api: ApiClient,
  request: DashboardRequest,
  options: { connections: number; duration: number; targetP95Ms: number },
  lifecycle: Lifecycle,
): Promise<DashboardResult> {
  let responseBytes = 0;
  for (const [i, path] of request.paths.entries()) {
    const probe = await api.probe('GET', path, request.headers[i] ?? {});
    if (probe.status < 200 || probe.status >= 300) throw new Error(`${request.title}: GET ${path} answered ${probe.status}: ${probe.text.slice(0, 600)}`);
    responseBytes = Math.max(responseBytes, Buffer.byteLength(probe.text));
  }
  let n = 0;
  const times: number[] = [];
  const errorSamples: string[] = [];
  const instance = autocannon({
    url: api.baseUrl,
    connections: options.connections,
    duration: options.duration,
    timeout: 30,
    requests: [
      {
        setupRequest: (req) => {
          const i = n++ % request.paths.length;
          return { ...req, method: 'GET', path: request.paths[i], headers: { ...request.headers[i] } };
        },
        onResponse: (status, body) => {
          if ((status < 200 || status >= 300) && errorSamples.length < 3) errorSamples.push(`${status} ${body.slice(0, 300)}`);
        },
      },
    ],
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  const stopOnInterrupt = lifecycle.onInterrupt(() => instance.stop());
  const result = await instance;
  stopOnInterrupt();
  lifecycle.checkpoint();

  times.sort((a, b) => a - b);
  const p95 = percentile(times, 0.95);
  return {
    key: request.key,
    title: request.title,
    connections: options.connections,
    requests: result.requests.total,
    seconds: result.duration,
    requestsPerSecond: result.duration > 0 ? result.requests.total / result.duration : 0,
    latencyMs: { p50: percentile(times, 0.5), p95, p99: percentile(times, 0.99), max: times[times.length - 1] ?? 0 },
    errors: result.non2xx + result.errors + result.timeouts,
    errorSamples,
    responseBytes,
    underTarget: times.length > 0 && p95 < options.targetP95Ms && result.non2xx + result.errors + result.timeouts === 0,
  };
}

/** Nearest-rank percentile of sorted values, rounded to 0.1 ms. */
function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const value = sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  return Math.round(value * 10) / 10;
}
