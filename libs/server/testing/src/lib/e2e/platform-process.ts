import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../../../..');
export const DEV_RUNNER = join(ROOT, 'dist/tools/dev/main.js');
/** `npm run topology` after its build step: three deployments on NATS. */
export const TOPOLOGY_RUNNER = join(ROOT, 'dist/tools/dev/topology.js');

/** Under the suites' 120 s start-up timeout, so the platform is stopped before Jest gives up on it. */
export const DEFAULT_READY_WITHIN_MS = 110_000;

export interface PlatformProcess {
  baseUrl: string;
  output(): string;
  /** Sends SIGINT (Ctrl-C) and resolves with the exit code once the runner has stopped. */
  interrupt(): Promise<number | null>;
}

/**
 * Starts the built platform exactly as `npm start` does after building (`node dist/tools/dev/main.js`)
 * and resolves once it prints that it is running, or rejects with its output if it exits first.
 */
export async function startPlatform(
  env: Record<string, string | undefined>,
  port: number,
  runner = DEV_RUNNER,
  readyWithinMs = DEFAULT_READY_WITHIN_MS,
): Promise<PlatformProcess> {
  if (!existsSync(runner)) {
    throw new Error(`${runner} is missing: build first (npm test does: nx run-many -t build -p api portal workbench dev-runner)`);
  }
  // Another server on the port would answer the tests instead of this platform.
  if (await isListening(port)) throw new Error(`Port ${port} is already in use: stop whatever listens there (a platform left by an earlier run?)`);
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), LOG_LEVEL: 'info' };
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[key];
    else childEnv[key] = value;
  }
  const child = spawn(process.execPath, [runner], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const onData = () => {
      if (output.includes('Press Ctrl-C to stop')) {
        cleanup();
        resolve();
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`The platform exited (${code}) before it was ready:\n${output}`));
    };
    // Past the deadline the child is killed, so a timed-out suite leaves no server holding its port
    // and no open pipe keeping Jest from exiting.
    const deadline = setTimeout(() => {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(`The platform was not ready within ${readyWithinMs} ms:\n${output}`));
    }, readyWithinMs);
    const cleanup = () => {
      clearTimeout(deadline);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => output,
    interrupt: () => stop(child),
  };
}

function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

/** Whether anything accepts connections on the port (to prove a server really stopped). */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
