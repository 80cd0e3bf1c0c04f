import type { PgbenchResult } from './pgbench';
import type { ScenarioResult } from './scenarios/measure';

export interface Environment {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  postgres: string;
  sharedBuffers: string;
  synchronousCommit: string;
  centres: string[];
  cases: number;
  historyEvents: number | null;
  connections: number;
  durationSeconds: number;
  apiLogLevel: string;
  apiPoolSize: number;
  database: string;
  /** The machine's 1-minute load average when the run started: other work on the machine shows here. */
  loadAverageAtStart: number;
}

export interface Report {
  startedAt: string;
  environment: Environment;
  seedSeconds: number;
  rows: Record<string, number>;
  scenarios: ScenarioResult[];
  pgbench: PgbenchResult | null;
  /** Requests per second of each scenario divided by pgbench's transactions per second. */
  perPgbenchTps: Record<string, number>;
  chainVerification?: Record<string, { ok: boolean; checked: number }>;
}

export function buildReport(
  base: Omit<Report, 'perPgbenchTps'>,
): Report {
  const tps = base.pgbench?.tps;
  const perPgbenchTps = Object.fromEntries(
    tps ? base.scenarios.map((scenario) => [scenario.key, round(scenario.requestsPerSecond / tps, 3)]) : [],
  );
  return { ...base, perPgbenchTps };
}

export function formatReport(report: Report): string {
  const env = report.environment;
  const lines = [
    '',
    'Zhengwu Hall approval benchmark',
    `  machine     ${env.cpus} × ${env.cpuModel}, ${env.memoryGiB} GiB, Node ${env.node}`,
    `  PostgreSQL  ${env.postgres} (shared_buffers ${env.sharedBuffers}, synchronous_commit ${env.synchronousCommit}), database ${env.database}`,
    `  data        ${env.cases.toLocaleString('en')} seeded cases over centres ${env.centres.join(', ')}` +
      (env.historyEvents === null ? ' (history seeded without events)' : `, ${env.historyEvents.toLocaleString('en')} hash-chained events`) +
      `, seeded in ${report.seedSeconds.toFixed(0)} s`,
    `  rows        ${Object.entries(report.rows).map(([table, count]) => `${table} ${count.toLocaleString('en')}`).join(', ')}`,
    `  load        ${env.connections} connections × ${env.durationSeconds} s per scenario; API LOG_LEVEL=${env.apiLogLevel}, pool ${env.apiPoolSize}`,
    `  busy        load average ${env.loadAverageAtStart.toFixed(1)} when the run started` +
      (env.loadAverageAtStart > env.cpus / 2 ? ' — something else was running: the figures are lower than this machine can do' : ' (quiet)'),
    '',
  ];
  const header = ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'requests', 'API cpu ms', 'PG cpu ms'];
  const cpuMs = (ms: number | undefined) => (ms === undefined ? '-' : ms.toFixed(1));
  const rows: string[][] = report.scenarios.map((s) => [
    s.title + (s.ranOut ? ' *' : ''),
    s.requestsPerSecond.toFixed(0),
    s.latencyMs.p50.toFixed(1),
    s.latencyMs.p99.toFixed(1),
    String(s.errors),
    String(s.requests),
    cpuMs(s.cpu?.apiMsPerRequest),
    cpuMs(s.cpu?.postgresMsPerRequest),
  ]);
  if (report.pgbench) {
    const p = report.pgbench;
    rows.push([
      `pgbench TPC-B (scale ${p.scale}, -c ${p.clients} -j ${p.threads}), tps`,
      p.tps.toFixed(0),
      p.latencyMs.p50.toFixed(1),
      p.latencyMs.p99.toFixed(1),
      String(p.failed),
      String(p.transactions),
      '-',
      cpuMs(p.postgresCpuMsPerTransaction),
    ]);
  }
  lines.push(...table(header, rows));
  const failures = report.scenarios.filter((s) => s.errors > 0);
  for (const s of failures) {
    lines.push(`  ! ${s.key}: status codes ${JSON.stringify(s.statusCodes)}`);
    for (const sample of s.errorSamples) lines.push(`      ${sample}`);
  }
  if (report.scenarios.some((s) => s.cpu)) {
    lines.push('  cpu ms: CPU time per request (per transaction for pgbench) of the API process and of its PostgreSQL backends');
  }
  if (report.scenarios.some((s) => s.ranOut)) {
    lines.push('  * ran out of prepared cases before the duration ended: raise --prepared-rate');
  }
  const sampled = report.scenarios.filter((s) => s.database && s.database.samples > 0);
  if (sampled.length > 0) {
    lines.push('', '  database sessions of the API during each scenario (sampled every 50 ms): busy sessions on average, and what they were doing');
    for (const s of sampled) {
      const db = s.database;
      if (!db) continue;
      const top = Object.entries(db.waits)
        .slice(0, 4)
        .map(([wait, share]) => `${wait === 'CPU' ? 'running' : wait} ${(share * 100).toFixed(0)}%`)
        .join(', ');
      lines.push(`    ${s.key.padEnd(9)} ${db.activeBackends.toFixed(1).padStart(5)} busy: ${top}`);
    }
  }
  if (report.pgbench) {
    const submit = report.perPgbenchTps['submit'];
    lines.push('');
    if (submit !== undefined) lines.push(`  submit / pgbench tps = ${submit.toFixed(3)}  (one submit costs about ${(1 / submit).toFixed(1)} TPC-B transactions)`);
    const submitCpu = report.scenarios.find((s) => s.key === 'submit')?.cpu;
    const pgbenchCpu = report.pgbench.postgresCpuMsPerTransaction;
    if (submitCpu && pgbenchCpu) {
      lines.push(
        `  by CPU: one submit takes ${submitCpu.postgresMsPerRequest.toFixed(1)} ms of PostgreSQL (${(submitCpu.postgresMsPerRequest / pgbenchCpu).toFixed(1)} TPC-B transactions) and ${submitCpu.apiMsPerRequest.toFixed(1)} ms of the API`,
      );
    }
    lines.push(
      `  per pgbench tps: ${report.scenarios.map((s) => `${s.key} ${(report.perPgbenchTps[s.key] ?? 0).toFixed(3)}`).join(', ')}`,
    );
  }
  if (report.chainVerification) {
    lines.push(
      `  event chains: ${Object.entries(report.chainVerification)
        .map(([centre, v]) => `${centre} ${v.ok ? 'intact' : 'BROKEN'} (${v.checked.toLocaleString('en')} events)`)
        .join(', ')}`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const format = (row: string[]) =>
    '  ' + row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [format(header), '  ' + widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(format)];
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
