import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { ApiClient } from './api';
import { CpuMeter } from './cpu';
import { formatDashboardReport, runDashboard } from './dashboard/run';
import { explainInbox } from './explain';
import { Interrupted, Lifecycle, log, timed } from './lifecycle';
import { BenchOptions, parseCommand } from './options';
import { runPgbench } from './pgbench';
import { freePort, startPlatform } from './platform';
import { checkpoint, connect, countRows, createDatabase, databaseExists, databaseUrl, dropDatabase, serverInfo, ServerInfo } from './postgres';
import { buildReport, formatReport, Report } from './report';
import { formatRoutingReport } from './routing/routing-report';
import { runRouting } from './routing/run';
import type { SeededCase } from './seed/seeder';
import { WorkingDays } from './seed/working-days';
import { measure, ScenarioResult } from './scenarios/measure';
import { acceptScenario, inboxScenario, interleave, passScenario, progressScenario, Scenario, submitScenario } from './scenarios/scenario';
import { WaitSampler } from './scenarios/wait-sampler';
import { HISTORY_DAYS, ownedCases, seed, signIn, verifyChains } from './setup';

/*
 * `npm run bench`: how fast the approval core is, on this machine, against the built platform.
 *
 * One run builds the API, starts it (see platform.ts) on a fresh database zhengwu_bench_<time>
 * with the demo centres, staff and catalogue, seeds N cases of history, then measures five
 * scenarios one after another with autocannon, runs pgbench on the same PostgreSQL, prints one
 * table and drops everything it created (Ctrl-C included). `npm run bench -- routing` measures
 * routing between deployments instead (routing/run.ts); `npm run bench -- dashboard` the
 * supervisor's dashboard over millions of seeded cases (dashboard/run.ts).
 *
 * Reading the figures
 * - req/s is completed requests per second with `--connections` clients each sending its next
 *   request as soon as the previous one is answered (closed loop): the throughput of the whole
 *   machine, API and PostgreSQL and the load generator itself sharing the same cores. p50/p99 are
 *   the latencies those clients saw. They are comparable between runs on the same machine only.
 * - Every state-changing request acts on a different case, prepared for it beforehand (a fresh
 *   draft, submitted case or case at the review step), so the figures are first transitions, not
 *   retries or conflicts; "errors" counts non-2xx answers, resets and timeouts and should be 0.
 *   A `*` marks a scenario that used up its prepared cases before its duration ended.
 * - Writes of one centre serialise on its event-chain head (and submissions on the day's case
 *   number sequence), by design: the chain is what makes the record tamper-evident. Requests
 *   are spread round-robin over the centres; with three centres at most three transitions commit
 *   in parallel, so write throughput depends on the number of centres as much as on the cores.
 * - pgbench runs its TPC-B-like transaction (5 statements) on its own database of the same server
 *   after the platform has stopped. "submit / pgbench tps" says what one submission costs in
 *   units of that transaction; it moves with the machine much less than req/s does.
 * - Seeding: N cases across the centres with a realistic mix (see seed/case-kinds.ts) and their
 *   step records, material versions, notices and hash-chained events, all written with set-based
 *   SQL as the schema owner (zhengwu_owner, provisioned with the run's database) inside
 *   transactions that set app.tenant_id: row-level security is forced on the owner too, so every
 *   row passes the same policy as the API's. The owner rather than the superuser: it owns the
 *   tables (VACUUM, temporary tables) and cannot bypass the policies by accident. The superuser
 *   only creates and drops databases, counts rows and runs pgbench.
 */

const root = resolve(__dirname, '../../..');
/** Working days ahead of today the seed may need (deadlines of recent cases). */
const FUTURE_DAYS = 120;
/** The API's pool (AppConfig.DATABASE_POOL_SIZE default); printed, not changed. */
const API_POOL_SIZE = 20;

async function main(): Promise<void> {
  const lifecycle = new Lifecycle();
  lifecycle.installSignalHandlers();
  let failed = false;
  try {
    const command = parseCommand(process.argv.slice(2), process.env);
    if (command.name === 'routing') {
      const report = await runRouting(root, command.options, lifecycle);
      emit(formatRoutingReport(report), report, command.options);
    } else if (command.name === 'dashboard') {
      const report = await runDashboard(root, command.options, lifecycle);
      if (report) emit(formatDashboardReport(report) + `\n${report.explain}\n`, report, command.options);
    } else {
      const { report, explain } = await run(command.options, lifecycle);
      emit(formatReport(report) + (explain ? `\n${explain}\n` : ''), report, command.options);
    }
  } catch (error) {
    if (error instanceof Interrupted || lifecycle.interrupted) return;
    failed = true;
    log(`failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    if (!lifecycle.interrupted) await lifecycle.cleanup();
  }
  if (failed) process.exitCode = 1;
}

/** The table on stdout; the same figures as JSON on request. */
function emit(table: string, report: unknown, options: { json: boolean; jsonFile: string | undefined }): void {
  process.stdout.write(table);
  if (options.jsonFile) writeFileSync(options.jsonFile, JSON.stringify(report, null, 2));
  if (options.json) process.stdout.write(`${JSON.stringify(report)}\n`);
}

async function run(options: BenchOptions, lifecycle: Lifecycle): Promise<{ report: Report; explain?: string }> {
  const startedAt = new Date();
  const loadAtStart = loadavg()[0] ?? 0;
  const database = `zhengwu_bench_${startedAt.toISOString().replace(/\D/g, '').slice(0, 14)}`;
  const pgbenchDatabase = `${database}_pgbench`;
  const server = await serverInfo(options.serverUrl).catch((error: Error) => {
    throw new Error(`Cannot reach PostgreSQL at ${redact(options.serverUrl)} as a superuser: ${error.message}`);
  });
  for (const name of [database, pgbenchDatabase]) {
    if (await databaseExists(options.serverUrl, name)) throw new Error(`Database ${name} exists already; start again in a second`);
  }
  log(`PostgreSQL ${server.version} at ${redact(options.serverUrl)}; databases ${database} and ${pgbenchDatabase}`);

  const tmp = mkdtempSync(join(tmpdir(), 'zhengwu-bench-'));
  lifecycle.defer('remove the temporary directory', async () => {
    if (options.keep) log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  });
  lifecycle.defer('drop the databases', async () => {
    if (options.keep) return log(`kept databases ${database} and ${pgbenchDatabase}`);
    for (const name of [database, pgbenchDatabase]) await dropDatabase(options.serverUrl, name);
    log(`dropped ${database} and ${pgbenchDatabase}`);
  });

  const port = await freePort();
  const platform = await timed(`starting the API on port ${port} (migrations, demo data)`, () =>
    startPlatform(root, { serverUrl: options.serverUrl, database, dataDir: join(tmp, 'data'), port, logLevel: options.logLevel }, lifecycle),
  );
  // After Ctrl-C, requests autocannon abandoned may still be running in the API; let them finish
  // first, so its graceful shutdown does not wait for clients that have gone.
  lifecycle.defer('stop the platform', () => platform.stop(lifecycle.interrupted ? 2000 : 0));
  lifecycle.checkpoint();

  const { ownerUrl, runtimeUrl } = platform;
  const api = new ApiClient(platform.baseUrl);
  const { tokens, applicants } = await timed(`logging in the demo staff, registering ${options.applicants} applicants`, () =>
    signIn(api, options, lifecycle),
  );
  lifecycle.checkpoint();

  const owner = await connect(ownerUrl);
  lifecycle.defer('close the seeding connection', () => owner.end());
  const days = new WorkingDays(HISTORY_DAYS + 10, FUTURE_DAYS);
  const { seeder, apiDrafts, seedSeconds, historyEvents } = await seed(owner, api, days, applicants, options, lifecycle);
  const rows = await countRows(databaseUrl(options.serverUrl, database));
  await checkpoint(options.serverUrl);
  const owned = await ownedCases(owner, options.centres, applicants);

  const monitor = await connect(databaseUrl(options.serverUrl, database));
  lifecycle.defer('close the monitoring connection', () => monitor.end());
  const scenarios: ScenarioResult[] = [];
  const monitorPid = Number((await monitor.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid);
  const cpu = CpuMeter.available() ? new CpuMeter(platform.pid, database, new Set([monitorPid])) : undefined;
  const measureOne = async (scenario: Scenario) => {
    if (!platform.alive()) throw new Error(`The platform stopped:\n${platform.tail()}`);
    const sampler = new WaitSampler(monitor, database);
    const result = await timed(`measuring ${scenario.title}`, () =>
      measure(api, scenario, { connections: options.connections, duration: options.duration, sampler, ...(cpu ? { cpu } : {}) }, lifecycle),
    );
    log(`  ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, ${result.errors} errors`);
    scenarios.push(result);
  };
  const prepare = (kind: 'draftComplete' | 'submitted' | 'atReview') =>
    timed(`preparing ${capacity(options)} cases (${kind})`, async () => {
      const perCentre = Math.ceil(capacity(options) / options.centres.length);
      const sets: SeededCase[][] = [];
      for (const centre of options.centres) {
        lifecycle.checkpoint();
        sets.push(await seeder.prepare(centre, perCentre, kind));
      }
      return interleave(sets);
    });

  await measureOne(progressScenario(owned, tokens));
  await measureOne(inboxScenario(options.centres, tokens));
  await measureOne(submitScenario([...apiDrafts, ...(await prepare('draftComplete'))], tokens));
  await measureOne(acceptScenario(await prepare('submitted'), tokens));
  await measureOne(passScenario(await prepare('atReview'), tokens));

  const chainVerification = options.verifyChain || options.quick ? await verifyChains(api, options.centres) : undefined;
  const explain = options.explain ? await explainInbox(runtimeUrl, options.centres[options.centres.length - 1] ?? '510981', days) : undefined;

  await timed('stopping the platform', () => platform.stop());
  await checkpoint(options.serverUrl);
  await createDatabase(options.serverUrl, pgbenchDatabase);
  const pgbench = await timed(`pgbench -i -s ${options.pgbenchScale}, then -c ${options.connections} -j 2 -T ${options.duration}`, () =>
    runPgbench(
      databaseUrl(options.serverUrl, pgbenchDatabase),
      { scale: options.pgbenchScale, clients: options.connections, threads: 2, seconds: options.duration, logDir: join(tmp, 'pgbench') },
      lifecycle,
    ),
  );

  const report = buildReport({
    startedAt: startedAt.toISOString(),
    environment: environment(options, server, database, historyEvents, loadAtStart),
    seedSeconds,
    rows,
    scenarios,
    pgbench,
    ...(chainVerification ? { chainVerification } : {}),
  });
  return { report, ...(explain ? { explain } : {}) };
}

/** Cases a state-changing scenario is prepared for: the highest expected rate over the duration, plus what the connections hold back. */
function capacity(options: BenchOptions): number {
  return options.preparedRate * options.duration + 2 * options.connections + 3;
}

function environment(
  options: BenchOptions,
  server: ServerInfo,
  database: string,
  historyEvents: number | null,
  loadAverageAtStart: number,
): Report['environment'] {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: server.version,
    sharedBuffers: server.sharedBuffers,
    synchronousCommit: server.synchronousCommit,
    centres: options.centres,
    cases: options.cases,
    historyEvents,
    connections: options.connections,
    durationSeconds: options.duration,
    apiLogLevel: options.logLevel,
    apiPoolSize: API_POOL_SIZE,
    database,
    loadAverageAtStart,
  };
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

void main();
