import { verifyDirectory } from '@zhengwu/server/routing';
import { createPublicKey } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseKeysCommand, runKeysCommand } from './keys-command';

describe('the keys command', () => {
  let dir: string;
  const deployments = JSON.stringify([
    { id: 'province', hosted: 'level:province', apiBaseUrl: 'http://127.0.0.1:3001' },
    { id: 'city', hosted: 'level:city', apiBaseUrl: 'http://127.0.0.1:3002' },
    { id: 'county', hosted: 'level:county', apiBaseUrl: 'http://127.0.0.1:3003' },
  ]);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'zhengwu-keys-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes keys for the three-level topology and a directory every deployment can verify', () => {
    const command = parseKeysCommand(['--out', dir, '--deployments', deployments]);
    expect(command).toMatchObject({ issuer: 'province', issuerKeys: [join(dir, 'identity', 'province-auth-signing.pem')], generateIssuerKey: true });
    const { result, summary } = runKeysCommand(command);
    expect(result.directory.centres).toHaveLength(205);
    expect(verifyDirectory(JSON.parse(readFileSync(result.directoryPath, 'utf8')), createPublicKey(readFileSync(result.rootPublicKeyPath))).ok).toBe(true);
    expect(summary).toContain('Wrote directory version 1 (205 centres');
    expect(summary).toContain(`CENTRE_KEYS_DIR=${join(dir, 'centres', 'county')}`);
    expect(existsSync(join(dir, 'centres', 'county', '510981.pem'))).toBe(true);

    expect(runKeysCommand(parseKeysCommand(['--out', dir, '--deployments', deployments])).summary).toContain('Unchanged: directory version 1');
  });

  it('reads deployments from a file, and refuses an issuer key that does not exist', () => {
    const file = join(dir, 'deployments.json');
    writeFileSync(file, deployments);
    const command = parseKeysCommand(['--out', dir, '--deployments', `@${file}`, '--issuer', 'city', '--issuer-key', join(dir, 'missing.pem')]);
    expect(command).toMatchObject({ issuer: 'city', generateIssuerKey: false });
    expect(() => runKeysCommand(command)).toThrow(/missing.pem does not exist/);
  });

  it.each([
    [['--deployments', deployments], '--out is required'],
    [['--out', 'x'], '--deployments is required'],
    [['--out', 'x', '--deployments', '[]'], 'non-empty JSON array'],
    [['--out', 'x', '--deployments', '[{"id":"a1"}]'], 'needs "id", "hosted"'],
    [['--out', 'x', '--deployments', deployments, '--issuer', 'nowhere'], '--issuer nowhere is not one of the deployments'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseKeysCommand(argv)).toThrow(message);
  });
});
