import { Client } from 'pg';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** The server URL with another database (and optionally other credentials). */
export function databaseUrl(serverUrl: string, database: string, role?: { name: string; password: string }): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  if (role) {
    url.username = role.name;
    url.password = role.password;
  }
  return url.toString();
}

export async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  return client;
}

async function withAdmin<T>(serverUrl: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = await connect(databaseUrl(serverUrl, 'postgres'));
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  return withAdmin(serverUrl, async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
}

export async function createDatabase(serverUrl: string, name: string): Promise<void> {
  assertIdentifier(name);
  await withAdmin(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
}

/** Drops the database, disconnecting whoever is still connected (the API, an interrupted seed). */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  assertIdentifier(name);
  await withAdmin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

export interface ServerInfo {
  version: string;
  sharedBuffers: string;
  maxConnections: number;
  synchronousCommit: string;
}

export function serverInfo(serverUrl: string): Promise<ServerInfo> {
  return withAdmin(serverUrl, async (client) => {
    const { rows } = await client.query<{ version: string; shared_buffers: string; max_connections: string; synchronous_commit: string }>(
      `SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS shared_buffers,
              current_setting('max_connections') AS max_connections, current_setting('synchronous_commit') AS synchronous_commit`,
    );
    const row = rows[0];
    if (!row) throw new Error('The server did not describe itself');
    return {
      version: row.version,
      sharedBuffers: row.shared_buffers,
      maxConnections: Number(row.max_connections),
      synchronousCommit: row.synchronous_commit,
    };
  });
}

function assertIdentifier(name: string): void {
  if (!IDENTIFIER.test(name)) throw new Error(`Refusing the unusual database name "${name}"`);
}

/** Rows of the seeded tables, counted as the superuser (row-level security does not bind it). */
export async function countRows(superuserUrl: string): Promise<Record<string, number>> {
  const client = await connect(superuserUrl);
  try {
    const counts: Record<string, number> = {};
    for (const table of ['applications', 'application_steps', 'application_materials', 'application_events']) {
      counts[table] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n ?? 0);
    }
    return counts;
  } finally {
    await client.end();
  }
}

/** Flushes the seed's dirty pages now rather than in the middle of a measurement. */
export async function checkpoint(serverUrl: string): Promise<void> {
  const client = await connect(databaseUrl(serverUrl, 'postgres'));
  try {
    await client.query('CHECKPOINT');
  } finally {
    await client.end();
  }
}
