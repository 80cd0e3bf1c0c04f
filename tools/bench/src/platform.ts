import { provisionDatabase } from '@zhengwu/server/core/database';
import { provisionRoutingKeys } from '@zhengwu/server/routing';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Lifecycle } from './lifecycle';
import { databaseUrl } from './postgres';

const KEEP_LINES = 200;

export interface Platform {
  baseUrl: string;
  /** The API's process id (its CPU time is read from /proc). */
  pid: number | undefined;
  /** The schema owner's and the runtime role's URLs of the platform's database. */
  ownerUrl: string;
  runtimeUrl: string;
  /** The last lines the API printed (for error messages). */
  tail(): string;
  /** Whether the platform is still up (it may die under load; the run then stops). */
  alive(): boolean;
  /** SIGTERM, as an orchestrator stops the API, after `settleMs`; resolves when it has exited. */
  stop(settleMs?: number): Promise<void>;
}

export interface PlatformOptions {
  serverUrl: string;
  database: string;
  dataDir: string;
  port: number;
  logLevel: string;
}

/**
 * One deployment hosting every centre, provisioned as `npm start` provisions it (roles, database,
 * routing keys and the signed directory, loopback routing) and started from the built API, which
 * migrates and seeds the demo data. It starts the API itself rather than through the dev runner:
 * the runner insists on the web builds, which a benchmark of the API does not need (WEB_ROOT is
 * empty), and the benchmark wants the API's output kept as a tail rather than on its terminal.
 */
export async function startPlatform(root: string, options: PlatformOptions, lifecycle: Lifecycle, timeoutMs = 600_000): Promise<Platform> {
  const apiMain = join(root, 'dist/apps/api/main.js');
  if (!existsSync(apiMain)) throw new Error(`${apiMain} is missing: run "npm run bench", which builds it first`);
  // Fresh passwords for this run's roles; the roles are the server's, the database is the run's own.
  const { ownerUrl, runtimeUrl } = await provisionDatabase({
    adminUrl: databaseUrl(options.serverUrl, 'postgres'),
    database: options.database,
    owner: { name: 'zhengwu_owner', password: randomBytes(18).toString('base64url') },
    runtime: { name: 'zhengwu_app', password: randomBytes(18).toString('base64url') },
  });
  const deploymentId = 'bench';
  const authKey = join(options.dataDir, 'keys/auth-signing.pem');
  const routing = provisionRoutingKeys({
    outDir: join(options.dataDir, 'routing'),
    deployments: [{ id: deploymentId, hostedTenants: 'all', apiBaseUrl: `http://127.0.0.1:${options.port}` }],
    identityIssuer: { deploymentId, signingKeyPaths: [authKey], generateMissing: true },
  });
  const api = await startApiProcess(
    'API',
    apiMain,
    {
      DATABASE_URL: runtimeUrl,
      DATABASE_MIGRATIONS_URL: ownerUrl,
      DEPLOYMENT_ID: deploymentId,
      HOSTED_TENANTS: 'all',
      ROUTING_TRANSPORT: 'loopback',
      ROUTING_DIRECTORY_PATH: routing.directoryPath,
      ROUTING_ROOT_PUBLIC_KEY_PATH: routing.rootPublicKeyPath,
      CENTRE_KEYS_DIR: routing.centreKeysDirs[deploymentId] ?? '',
      MATERIAL_STORE_DIR: join(options.dataDir, 'materials'),
      PORT: String(options.port),
      HOST: '127.0.0.1',
      AUTH_SIGNING_KEY_PATH: authKey,
      PII_KEY_PATH: join(options.dataDir, 'keys/pii.key'),
      GENERATE_MISSING_KEYS: 'true',
      SEED_DEMO: 'true',
      WEB_ROOT: '',
      LOG_LEVEL: options.logLevel,
    },
    `http://127.0.0.1:${options.port}/health`,
    timeoutMs,
    lifecycle,
  );
  return { ...api, ownerUrl, runtimeUrl };
}

export type ApiProcess = Omit<Platform, 'ownerUrl' | 'runtimeUrl'>;

/**
 * Spawns a built API (or a runner of several) in its own process group, so that Ctrl-C reaches
 * the benchmark only, which then stops it in order (and can kill the whole group if it hangs).
 * Resolves once `readyUrl` answers 2xx.
 */
export async function startApiProcess(
  name: string,
  main: string,
  env: Record<string, string>,
  readyUrl: string,
  timeoutMs: number,
  lifecycle: Lifecycle,
): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['--enable-source-maps', main], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const lines: string[] = [];
  let partial = '';
  const collect = (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    if (lines.length > KEEP_LINES) lines.splice(0, lines.length - KEEP_LINES);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const tail = () => [...lines, partial].join('\n');
  const alive = () => child.exitCode === null && child.signalCode === null;

  // Until it is ready nobody else knows about it: stop it here on failure and on Ctrl-C.
  const stopOnInterrupt = lifecycle.onInterrupt(() => void stop(child, tail));
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      lifecycle.checkpoint();
      if (!alive()) throw new Error(`The ${name} exited (${child.signalCode ?? child.exitCode}) before it was ready:\n${tail()}`);
      if (await answers(readyUrl)) break;
      if (Date.now() > deadline) throw new Error(`The ${name} was not ready within ${timeoutMs / 1000} s:\n${tail()}`);
      await new Promise((resolvePoll) => setTimeout(resolvePoll, 250));
    }
  } catch (error) {
    await stop(child, tail);
    throw error;
  } finally {
    stopOnInterrupt();
  }

  return {
    baseUrl: new URL(readyUrl).origin,
    pid: child.pid,
    tail,
    alive,
    stop: async (settleMs = 0) => {
      if (!alive()) return;
      if (settleMs > 0) await new Promise((resolveSettle) => setTimeout(resolveSettle, settleMs));
      await stop(child, tail);
    },
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false; // Not listening yet.
  }
}

function stop(child: ChildProcess, tail: () => string): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // SIGTERM starts the API's graceful shutdown; if that hangs, kill the group so nothing is left behind.
    const kill = setTimeout(() => {
      process.stderr.write(`It did not stop within 20 s of SIGTERM; killing it. Its last lines:\n${tail().split('\n').slice(-15).join('\n')}\n`);
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, 20_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return listenOnce(0).then((port) => {
    if (port === undefined) throw new Error('No free port on 127.0.0.1');
    return port;
  });
}

/** The first of `count` consecutive ports nobody listens on right now. */
export async function freePorts(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const first = await freePort();
    let free = true;
    for (let n = 1; n < count && free; n++) free = (await listenOnce(first + n)) !== undefined;
    if (free) return first;
  }
  throw new Error(`No ${count} consecutive free ports on 127.0.0.1`);
}

/** Listens on `port` (0: any) and closes again; the port, or undefined when it is taken. */
function listenOnce(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : undefined;
      server.close(() => resolve(bound));
    });
  });
}
