import { Client } from 'pg';
import { EmbeddedDatabase, startEmbeddedDatabase } from './embedded-database';

export interface DatabaseServer {
  /** A connection to the server's maintenance database, allowed to create roles and databases. */
  adminUrl: string;
  /** Set when we started an embedded PostgreSQL that must be stopped with us. */
  embedded?: EmbeddedDatabase;
}

/**
 * The PostgreSQL server to run on: the one at `givenUrl` (DATABASE_URL; the database named in it is
 * created if missing, so reachability is checked against the maintenance database), or an embedded
 * one with its data under `dataDir` when none is given.
 */
export async function resolveDatabaseServer(givenUrl: string | undefined, dataDir: string, embeddedPort: number): Promise<DatabaseServer> {
  if (givenUrl) {
    const admin = new URL(givenUrl);
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
    } catch (error) {
      throw new Error(`Cannot reach the PostgreSQL at DATABASE_URL (${redact(givenUrl)}): ${(error as Error).message}`);
    } finally {
      await client.end().catch(() => undefined);
    }
    return { adminUrl: admin.toString() };
  }
  process.stdout.write(`DATABASE_URL is not set: starting the embedded PostgreSQL (port ${embeddedPort})\n`);
  const logs: string[] = [];
  const embedded = await startEmbeddedDatabase(dataDir, embeddedPort, (line) => logs.push(line)).catch((error: Error) => {
    process.stderr.write(logs.slice(-20).join('\n') + '\n');
    throw new Error(`The embedded PostgreSQL did not start: ${error.message}`);
  });
  process.stdout.write(`The embedded PostgreSQL is up (data in ${embedded.databaseDir})\n`);
  return { adminUrl: embedded.adminUrl, embedded };
}

export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
