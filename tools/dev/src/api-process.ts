import { ChildProcess, spawn } from 'node:child_process';

export interface ApiProcess {
  name: string;
  child: ChildProcess;
  baseUrl: string;
  /** SIGTERM, then resolves when it has exited. */
  stop(): Promise<void>;
}

/** Starts one deployment of the built API and resolves when its /health answers ok. */
export async function startApi(name: string, apiMain: string, env: NodeJS.ProcessEnv, port: number, onExit: (code: number | null) => void): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['--enable-source-maps', apiMain], { stdio: 'inherit', env });
  let exited = false;
  child.on('exit', (code) => {
    exited = true;
    onExit(code);
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`The ${name} API exited before becoming healthy`);
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`The ${name} API did not become healthy at ${baseUrl} within 2 minutes`);
    await new Promise((resolvePoll) => setTimeout(resolvePoll, 250));
  }
  return {
    name,
    child,
    baseUrl,
    stop: () =>
      new Promise<void>((resolveStop) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
      }),
  };
}
