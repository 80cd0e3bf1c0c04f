import { dropDatabase, provisionDatabase } from '@zhengwu/server/core/database';
import { provisionRoutingKeys } from '@zhengwu/server/routing';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, testDatabaseFromEnv } from '@zhengwu/server/testing';

const ROOT = join(__dirname, '../../../../..');
const API_MAIN = join(ROOT, 'dist/apps/api/main.js');

export interface DeploymentSpec {
  id: string;
  hostedTenants: string;
}

/** One deployment of the built API as its own process, which a test may kill and start again. */
export interface ApiDeployment {
  id: string;
  baseUrl: string;
  /** A superuser URL of the deployment's database (bypasses row-level security: for counting what is there). */
  adminDatabaseUrl: string;
  /**
   * Starts the process and resolves when /health is ok. The first start migrates and seeds the demo
   * data; later ones (a restart after a kill) skip both, as a production restart would.
   */
  start(): Promise<void>;
  /** SIGKILL: no shutdown hooks, open transactions die with the connection. */
  kill(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
  running(): boolean;
  output(): string;
}

export interface ApiDeployments {
  deployments: Map<string, ApiDeployment>;
  /** Stops every process and drops the databases. */
  remove(): Promise<void>;
}

/**
 * Several deployments of the built API joined by NATS, each with its own database on the test
 * run's PostgreSQL server, keys and a signed directory: what `npm run topology` does, but with each
 * process in the test's hands (fault suites kill and restart them).
 */
export async function prepareApiDeployments(options: {
  specs: DeploymentSpec[];
  natsUrl: string;
  dataDir: string;
  env?: Record<string, string>;
}): Promise<ApiDeployments> {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: build the api first (npm test does)`);
  const test = testDatabaseFromEnv();
  const owner = new URL(test.ownerUrl);
  const runtime = new URL(test.runtimeUrl);
  const prefix = `${test.database}_d${Date.now().toString(36)}`;
  const ports = new Map<string, number>();
  for (const spec of options.specs) ports.set(spec.id, await freePort());
  const routing = provisionRoutingKeys({
    outDir: join(options.dataDir, 'routing'),
    deployments: options.specs.map((spec) => ({ id: spec.id, hostedTenants: spec.hostedTenants, apiBaseUrl: `http://127.0.0.1:${ports.get(spec.id)}` })),
    identityIssuer: { deploymentId: options.specs[0]?.id ?? 'a', signingKeyPaths: [join(options.dataDir, 'keys', `${options.specs[0]?.id}-auth-signing.pem`)], generateMissing: true },
  });
  const databases: string[] = [];
  const deployments = new Map<string, ApiDeployment>();
  for (const spec of options.specs) {
    const database = `${prefix}_${spec.id}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
    // The run's roles (same names and passwords), so the run's other connections keep working.
    const urls = await provisionDatabase({
      adminUrl: test.adminUrl,
      database,
      owner: { name: decodeURIComponent(owner.username), password: decodeURIComponent(owner.password) },
      runtime: { name: decodeURIComponent(runtime.username), password: decodeURIComponent(runtime.password) },
    });
    databases.push(database);
    const port = ports.get(spec.id) as number;
    deployments.set(
      spec.id,
      apiDeployment(spec.id, port, withDatabase(test.adminUrl, database), {
        DATABASE_URL: urls.runtimeUrl,
        DATABASE_MIGRATIONS_URL: urls.ownerUrl,
        DEPLOYMENT_ID: spec.id,
        HOSTED_TENANTS: spec.hostedTenants,
        PORT: String(port),
        HOST: '127.0.0.1',
        AUTH_SIGNING_KEY_PATH: join(options.dataDir, 'keys', `${spec.id}-auth-signing.pem`),
        PII_KEY_PATH: join(options.dataDir, 'keys', `${spec.id}-pii.key`),
        GENERATE_MISSING_KEYS: 'true',
        SEED_DEMO: 'true',
        WEB_ROOT: '',
        MATERIAL_STORE_DIR: join(options.dataDir, 'materials', spec.id),
        ROUTING_TRANSPORT: 'nats',
        NATS_URL: options.natsUrl,
        ROUTING_DIRECTORY_PATH: routing.directoryPath,
        ROUTING_ROOT_PUBLIC_KEY_PATH: routing.rootPublicKeyPath,
        CENTRE_KEYS_DIR: routing.centreKeysDirs[spec.id] as string,
        LOG_LEVEL: 'warn',
        ...options.env,
      }),
    );
  }
  return {
    deployments,
    remove: async () => {
      await Promise.all([...deployments.values()].map((deployment) => deployment.stop()));
      for (const database of databases) await dropDatabase(test.adminUrl, database);
    },
  };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function apiDeployment(id: string, port: number, adminDatabaseUrl: string, env: Record<string, string>): ApiDeployment {
  let child: ChildProcess | undefined;
  let output = '';
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = (process: ChildProcess) => process.exitCode !== null || process.signalCode !== null;
  const signal = async (name: NodeJS.Signals) => {
    const current = child;
    if (!current || exited(current)) return;
    await new Promise<void>((resolve) => {
      current.once('exit', () => resolve());
      current.kill(name);
    });
  };
  return {
    id,
    baseUrl,
    adminDatabaseUrl,
    running: () => child !== undefined && !exited(child),
    output: () => output,
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
    start: async () => {
      const restart = child !== undefined;
      const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, ...(restart ? { SEED_DEMO: 'false' } : {}) };
      if (restart) delete childEnv['DATABASE_MIGRATIONS_URL'];
      const process_ = spawn(process.execPath, ['--enable-source-maps', API_MAIN], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
      child = process_;
      process_.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
      process_.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
      const deadline = Date.now() + 120_000;
      for (;;) {
        if (exited(process_)) throw new Error(`Deployment ${id} exited before it was healthy:\n${output}`);
        try {
          if ((await fetch(`${baseUrl}/health`)).ok) return;
        } catch {
          // Not listening yet.
        }
        if (Date.now() > deadline) throw new Error(`Deployment ${id} was not healthy within 2 minutes:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}
