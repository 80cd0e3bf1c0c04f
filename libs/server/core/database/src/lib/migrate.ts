import { DataSource, MigrationInterface } from 'typeorm';
import { RedactingQueryLogger } from './redacting-query-logger';

export type MigrationClass = new () => MigrationInterface;

/** Any constant works; it only has to be the same in every replica of every deployment. */
const MIGRATION_LOCK_KEY = 7_406_231_001;
export const MIGRATIONS_TABLE = 'schema_migrations';

/**
 * Applies pending migrations as the schema owner, each in its own transaction. Replicas starting
 * together serialise on an advisory lock, and the loser finds nothing left to do.
 */
export async function runMigrations(ownerUrl: string, migrations: readonly MigrationClass[]): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: ownerUrl,
    migrations: [...migrations],
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logger: new RedactingQueryLogger(),
    extra: { max: 2, application_name: 'zhengwu-migrations' },
  });
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lock.release();
    await dataSource.destroy();
  }
}
