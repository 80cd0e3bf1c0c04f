import autocannon from 'autocannon';
import type { ApiClient } from '../api';
import type { CpuMeter } from '../cpu';
import type { Lifecycle } from '../lifecycle';
import type { Scenario, ScenarioRequest } from './scenario';
import type { WaitProfile, WaitSampler } from './wait-sampler';

export interface ScenarioResult {
  key: string;
  title: string;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  /** Non-2xx responses, connection errors and timeouts. */
  errors: number;
  statusCodes: Record<string, number>;
  /** The first few non-2xx answers, to say why. */
  errorSamples: string[];
  /** The prepared cases ran out before the duration did. */
  ranOut: boolean;
  capacity?: number;
  /** Where the API's database sessions spent the scenario (sampled). */
  database?: WaitProfile;
  /** CPU ms per completed request, of the API process and of its PostgreSQL backends. */
  cpu?: { apiMsPerRequest: number; postgresMsPerRequest: number };
}

export interface MeasureOptions {
  connections: number;
  duration: number;
  sampler?: WaitSampler;
  cpu?: CpuMeter;
}

/**
 * Fires the scenario with autocannon (`connections` keep-alive connections, each sending its next
 * request as soon as the previous answer arrives) for `duration` seconds, or until a state-changing
 * scenario has used every prepared case. One request is sent first, outside the measurement, and
 * must succeed: a scenario that only produces errors would otherwise print a fast, meaningless line.
 */
export async function measure(api: ApiClient, scenario: Scenario, options: MeasureOptions, lifecycle: Lifecycle): Promise<ScenarioResult> {
  const first = scenario.next();
  if (!first) throw new Error(`${scenario.title}: nothing to request`);
  const probe = await api.probe(first.method, first.path, first.headers, first.body);
  if (probe.status < 200 || probe.status >= 300) {
    throw new Error(`${scenario.title}: the first request (${first.method} ${first.path}) answered ${probe.status}: ${probe.text.slice(0, 600)}`);
  }

  // Each connection builds its next request when the previous one is answered, so a few more are
  // built than sent; stop sending early enough that none of them reuses a case.
  const spare = 2 * options.connections + 2;
  const limit = scenario.capacity === undefined ? undefined : scenario.capacity - 1 - spare;
  if (limit !== undefined && limit < options.connections) {
    throw new Error(`${scenario.title}: only ${scenario.capacity} cases prepared for ${options.connections} connections`);
  }
  let exhausted = false;
  const errorSamples: string[] = [];
  const fallback: ScenarioRequest = { method: 'GET', path: '/health', headers: {} };
  const instance = autocannon({
    url: api.baseUrl,
    connections: options.connections,
    duration: options.duration,
    timeout: 30,
    ...(limit === undefined ? {} : { maxOverallRequests: limit }),
    requests: [
      {
        setupRequest: (request) => {
          const next = scenario.next();
          if (!next) exhausted = true;
          const chosen = next ?? fallback;
          return { ...request, method: chosen.method, path: chosen.path, headers: { ...chosen.headers }, body: chosen.body ?? '' };
        },
        onResponse: (status, body) => {
          if ((status < 200 || status >= 300) && errorSamples.length < 3) errorSamples.push(`${status} ${body.slice(0, 300)}`);
        },
      },
    ],
  });
  const stopOnInterrupt = lifecycle.onInterrupt(() => instance.stop());
  options.cpu?.start();
  options.sampler?.start();
  const result = await instance;
  const database = options.sampler?.stop();
  const spent = options.cpu?.stop();
  stopOnInterrupt();
  lifecycle.checkpoint();

  const requests = result.requests.total;
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count]));
  const ranOut = exhausted || (limit !== undefined && requests >= limit);
  return {
    key: scenario.key,
    title: scenario.title,
    requests,
    seconds: result.duration,
    requestsPerSecond: result.duration > 0 ? requests / result.duration : 0,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    errors: result.non2xx + result.errors + result.timeouts,
    statusCodes,
    errorSamples,
    ranOut,
    ...(scenario.capacity === undefined ? {} : { capacity: scenario.capacity }),
    ...(database ? { database } : {}),
    ...(spent && requests > 0 ? { cpu: { apiMsPerRequest: spent.apiMs / requests, postgresMsPerRequest: spent.postgresMs / requests } } : {}),
  };
}
