import { AWAITING_PRE_REVIEW_STATUSES, CLOCK_STATUSES } from '@zhengwu/supervision/domain';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'pg';
import { ApiClient } from '../api';
import { Lifecycle, log, timed } from '../lifecycle';
import type { DashboardOptions } from '../options';
import { freePort, startPlatform } from '../platform';
import { checkpoint, connect, databaseExists, databaseUrl, dropDatabase, serverInfo } from '../postgres';
import { HISTORY_DAYS } from '../setup';
import { WorkingDays } from '../seed/working-days';
import { CentreSeedResult, prepareSeedSession, seedCentre } from './dashboard-seed';
import { DashboardRequest, DashboardResult, measureRequest } from './dashboard-measure';

/*
 * `npm run bench -- dashboard`: does the supervisor's dashboard stay fast at scale (issue 6: 10 M
 * cases, p95 under 200 ms)? One run starts the platform on its own database
 * zhengwu_bench_dash_<time>, seeds N cases across the centres and fills the statistics counters
 * from them (dashboard-seed.ts), waits for the supervision sweep to have run over the seeded cases
 * (it raises the board's alerts), then measures, one after another, the requests a supervisor's
 * workbench makes: statistics of a month and of a year per centre, department, item and staff
 * member, the live board and the roll-up. It prints the figures and drops its database.
 */

const API = '/api/v1/centres';
const FUTURE_DAYS = 120;
/** How long to wait for the sweep (every 60 s) to have swept every centre after the seed. */
const SWEEP_WAIT_MS = 10 * 60_000;

export interface DashboardReport {
  startedAt: string;
  environment: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    node: string;
    postgres: string;
    sharedBuffers: string;
    loadAverageAtStart: [number, number, number];
    loadAverageAtMeasure: [number, number, number];
    centres: string[];
    cases: number;
    connections: number;
    durationSeconds: number;
    database: string;
  };
  /** reused: the database was seeded by an earlier run (--database), so seconds and casesPerSecond say nothing. */
  seed: { reused: boolean; seconds: number; casesPerSecond: number; centres: CentreSeedResult[]; rows: Record<string, number>; databaseSize: string };
  sweepWaitSeconds: number;
  /** Whether a sweep of every centre that started after the seed finished before the measurement. */
  sweepCompleted: boolean;
  openAlerts: Record<string, { red: number; yellow: number; open: number }>;
  /** Each centre's latest sweep, read after the measurement: open cases evaluated, alerts raised and resolved, milliseconds. */
  lastSweeps: Record<string, { ms: number | null; evaluated: number; raised: number; resolved: number }>;
  periods: { month: { from: string; to: string }; year: { from: string; to: string } };
  targetP95Ms: number;
  results: DashboardResult[];
  explain: string;
}

export async function runDashboard(root: string, options: DashboardOptions, lifecycle: Lifecycle): Promise<DashboardReport | null> {
  const startedAt = new Date();
  const loadAtStart = loadavg() as [number, number, number];
  const database = options.database ?? `zhengwu_bench_dash_${startedAt.toISOString().replace(/\D/g, '').slice(0, 14)}`;
  const server = await serverInfo(options.serverUrl);
  const exists = await databaseExists(options.serverUrl, database);
  if (exists && !options.database) throw new Error(`Database ${database} exists already; start again in a second`);
  // A named database that holds this many seeded cases is measured again, not seeded again.
  const reuse = exists && (await seededCases(options.serverUrl, database)) === options.cases;
  if (exists && !reuse) throw new Error(`Database ${database} exists but does not hold a finished seed of ${options.cases.toLocaleString('en')} cases; drop it or name another`);
  log(`PostgreSQL ${server.version}; database ${database}${reuse ? ' (seeded before: measuring again)' : ''}; load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}`);

  const tmp = mkdtempSync(join(tmpdir(), 'zhengwu-bench-dash-'));
  lifecycle.defer('remove the temporary directory', async () => {
    if (!options.keep) rmSync(tmp, { recursive: true, force: true });
  });
  lifecycle.defer('drop the database', async () => {
    if (options.keep || options.database) return log(`kept database ${database}`);
    await dropDatabase(options.serverUrl, database);
    log(`dropped ${database}`);
  });

  const port = await freePort();
  const platform = await timed(`starting the API on port ${port} (migrations, demo data)`, () =>
    startPlatform(root, { serverUrl: options.serverUrl, database, dataDir: join(tmp, 'data'), port, logLevel: options.logLevel }, lifecycle),
  );
  lifecycle.defer('stop the platform', () => platform.stop(lifecycle.interrupted ? 2000 : 0));
  lifecycle.checkpoint();
  const api = new ApiClient(platform.baseUrl);

  // The seed, on at most two connections; a centre is seeded by one connection at a time (its case-number sequences).
  const days = new WorkingDays(HISTORY_DAYS + 10, FUTURE_DAYS);
  const seedStart = Date.now();
  const perCentre = options.centres.map((centre, n) => ({
    centre,
    count: Math.floor(options.cases / options.centres.length) + (n < options.cases % options.centres.length ? 1 : 0),
  }));
  const queue = [...perCentre].sort((a, b) => b.count - a.count);
  const seeded: CentreSeedResult[] = [];
  if (!reuse) await timed(`seeding ${options.cases.toLocaleString('en')} cases over ${options.centres.join(', ')} on ${options.seedConnections} connection(s)`, async () => {
    const workers = Array.from({ length: Math.min(options.seedConnections, queue.length) }, async () => {
      const client = await connect(platform.ownerUrl);
      // A connection dropped while the other one fails must not crash the run before its cleanup.
      client.on('error', (error) => log(`  seeding connection: ${error.message}`));
      try {
        await prepareSeedSession(client);
        for (let next = queue.shift(); next; next = queue.shift()) {
          seeded.push(
            await seedCentre(client, next.centre, next.count, options.batch, days, HISTORY_DAYS, (message) => log(`  ${message}`), () => lifecycle.checkpoint()),
          );
        }
      } finally {
        await client.end();
      }
    });
    await Promise.all(workers);
  });
  const seedSeconds = (Date.now() - seedStart) / 1000;
  const owner = await connect(platform.ownerUrl);
  lifecycle.defer('close the owner connection', () => owner.end());
  if (!reuse) await markSeeded(options.serverUrl, database, options.cases);
  if (!reuse) await timed('VACUUM (ANALYZE) of the seeded tables', async () => {
    // The catalogue tables too: the demo data was written just before, and autovacuum may not have analyzed it yet.
    for (const table of ['applications', 'application_steps', 'case_number_sequences', 'supervision_stat_counters', 'supervision_stat_counters_monthly', 'items', 'departments', 'staff']) {
      await owner.query(`VACUUM (ANALYZE) ${table}`);
    }
  });
  await checkpoint(options.serverUrl);
  const { rows, databaseSize } = await sizes(databaseUrl(options.serverUrl, database), database);
  log(`rows: ${Object.entries(rows).map(([t, n]) => `${t} ${n.toLocaleString('en')}`).join(', ')}; database ${databaseSize}`);
  if (options.seedOnly) {
    log(`seeded ${database}; measure it with: npm run bench -- dashboard --database ${database} --cases ${options.cases}`);
    return null;
  }

  // The supervisors' tokens; then wait for a sweep that started after the seed (it raises the alerts the board lists).
  const tokens = new Map<string, string>();
  for (const centre of options.centres) tokens.set(centre, await api.staffToken(centre, 'supervisor'));
  const sweepWaitStart = Date.now();
  const seededAt = new Date(Date.now());
  let sweepCompleted = true;
  await timed('waiting for the supervision sweep to run over the seeded cases (every 60 s)', async () => {
    // Read from the sweep's lease rows rather than the board: before the alerts table is analyzed
    // (below) a board request can take minutes, longer than fetch waits for an answer.
    for (;;) {
      lifecycle.checkpoint();
      if (!platform.alive()) throw new Error(`The platform stopped:\n${platform.tail()}`);
      let swept = 0;
      for (const centre of options.centres) {
        await owner.query('BEGIN');
        await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [centre]);
        const { rows } = await owner.query<{ last_swept_at: Date | null }>('SELECT last_swept_at FROM supervision_sweep_leases WHERE tenant_id = $1', [centre]);
        await owner.query('COMMIT');
        if (rows[0]?.last_swept_at && rows[0].last_swept_at > seededAt) swept++;
      }
      if (swept === options.centres.length) break;
      if (Date.now() - sweepWaitStart > SWEEP_WAIT_MS) {
        log('  no sweep of every centre finished within 10 minutes of the seed: measuring anyway (the board lists the alerts raised so far)');
        sweepCompleted = false;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  });
  // The sweep has just written the alerts; autovacuum analyzes them in its own time. Until then the
  // board's NOT EXISTS over open alerts is planned for an empty table and runs for minutes at 5 M
  // cases (docs/benchmarks.md): analyze now, as autovacuum would, so the figures are the steady state.
  await owner.query('VACUUM (ANALYZE) supervision_alerts');
  const sweepWaitSeconds = (Date.now() - sweepWaitStart) / 1000;
  const openAlerts: DashboardReport['openAlerts'] = {};
  for (const centre of options.centres) {
    const board = await api.json<{ counts: { open: number; yellow: number; red: number } }>('GET', `${API}/${centre}/supervision/board`, tokens.get(centre) as string);
    openAlerts[centre] = { open: board.counts.open, red: board.counts.red, yellow: board.counts.yellow };
  }
  log(`board counts: ${Object.entries(openAlerts).map(([c, a]) => `${c} open ${a.open} red ${a.red} yellow ${a.yellow}`).join('; ')}`);

  const periods = dashboardPeriods(days.today);
  const requests = dashboardRequests(options.centres, tokens, periods);
  const loadAtMeasure = loadavg() as [number, number, number];
  const results: DashboardResult[] = [];
  // Each request alone (one supervisor waiting for each answer), then with `connections` at once.
  for (const connections of [...new Set([1, options.connections])]) {
    for (const request of requests) {
      if (!platform.alive()) throw new Error(`The platform stopped:\n${platform.tail()}`);
      const result = await timed(`measuring ${request.title}, ${connections} connection(s)`, () =>
        measureRequest(api, request, { connections, duration: options.duration, targetP95Ms: options.targetP95Ms }, lifecycle),
      );
      log(`  ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms, p99 ${result.latencyMs.p99} ms, ${result.errors} errors`);
      results.push(result);
    }
  }
  const explain = await explainBoard(platform.runtimeUrl, options.centres[0] ?? '510000');
  // What each centre's latest sweep did and took (it kept running, every minute, during the measurement).
  const lastSweeps: DashboardReport['lastSweeps'] = {};
  for (const centre of options.centres) {
    await owner.query('BEGIN');
    await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [centre]);
    const { rows } = await owner.query<{ last_report: { ms?: number; evaluated?: number; raised?: number; resolved?: number } | null }>(
      'SELECT last_report FROM supervision_sweep_leases WHERE tenant_id = $1',
      [centre],
    );
    await owner.query('COMMIT');
    const report = rows[0]?.last_report;
    if (report) lastSweeps[centre] = { ms: report.ms ?? null, evaluated: report.evaluated ?? 0, raised: report.raised ?? 0, resolved: report.resolved ?? 0 };
  }

  return {
    startedAt: startedAt.toISOString(),
    environment: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      postgres: server.version,
      sharedBuffers: server.sharedBuffers,
      loadAverageAtStart: loadAtStart,
      loadAverageAtMeasure: loadAtMeasure,
      centres: options.centres,
      cases: options.cases,
      connections: options.connections,
      durationSeconds: options.duration,
      database,
    },
    seed: { reused: reuse, seconds: seedSeconds, casesPerSecond: options.cases / seedSeconds, centres: seeded, rows, databaseSize },
    sweepWaitSeconds,
    sweepCompleted,
    openAlerts,
    lastSweeps,
    periods,
    targetP95Ms: options.targetP95Ms,
    results,
    explain,
  };
}

/** The month before this one (whole: the monthly counters) and the year to today (partial edge months: daily and monthly). */
export function dashboardPeriods(today: string): DashboardReport['periods'] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 2, 1));
  const last = new Date(Date.UTC(year, month - 1, 0));
  const yearFrom = new Date(`${today}T00:00:00Z`);
  yearFrom.setUTCFullYear(yearFrom.getUTCFullYear() - 1);
  yearFrom.setUTCDate(yearFrom.getUTCDate() + 1);
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  return { month: { from: iso(first), to: iso(last) }, year: { from: iso(yearFrom), to: today } };
}

function dashboardRequests(centres: string[], tokens: Map<string, string>, periods: DashboardReport['periods']): DashboardRequest[] {
  const headers = centres.map((centre) => ({ authorization: `Bearer ${tokens.get(centre) ?? ''}` }));
  const requests: DashboardRequest[] = [];
  for (const [name, period] of [
    ['month', periods.month],
    ['year', periods.year],
  ] as const) {
    for (const dimension of ['centre', 'department', 'item', 'staff'] as const) {
      requests.push({
        key: `statistics-${name}-${dimension}`,
        title: `statistics, ${name} (${period.from}…${period.to}), by ${dimension}`,
        paths: centres.map((centre) => `${API}/${centre}/supervision/statistics?from=${period.from}&to=${period.to}&dimension=${dimension}`),
        headers,
      });
    }
  }
  requests.push({ key: 'board', title: 'live board (GET …/supervision/board)', paths: centres.map((centre) => `${API}/${centre}/supervision/board`), headers });
  requests.push({ key: 'rollup', title: 'roll-up tree (GET …/supervision/rollup)', paths: centres.map((centre) => `${API}/${centre}/supervision/rollup`), headers });
  return requests;
}

const SEED_MARK = /^zhengwu dashboard bench: (\d+) cases seeded/;

/** How many cases a finished seed left in the database (its comment), or undefined. */
async function seededCases(serverUrl: string, database: string): Promise<number | undefined> {
  const client = await connect(databaseUrl(serverUrl, 'postgres'));
  try {
    const { rows } = await client.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [database],
    );
    const mark = SEED_MARK.exec(rows[0]?.comment ?? '');
    return mark ? Number(mark[1]) : undefined;
  } finally {
    await client.end();
  }
}

/** Marks the seed finished, so a later run with --database can measure it again. */
async function markSeeded(serverUrl: string, database: string, cases: number): Promise<void> {
  const client = await connect(databaseUrl(serverUrl, 'postgres'));
  try {
    await client.query(`COMMENT ON DATABASE ${database} IS 'zhengwu dashboard bench: ${cases} cases seeded ${new Date().toISOString()}'`);
  } finally {
    await client.end();
  }
}

async function sizes(superuserUrl: string, database: string): Promise<{ rows: Record<string, number>; databaseSize: string }> {
  const client = await connect(superuserUrl);
  try {
    const rows: Record<string, number> = {};
    for (const table of ['applications', 'application_steps', 'supervision_stat_counters', 'supervision_stat_counters_monthly', 'supervision_alerts']) {
      rows[table] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n ?? 0);
    }
    const size = await client.query<{ size: string }>('SELECT pg_size_pretty(pg_database_size($1)) AS size', [database]);
    return { rows, databaseSize: size.rows[0]?.size ?? '?' };
  } finally {
    await client.end();
  }
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of what a board request runs over the alerts (its two lists:
 * SupervisionAlertRepository.open), and of the two counts the sweep now takes once per sweep for the
 * board (OpenWorkReader.openCaseCount, SupervisionAlertRepository.openCaseLevels), as the runtime
 * role with app.tenant_id set, as the API runs them. The SQL mirrors the repositories'; keep them in step.
 */
async function explainBoard(runtimeUrl: string, centre: string): Promise<string> {
  const open = [...AWAITING_PRE_REVIEW_STATUSES, ...CLOCK_STATUSES];
  const list = (level: 'red' | 'yellow', withoutRed: boolean) =>
    `SELECT a.* FROM supervision_alerts a WHERE a.tenant_id = $1 AND a.level = '${level}' AND a.resolved_at IS NULL` +
    (withoutRed
      ? ` AND NOT EXISTS (SELECT 1 FROM supervision_alerts r WHERE r.tenant_id = a.tenant_id AND r.application_id = a.application_id AND r.level = 'red' AND r.resolved_at IS NULL)`
      : '') +
    ` ORDER BY a.due ASC NULLS LAST, a.raised_at ASC LIMIT 100`;
  const statements: Array<[string, string, unknown[]]> = [
    ['board request: overdue list (SupervisionAlertRepository.open red)', list('red', false), [centre]],
    ['board request: due-soon list (SupervisionAlertRepository.open yellow, without red on the case)', list('yellow', true), [centre]],
    ['sweep, once per sweep: open cases (OpenWorkReader.openCaseCount)', 'SELECT count(*) AS count FROM applications WHERE tenant_id = $1 AND status = ANY($2::smallint[])', [centre, open]],
    [
      'sweep, once per sweep: open cases by alert level (SupervisionAlertRepository.openCaseLevels)',
      `SELECT top.level, count(*) AS count FROM (
         SELECT application_id, max(CASE level WHEN 'red' THEN 2 ELSE 1 END) AS rank
           FROM supervision_alerts
          WHERE tenant_id = $1 AND resolved_at IS NULL AND application_id IS NOT NULL AND subject_kind <> 'verification'
          GROUP BY application_id
       ) ranked
       CROSS JOIN LATERAL (SELECT CASE ranked.rank WHEN 2 THEN 'red' ELSE 'yellow' END AS level) top
       JOIN applications a ON a.tenant_id = $1 AND a.id = ranked.application_id AND a.status = ANY($2::smallint[])
       GROUP BY top.level`,
      [centre, open],
    ],
  ];
  const client: Client = await connect(runtimeUrl);
  const out: string[] = [];
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [centre]);
    for (const [title, sql, values] of statements) {
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, values);
      out.push(`-- ${title} (centre ${centre})`, ...rows.map((row) => row['QUERY PLAN']), '');
    }
    await client.query('ROLLBACK');
  } finally {
    await client.end();
  }
  return out.join('\n');
}

/** The figures as the table printed and written to docs/benchmarks.md. */
export function formatDashboardReport(report: DashboardReport): string {
  const env = report.environment;
  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' ');
  const lines = [
    '',
    `Supervision dashboard, ${report.startedAt}`,
    `  machine     ${env.cpus} × ${env.cpuModel}, ${env.memoryGiB} GiB; Node ${env.node}; PostgreSQL ${env.postgres} (shared_buffers ${env.sharedBuffers})`,
    `  load avg    ${load(env.loadAverageAtStart)} at start, ${load(env.loadAverageAtMeasure)} when the measurement began (1, 5, 15 min)`,
    `  data        ${env.cases.toLocaleString('en')} cases over ${env.centres.join(', ')} ` +
      (report.seed.reused
        ? `seeded by an earlier run (${env.database}); `
        : `seeded in ${report.seed.seconds.toFixed(0)} s (${Math.round(report.seed.casesPerSecond).toLocaleString('en')} cases/s); `) +
      `database ${report.seed.databaseSize}`,
    `  rows        ${Object.entries(report.seed.rows).map(([t, n]) => `${t} ${n.toLocaleString('en')}`).join(', ')}`,
    `  sweep       ${report.sweepCompleted ? `a sweep of every centre finished ${report.sweepWaitSeconds.toFixed(0)} s after the seed` : `NO sweep of every centre finished within ${report.sweepWaitSeconds.toFixed(0)} s of the seed`}`,
    `  board       ${Object.entries(report.openAlerts).map(([c, a]) => `${c}: ${a.open.toLocaleString('en')} open, ${a.red.toLocaleString('en')} red, ${a.yellow.toLocaleString('en')} yellow`).join('; ')}`,
    `  last sweeps ${Object.entries(report.lastSweeps).map(([c, w]) => `${c}: ${w.evaluated.toLocaleString('en')} evaluated, ${w.raised} raised, ${w.resolved} resolved in ${w.ms === null ? '?' : (w.ms / 1000).toFixed(1)} s`).join('; ')}`,
    `  load        ${env.durationSeconds} s per request and connection count, closed loop, round-robin over the centres; target p95 < ${report.targetP95Ms} ms`,
    '',
    `  ${'request'.padEnd(62)} ${'conns'.padStart(5)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'bytes'.padStart(8)} ${'errors'.padStart(6)}  p95 < ${report.targetP95Ms}`,
    ...report.results.map(
      (r) =>
        `  ${r.title.padEnd(62)} ${String(r.connections).padStart(5)} ${r.requestsPerSecond.toFixed(0).padStart(7)} ${r.latencyMs.p50.toFixed(1).padStart(8)} ${r.latencyMs.p95.toFixed(1).padStart(8)} ` +
        `${r.latencyMs.p99.toFixed(1).padStart(8)} ${String(r.responseBytes).padStart(8)} ${String(r.errors).padStart(6)}  ${r.underTarget ? 'yes' : 'NO'}`,
    ),
    '',
  ];
  for (const r of report.results.filter((result) => result.errorSamples.length > 0)) lines.push(`  ${r.key} errors: ${r.errorSamples.join(' | ')}`);
  return `${lines.join('\n')}\n`;
}
