import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'pg';
import type { Applicant } from '../api';
import { Lifecycle, log, timed } from '../lifecycle';
import type { RoutingOptions } from '../options';
import { connect, databaseUrl, dropDatabase, serverInfo } from '../postgres';
import { drive } from './round-trip';
import { legStats, RoutingReport } from './routing-report';
import { ReadyCase, RoutingStory } from './story';
import { deleteNatsResources, startTopology } from './topology';

/** Applicants the cases are spread over (registration hashes with argon2id: a few are plenty). */
const APPLICANTS = 4;
/** How long trips still under way after the last request get to finish. */
const DRAIN_MS = 60_000;

/**
 * `npm run bench -- routing`: the originals check over the three-deployment topology. Cases are
 * taken to the approver's step through the API first; then approvals are sent at a steady rate
 * and every routed check is completed at the county as soon as it shows up there.
 */
export async function runRouting(root: string, options: RoutingOptions, lifecycle: Lifecycle): Promise<RoutingReport> {
  const startedAt = new Date();
  const loadAverageAtStart = loadavg()[0] ?? 0;
  const prefix = `zhengwu_bench_routing_${startedAt.toISOString().replace(/\D/g, '').slice(0, 14)}`;
  const server = await serverInfo(options.serverUrl);
  const tmp = mkdtempSync(join(tmpdir(), 'zhengwu-bench-routing-'));
  const databases = ['province', 'city', 'county'].map((id) => `${prefix}_${id}`);
  lifecycle.defer('remove the temporary directory', async () => {
    if (!options.keep) rmSync(tmp, { recursive: true, force: true });
  });
  lifecycle.defer('drop the databases and the NATS stream and bucket', async () => {
    if (options.keep) return log(`kept databases ${databases.join(', ')}, NATS resources of ${prefix} and ${tmp}`);
    for (const name of databases) await dropDatabase(options.serverUrl, name);
    const deleted = await deleteNatsResources(options.natsUrl, prefix);
    log(`dropped ${databases.join(', ')}; deleted NATS streams ${deleted.join(', ') || '(none)'}`);
  });

  const topology = await timed('starting the province, city and county deployments (migrations, demo data)', () =>
    startTopology(root, { serverUrl: options.serverUrl, natsUrl: options.natsUrl, prefix, dataDir: join(tmp, 'topology'), logLevel: options.logLevel }, lifecycle),
  );
  lifecycle.defer('stop the topology', () => topology.runner.stop(lifecycle.interrupted ? 2000 : 0));
  lifecycle.checkpoint();

  const story = new RoutingStory(topology);
  const count = Math.max(1, Math.round(options.rate * options.duration));
  const prepareStart = Date.now();
  const cases = await timed(`preparing ${count} cases at the approver's step through the city's API`, async () => {
    const applicants: Applicant[] = [];
    for (let n = 0; n < APPLICANTS; n++) applicants.push(await story.registerApplicant(n));
    const staff = await story.cityStaff();
    const itemId = await story.itemId(staff.clerk);
    const ready: ReadyCase[] = [];
    let next = 0;
    const worker = async () => {
      while (next < count) {
        lifecycle.checkpoint();
        const n = next++;
        ready.push(await story.caseAtApprover(applicants[n % applicants.length] as Applicant, itemId, staff));
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.prepareConcurrency, count) }, worker));
    return ready;
  });
  const prepareSeconds = (Date.now() - prepareStart) / 1000;

  // Superuser connections: they read every centre's rows (row-level security does not bind them).
  const monitors = new Map<string, Client>();
  lifecycle.defer('close the monitoring connections', async () => {
    for (const client of monitors.values()) await client.end();
  });
  for (const name of databases) monitors.set(name, await connect(databaseUrl(options.serverUrl, name)));
  const cityDb = monitors.get(topology.databases.city);
  if (!cityDb) throw new Error(`No connection to ${topology.databases.city}`);
  const inboxBefore = await inboxCounts([...monitors.values()]);
  const tokens = { approver: (await story.cityStaff()).approver, countyClerk: await story.countyClerk() };

  const { trips, pollErrors } = await timed(`sending ${count} approvals at ${options.rate}/s, completing each check at the county`, () =>
    drive(story, cases, tokens, cityDb, { rate: options.rate, pollMs: options.pollMs, drainMs: DRAIN_MS }, lifecycle),
  );
  const inboxAfter = await inboxCounts([...monitors.values()]);

  const completed = trips.filter((t) => t.completed !== undefined);
  const errors = trips.filter((t) => t.error);
  const firstSent = Math.min(...trips.map((t) => t.requestSent ?? Infinity));
  const lastCompleted = Math.max(...completed.map((t) => t.completed ?? -Infinity));
  const window = completed.length > 0 ? (lastCompleted - firstSent) / 1000 : 0;
  const messagesByType = Object.fromEntries(
    Object.entries(inboxAfter).map(([type, n]) => [type, n - (inboxBefore[type] ?? 0)] as const).filter(([, n]) => n > 0),
  );
  const messages = Object.values(messagesByType).reduce((sum, n) => sum + n, 0);
  log(`${completed.length}/${trips.length} round trips completed over ${window.toFixed(1)} s`);

  return {
    startedAt: startedAt.toISOString(),
    environment: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      postgres: server.version,
      nats: options.natsUrl,
      loadAverageAtStart,
      loadAverageAtEnd: loadavg()[0] ?? 0,
      rate: options.rate,
      durationSeconds: options.duration,
      pollMs: options.pollMs,
    },
    prepareSeconds,
    trips: {
      sent: trips.length,
      completed: completed.length,
      unfinished: trips.length - completed.length - errors.length,
      errors: errors.length,
      errorSamples: errors.slice(0, 3).map((t) => `${t.caseNumber}: ${t.error ?? ''}`.slice(0, 400)),
      pollErrors,
    },
    legs: legStats(trips),
    roundTripsPerSecond: window > 0 ? completed.length / window : 0,
    messagesPerSecond: window > 0 ? messages / window : 0,
    messagesByType,
  };
}

/** Envelopes the deployments' inboxes hold, by type (as the superuser: every centre's rows). */
async function inboxCounts(clients: Client[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const client of clients) {
    const { rows } = await client.query<{ type: string; n: string }>('SELECT type, count(*) AS n FROM routing_inbox GROUP BY type');
    for (const row of rows) counts[row.type] = (counts[row.type] ?? 0) + Number(row.n);
  }
  return counts;
}
