#!/usr/bin/env node
// HTTP benchmark of the request paths every screen depends on, against a running platform
// (`npm start` in another terminal, or BENCH_URL). Prints requests/s and latency percentiles;
// it asserts nothing. Usage: npm run bench [-- --duration 10 --connections 32]
import autocannon from 'autocannon';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.BENCH_URL ?? 'http://127.0.0.1:3000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    centre: { type: 'string', default: '510900' },
    username: { type: 'string', default: 'clerk' },
    password: { type: 'string', default: 'Zhengwu@2026' },
  },
});
const base = values.url.replace(/\/$/, '');

async function login() {
  const response = await fetch(`${base}/api/v1/auth/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ centreCode: values.centre, username: values.username, password: values.password }),
  });
  if (!response.ok) throw new Error(`login failed (${response.status}): is the platform running with demo data?`);
  return (await response.json()).accessToken;
}

async function bench(title, path, headers = {}) {
  const result = await autocannon({
    url: `${base}${path}`,
    headers,
    duration: Number(values.duration),
    connections: Number(values.connections),
  });
  const errors = result.errors + result.non2xx;
  console.log(
    `${title.padEnd(52)} ${String(Math.round(result.requests.average)).padStart(7)} req/s` +
      `   p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms${errors ? `   ${errors} errors/non-2xx` : ''}`,
  );
}

const token = await login();
console.log(`${base}, ${values.connections} connections, ${values.duration} s each\n`);
await bench('GET /health (database round trip)', '/health');
await bench('GET /api/v1/centres (public reference data)', '/api/v1/centres');
await bench('GET /api/v1/auth/me (token + tenant-scoped transaction)', '/api/v1/auth/me', { authorization: `Bearer ${token}` });
