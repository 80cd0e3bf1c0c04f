import { Client } from 'pg';
import { testDatabaseFromEnv } from './test-database';

/**
 * A raw connection as the runtime role (NOSUPERUSER, NOBYPASSRLS), for tests that prove what the
 * database itself allows, independent of any repository's `where` clause.
 */
export async function connectAsRuntimeRole(): Promise<RuntimeConnection> {
  const client = new Client({ connectionString: testDatabaseFromEnv().runtimeUrl });
  await client.connect();
  return new RuntimeConnection(client);
}

export async function connectAsOwner(): Promise<Client> {
  const client = new Client({ connectionString: testDatabaseFromEnv().ownerUrl });
  await client.connect();
  return client;
}

export class RuntimeConnection {
  constructor(readonly client: Client) {}

  /** Runs `work` in a transaction scoped like the API's units of work; always rolls back. */
  async asTenant<T>(tenantId: string, work: (client: Client) => Promise<T>): Promise<T> {
    return this.scoped({ 'app.tenant_id': tenantId }, work);
  }

  async scoped<T>(settings: Record<string, string>, work: (client: Client) => Promise<T>, commit = false): Promise<T> {
    await this.client.query('BEGIN');
    try {
      for (const [name, value] of Object.entries(settings)) {
        await this.client.query('SELECT set_config($1, $2, true)', [name, value]);
      }
      const result = await work(this.client);
      await this.client.query(commit ? 'COMMIT' : 'ROLLBACK');
      return result;
    } catch (error) {
      await this.client.query('ROLLBACK');
      throw error;
    }
  }

  end(): Promise<void> {
    return this.client.end();
  }
}
