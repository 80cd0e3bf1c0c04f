import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports';

/*
 * A private nats-server (JetStream, its own store directory and port) for tests that stop and
 * restart NATS (routing specs, the topology end-to-end suite).
 */
export interface PrivateNatsServer {
  url: string;
  port: number;
  /** Kills the server abruptly (SIGKILL: no chance to flush anything) and starts it again on the same port and store. */
  crashAndRestart(): Promise<void>;
  stop(): Promise<void>;
}

const NATS_SERVER = process.env['NATS_SERVER_PATH'] ?? '/usr/sbin/nats-server';

export async function startPrivateNatsServer(): Promise<PrivateNatsServer> {
  const port = await freePort();
  const storeDir = mkdtempSync(join(tmpdir(), 'zhengwu-nats-'));
  let process = await launch(port, storeDir);
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    async crashAndRestart() {
      await terminate(process, 'SIGKILL');
      process = await launch(port, storeDir);
    },
    async stop() {
      await terminate(process, 'SIGTERM');
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}

function launch(port: number, storeDir: string): Promise<ChildProcess> {
  const child = spawn(NATS_SERVER, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`nats-server did not start: ${output}`)), 10_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Server is ready')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`nats-server exited (${code}): ${output}`));
    });
  });
}

function terminate(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
