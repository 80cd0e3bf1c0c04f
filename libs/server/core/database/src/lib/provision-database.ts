import { Client } from 'pg';
import { RUNTIME_GROUP_ROLE } from './roles';

export interface ProvisionOptions {
  /** A connection allowed to create roles and databases (a superuser in development and tests). */
  adminUrl: string;
  database: string;
  owner: { name: string; password: string };
  runtime: { name: string; password: string };
  /** Drop and recreate the database (test runs). */
  recreate?: boolean;
}

export interface ProvisionedDatabase {
  /** Runs migrations: owns the schema. */
  ownerUrl: string;
  /** What the API connects as: NOSUPERUSER, NOBYPASSRLS, member of the runtime group role. */
  runtimeUrl: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Creates (idempotently) the two roles and the database the platform runs on. Production DBAs may
 * do the same by hand; `docs/database-roles.md` shows the SQL. Passwords are (re)set on every call
 * so a development machine's roles always match its configuration.
 */
export async function provisionDatabase(options: ProvisionOptions): Promise<ProvisionedDatabase> {
  for (const name of [options.database, options.owner.name, options.runtime.name]) {
    if (!IDENTIFIER.test(name)) {
      throw new Error(`Refusing to provision unusual identifier "${name}"`);
    }
  }
  const admin = new Client({ connectionString: options.adminUrl });
  await admin.connect();
  try {
    await ensureRole(admin, RUNTIME_GROUP_ROLE, null, 'NOLOGIN');
    await ensureRole(admin, options.owner.name, options.owner.password, 'LOGIN');
    await ensureRole(admin, options.runtime.name, options.runtime.password, 'LOGIN INHERIT');
    await admin.query(`GRANT ${RUNTIME_GROUP_ROLE} TO ${options.runtime.name}`);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (exists.rowCount && options.recreate) {
      await admin.query(`DROP DATABASE ${options.database} WITH (FORCE)`);
    }
    if (!exists.rowCount || options.recreate) {
      await admin.query(`CREATE DATABASE ${options.database} OWNER ${options.owner.name} ENCODING 'UTF8' TEMPLATE template0`);
    }
  } finally {
    await admin.end();
  }

  const inDatabase = new Client({ connectionString: withDatabase(options.adminUrl, options.database) });
  await inDatabase.connect();
  try {
    await inDatabase.query(`ALTER SCHEMA public OWNER TO ${options.owner.name}`);
    await inDatabase.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    await inDatabase.query(`GRANT USAGE ON SCHEMA public TO ${RUNTIME_GROUP_ROLE}`);
    await inDatabase.query(`REVOKE ALL ON DATABASE ${options.database} FROM PUBLIC`);
    await inDatabase.query(`GRANT CONNECT ON DATABASE ${options.database} TO ${RUNTIME_GROUP_ROLE}, ${options.owner.name}`);
  } finally {
    await inDatabase.end();
  }

  return {
    ownerUrl: withCredentials(options.adminUrl, options.database, options.owner),
    runtimeUrl: withCredentials(options.adminUrl, options.database, options.runtime),
  };
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  if (!IDENTIFIER.test(database)) {
    throw new Error(`Refusing to drop unusual identifier "${database}"`);
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

async function ensureRole(client: Client, name: string, password: string | null, attributes: string): Promise<void> {
  const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
  const verb = found.rowCount ? 'ALTER' : 'CREATE';
  const passwordClause = password === null ? '' : ` PASSWORD ${literal(password)}`;
  try {
    await client.query(`${verb} ROLE ${name} ${attributes} NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE${passwordClause}`);
  } catch (error) {
    // Concurrent test runs may race to create the same cluster-wide role; the loser alters instead.
    if (verb === 'CREATE' && (error as { code?: string }).code === '23505') {
      await client.query(`ALTER ROLE ${name} ${attributes} NOSUPERUSER NOBYPASSRLS${passwordClause}`);
      return;
    }
    if (verb === 'CREATE' && (error as { code?: string }).code === '42710') {
      await client.query(`ALTER ROLE ${name} ${attributes} NOSUPERUSER NOBYPASSRLS${passwordClause}`);
      return;
    }
    throw error;
  }
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function withCredentials(url: string, database: string, role: { name: string; password: string }): string {
  const parsed = new URL(withDatabase(url, database));
  parsed.username = role.name;
  parsed.password = role.password;
  return parsed.toString();
}
