import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CpuMeter } from './cpu';
import type { Lifecycle } from './lifecycle';

export interface PgbenchResult {
  scale: number;
  clients: number;
  threads: number;
  seconds: number;
  transactions: number;
  tps: number;
  latencyMs: { average: number; p50: number; p90: number; p99: number; max: number };
  failed: number;
  /** CPU ms of the PostgreSQL backends per transaction (Linux only). */
  postgresCpuMsPerTransaction?: number;
}

const PGBENCH = '/usr/bin/pgbench';

/**
 * pgbench's built-in TPC-B-like transaction (three UPDATEs, a SELECT and an INSERT in one
 * transaction) on its own database of the same server: the yardstick the API's figures are
 * divided by. Latency percentiles come from pgbench's per-transaction log (-l).
 */
export async function runPgbench(
  url: string,
  options: { scale: number; clients: number; threads: number; seconds: number; logDir: string },
  lifecycle: Lifecycle,
): Promise<PgbenchResult> {
  const connection = connectionArgs(url);
  await pgbench([...connection.args, '-i', '-q', '-s', String(options.scale), connection.database], connection.env, lifecycle);
  mkdirSync(options.logDir, { recursive: true });
  const prefix = join(options.logDir, 'pgbench_log');
  const meter = CpuMeter.available() ? new CpuMeter(undefined, connection.database) : undefined;
  let cpu: { postgresMs: number } | undefined;
  meter?.start();
  const output = await pgbench(
    [...connection.args, '-c', String(options.clients), '-j', String(options.threads), '-T', String(options.seconds), '-l', `--log-prefix=${prefix}`, connection.database],
    connection.env,
    lifecycle,
  ).finally(() => (cpu = meter?.stop()));
  const postgresMs = cpu?.postgresMs;
  const number = (pattern: RegExp) => {
    const match = pattern.exec(output);
    if (!match?.[1]) throw new Error(`pgbench printed no ${pattern.source}:\n${output}`);
    return Number(match[1]);
  };
  const latencies = readLatenciesMs(options.logDir);
  const transactions = number(/number of transactions actually processed: (\d+)/);
  const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return {
    scale: options.scale,
    clients: options.clients,
    threads: options.threads,
    seconds: options.seconds,
    transactions,
    tps: number(/tps = ([\d.]+) \(without initial connection time\)/),
    latencyMs: {
      average: number(/latency average = ([\d.]+) ms/),
      p50: percentile(50),
      p90: percentile(90),
      p99: percentile(99),
      max: latencies[latencies.length - 1] ?? 0,
    },
    failed: Number(/number of failed transactions: (\d+)/.exec(output)?.[1] ?? 0),
    ...(postgresMs !== undefined && transactions > 0 ? { postgresCpuMsPerTransaction: postgresMs / transactions } : {}),
  };
}

/** Each log line: client, transaction, latency in µs, script, epoch seconds, µs. */
function readLatenciesMs(dir: string): number[] {
  const latencies: number[] = [];
  for (const file of readdirSync(dir).filter((name) => name.startsWith('pgbench_log'))) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const micros = Number(line.split(' ')[2]);
      if (line && Number.isFinite(micros)) latencies.push(micros / 1000);
    }
  }
  return latencies.sort((a, b) => a - b);
}

function connectionArgs(url: string): { args: string[]; env: NodeJS.ProcessEnv; database: string } {
  const parsed = new URL(url);
  return {
    args: ['-h', parsed.hostname, '-p', parsed.port || '5432', '-U', decodeURIComponent(parsed.username || 'postgres')],
    env: { ...process.env, ...(parsed.password ? { PGPASSWORD: decodeURIComponent(parsed.password) } : {}) },
    database: parsed.pathname.slice(1),
  };
}

function pgbench(args: string[], env: NodeJS.ProcessEnv, lifecycle: Lifecycle): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(PGBENCH, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const stopOnInterrupt = lifecycle.onInterrupt(() => child.kill('SIGINT'));
    child.once('error', (error) => {
      stopOnInterrupt();
      reject(new Error(`${PGBENCH} could not run: ${error.message}`));
    });
    child.once('exit', (code) => {
      stopOnInterrupt();
      if (code === 0) resolve(output);
      else reject(new Error(`pgbench ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}
