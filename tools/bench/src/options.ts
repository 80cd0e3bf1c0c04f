import { DEMO_CENTRES } from '@zhengwu/org/feature-api';
import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Cases seeded as history before anything is measured. */
  cases: number;
  connections: number;
  /** Seconds per scenario (and for pgbench). */
  duration: number;
  /** A superuser connection to the PostgreSQL server; the bench creates and drops its own databases there. */
  serverUrl: string;
  centres: string[];
  /** Applicants registered through the API; they own every case the scenarios touch. */
  applicants: number;
  /** The highest request rate a state-changing scenario is prepared for (cases = rate × duration). */
  preparedRate: number;
  pgbenchScale: number;
  logLevel: string;
  skipEvents: boolean;
  verifyChain: boolean;
  explain: boolean;
  keep: boolean;
  json: boolean;
  jsonFile: string | undefined;
  quick: boolean;
}

export interface RoutingOptions {
  /** Verification requests started per second (open loop: on schedule, whatever the answers). */
  rate: number;
  /** Seconds over which requests are started. */
  duration: number;
  serverUrl: string;
  natsUrl: string;
  /** Cases prepared through the API at once before the measurement. */
  prepareConcurrency: number;
  /** How often the bench looks for new tasks at the verifier and completed cases at the handler. */
  pollMs: number;
  logLevel: string;
  keep: boolean;
  json: boolean;
  jsonFile: string | undefined;
  quick: boolean;
}

/** `npm run bench -- dashboard`: the supervisor's dashboard reads over N seeded cases (dashboard/run.ts). */
export interface DashboardOptions {
  cases: number;
  connections: number;
  /** Seconds per request measured. */
  duration: number;
  serverUrl: string;
  centres: string[];
  /** Cases per INSERT … SELECT generate_series. */
  batch: number;
  /** Seeding connections (at most 2: the machine is shared). */
  seedConnections: number;
  /** The p95 the dashboard must stay under (issue 6). */
  targetP95Ms: number;
  /**
   * A database of the benchmark's own to seed once and measure again and again (kept): a 10 M-case
   * seed takes most of an hour here, the measurement minutes. Unset: a fresh database per run.
   */
  database: string | undefined;
  /** Stop after the seed (with --database: seed now, measure in a later run). */
  seedOnly: boolean;
  logLevel: string;
  keep: boolean;
  json: boolean;
  jsonFile: string | undefined;
  quick: boolean;
}

export type Command =
  | { name: 'approval'; options: BenchOptions }
  | { name: 'routing'; options: RoutingOptions }
  | { name: 'dashboard'; options: DashboardOptions };

const USAGE = `npm run bench [-- options]                 the approval core on one deployment, and pgbench
npm run bench -- routing [options]          the originals-check round trip over the three-deployment topology
npm run bench -- dashboard [options]        the supervisor's dashboard (statistics, board, roll-up) over N seeded cases

  --cases N            history cases to seed (default 100000; --quick: 2000)
  --connections N      autocannon connections and pgbench clients (default 16)
  --duration S         seconds per scenario and for pgbench (default 10; --quick: 3)
  --quick              2,000 cases, 3 s per scenario: a run of a few minutes
  --database-url URL   superuser URL of the PostgreSQL server to use (default BENCH_DATABASE_URL,
                       else postgres://postgres@127.0.0.1:5432/postgres); the bench creates
                       zhengwu_bench_<timestamp> and zhengwu_bench_<timestamp>_pgbench there
  --centres LIST       comma-separated demo centres to load (default ${DEMO_CENTRES.join(',')})
  --applicants N       applicants registered through the API (default 32)
  --prepared-rate R    req/s a state-changing scenario is prepared for (default 600)
  --pgbench-scale N    pgbench -i scale (default 10)
  --log-level LEVEL    the API's LOG_LEVEL (default warn; info logs every request)
  --skip-events        seed the history without its hash-chained events (faster for 1M+ cases)
  --verify-chain       check every centre's event chain through the API at the end
  --explain            print EXPLAIN ANALYZE of the inbox queries, run as the runtime role
  --keep               keep the databases and the temporary directory
  --json               print the results as one JSON line after the table
  --json-file PATH     write the results as JSON to PATH

routing options:
  --rate R             verification requests started per second (default 2)
  --duration S         seconds over which they are started (default 60; --quick: 10)
  --quick              10 s at the given rate
  --nats-url URL       NATS with JetStream (default NATS_URL, else nats://127.0.0.1:4222); the bench
                       uses its own stream, subjects and bucket there and deletes them afterwards
  --prepare-concurrency N   cases prepared through the API at once (default 4)
  --poll-ms MS         how often the verifier's task list and the handler's cases are checked (default 25)
  --database-url, --log-level, --keep, --json, --json-file: as above

dashboard options:
  --cases N            cases to seed (default 10000000; --quick: 100000)
  --batch N            cases per set-based INSERT (default 500000)
  --seed-connections N seeding connections, centres split between them (default 2, at most 2)
  --connections N      autocannon connections (default 8)
  --duration S         seconds per measured request (default 10; --quick: 5)
  --target-p95 MS      the p95 each request must stay under (default 200)
  --centres LIST       as above
  --database NAME      seed this database once (zhengwu_bench_dash_…) and keep it; a later run with the
                       same NAME and --cases starts the platform on it (new migrations apply), skips
                       the seed and measures again
  --seed-only          with --database: seed, then stop without measuring
  --database-url, --log-level, --keep, --json, --json-file: as above
`;

/** The first positional argument picks the benchmark (`routing`); none is the approval core. */
export function parseCommand(argv: string[], env: NodeJS.ProcessEnv): Command {
  if (argv[0] === 'routing') return { name: 'routing', options: parseRoutingOptions(argv.slice(1), env) };
  if (argv[0] === 'dashboard') return { name: 'dashboard', options: parseDashboardOptions(argv.slice(1), env) };
  if (argv[0] !== undefined && !argv[0].startsWith('-')) throw new Error(`Unknown benchmark "${argv[0]}" (known: routing, dashboard)\n\n${USAGE}`);
  return { name: 'approval', options: parseOptions(argv, env) };
}

function parseRoutingOptions(argv: string[], env: NodeJS.ProcessEnv): RoutingOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      rate: { type: 'string', default: '2' },
      duration: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'database-url': { type: 'string' },
      'nats-url': { type: 'string' },
      'prepare-concurrency': { type: 'string', default: '4' },
      'poll-ms': { type: 'string', default: '25' },
      'log-level': { type: 'string', default: 'warn' },
      keep: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'json-file': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const rate = Number(values.rate);
  if (!Number.isFinite(rate) || rate <= 0 || rate > 1000) throw new Error(`--rate must be a number of requests per second in (0, 1000], got "${values.rate}"`);
  return {
    rate,
    duration: positiveInteger('--duration', values.duration ?? (values.quick ? '10' : '60')),
    serverUrl: serverUrl(values['database-url'], env),
    natsUrl: values['nats-url'] ?? env['NATS_URL'] ?? 'nats://127.0.0.1:4222',
    prepareConcurrency: positiveInteger('--prepare-concurrency', values['prepare-concurrency']),
    pollMs: positiveInteger('--poll-ms', values['poll-ms']),
    logLevel: values['log-level'],
    keep: values.keep,
    json: values.json,
    jsonFile: values['json-file'],
    quick: values.quick,
  };
}

function parseDashboardOptions(argv: string[], env: NodeJS.ProcessEnv): DashboardOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      cases: { type: 'string' },
      batch: { type: 'string', default: '500000' },
      'seed-connections': { type: 'string', default: '2' },
      connections: { type: 'string', default: '8' },
      duration: { type: 'string' },
      'target-p95': { type: 'string', default: '200' },
      database: { type: 'string' },
      'seed-only': { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      'database-url': { type: 'string' },
      centres: { type: 'string', default: DEMO_CENTRES.join(',') },
      'log-level': { type: 'string', default: 'warn' },
      keep: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'json-file': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const centres = values.centres.split(',').map((code) => code.trim()).filter(Boolean);
  for (const centre of centres) {
    if (!/^\d{6}$/.test(centre)) throw new Error(`--centres: "${centre}" is not a 6-digit centre code`);
  }
  if (values['seed-only'] && values.database === undefined) throw new Error('--seed-only: name the database to keep the seed in (--database)');
  const seedConnections = positiveInteger('--seed-connections', values['seed-connections']);
  if (seedConnections > 2) throw new Error('--seed-connections: at most 2 (the machine is shared)');
  return {
    cases: positiveInteger('--cases', values.cases ?? (values.quick ? '100000' : '10000000')),
    connections: positiveInteger('--connections', values.connections),
    duration: positiveInteger('--duration', values.duration ?? (values.quick ? '5' : '10')),
    serverUrl: serverUrl(values['database-url'], env),
    centres,
    batch: positiveInteger('--batch', values.batch),
    seedConnections,
    targetP95Ms: positiveInteger('--target-p95', values['target-p95']),
    database: benchDatabaseName(values.database),
    seedOnly: values['seed-only'],
    logLevel: values['log-level'],
    keep: values.keep,
    json: values.json,
    jsonFile: values['json-file'],
    quick: values.quick,
  };
}

/** Only the benchmark's own databases can be named: the run writes to it and may drop it. */
function benchDatabaseName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  if (!/^zhengwu_bench_dash_[a-z0-9_]{1,40}$/.test(name)) throw new Error(`--database: "${name}" must look like zhengwu_bench_dash_<letters, digits, _>`);
  return name;
}

function serverUrl(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag ?? env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      cases: { type: 'string' },
      connections: { type: 'string', default: '16' },
      duration: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'database-url': { type: 'string' },
      centres: { type: 'string', default: DEMO_CENTRES.join(',') },
      applicants: { type: 'string', default: '32' },
      'prepared-rate': { type: 'string', default: '600' },
      'pgbench-scale': { type: 'string', default: '10' },
      'log-level': { type: 'string', default: 'warn' },
      'skip-events': { type: 'boolean', default: false },
      'verify-chain': { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'json-file': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const quick = values.quick;
  const centres = values.centres.split(',').map((code) => code.trim()).filter(Boolean);
  for (const centre of centres) {
    if (!/^\d{6}$/.test(centre)) throw new Error(`--centres: "${centre}" is not a 6-digit centre code`);
  }
  return {
    cases: positiveInteger('--cases', values.cases ?? (quick ? '2000' : '100000')),
    connections: positiveInteger('--connections', values.connections),
    duration: positiveInteger('--duration', values.duration ?? (quick ? '3' : '10')),
    serverUrl: serverUrl(values['database-url'], env),
    centres,
    applicants: positiveInteger('--applicants', values.applicants),
    preparedRate: positiveInteger('--prepared-rate', values['prepared-rate']),
    pgbenchScale: positiveInteger('--pgbench-scale', values['pgbench-scale']),
    logLevel: values['log-level'],
    skipEvents: values['skip-events'],
    verifyChain: values['verify-chain'],
    explain: values.explain,
    keep: values.keep,
    json: values.json,
    jsonFile: values['json-file'],
    quick,
  };
}

function positiveInteger(name: string, value: string): number {
  const parsed = Number(value.replace(/_/g, ''));
  if (!Number.isSafeInteger(parsed) || parsed < 1) throw new Error(`${name} must be a positive whole number, got "${value}"`);
  return parsed;
}
