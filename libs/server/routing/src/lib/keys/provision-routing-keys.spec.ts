import { createPublicKey } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyDirectory } from '../directory/directory-signature';
import { ed25519KeyId } from './key-id';
import { provisionRoutingKeys, ProvisionRoutingKeysOptions } from './provision-routing-keys';

describe('provisionRoutingKeys', () => {
  let dir: string;
  const at = (iso: string) => new Date(iso);
  const options = (overrides: Partial<ProvisionRoutingKeysOptions> = {}): ProvisionRoutingKeysOptions => ({
    outDir: dir,
    deployments: [
      { id: 'province', hostedTenants: 'level:province', apiBaseUrl: 'https://province.example' },
      { id: 'suining', hostedTenants: 'under:510900', apiBaseUrl: 'https://suining.example' },
    ],
    identityIssuer: { deploymentId: 'province', signingKeyPaths: [join(dir, 'identity', 'auth-signing.pem')], generateMissing: true },
    now: at('2026-05-01T00:00:00.000Z'),
    ...overrides,
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'zhengwu-keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates the root and one key per hosted centre, and signs the directory with the root', () => {
    const result = provisionRoutingKeys(options());
    expect(result.changed).toBe(true);
    const rootPublic = createPublicKey(readFileSync(result.rootPublicKeyPath));
    const verified = verifyDirectory(JSON.parse(readFileSync(result.directoryPath, 'utf8')), rootPublic);
    expect(verified.ok).toBe(true);
    const { directory } = result;
    expect(directory).toMatchObject({ version: 1, issuedAt: '2026-05-01T00:00:00.000Z', rootKeyId: ed25519KeyId(rootPublic) });
    expect(directory.centres.map((centre) => centre.code)).toEqual(['510000', '510900', '510903', '510904', '510921', '510923', '510981']);
    expect(directory.centres.find((centre) => centre.code === '510981')).toMatchObject({
      name: '射洪市政务服务中心',
      level: 'county',
      parentCode: '510900',
      deploymentId: 'suining',
      keys: [{ validFrom: '2026-05-01T00:00:00.000Z', validTo: null }],
    });
    expect(directory.identityIssuer).toMatchObject({ deploymentId: 'province', jwks: { keys: [{ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' }] } });
    // Each deployment holds only its own centres' private keys; private keys are owner-only.
    expect(readdirSync(result.centreKeysDirs['province'] as string)).toEqual(['510000.pem']);
    expect(readdirSync(result.centreKeysDirs['suining'] as string)).toHaveLength(6);
    expect(statSync(join(result.centreKeysDirs['suining'] as string, '510981.pem')).mode & 0o077).toBe(0);
    expect(statSync(result.rootPrivateKeyPath).mode & 0o077).toBe(0);
  });

  it('changes nothing when run again with the same input, and issues the next version when it changes', () => {
    const first = provisionRoutingKeys(options());
    const again = provisionRoutingKeys(options({ now: at('2026-05-02T00:00:00.000Z') }));
    expect(again.changed).toBe(false);
    expect(again.directory).toEqual(first.directory);

    const moved = options({ now: at('2026-05-03T00:00:00.000Z') });
    moved.deployments[1] = { id: 'suining', hostedTenants: 'under:510900', apiBaseUrl: 'https://suining-2.example' };
    const next = provisionRoutingKeys(moved);
    expect(next).toMatchObject({ changed: true, directory: { version: 2, issuedAt: '2026-05-03T00:00:00.000Z' } });
    // Keys that did not change keep their validity.
    expect(next.directory.centres[0]?.keys).toEqual(first.directory.centres[0]?.keys);
  });

  it('keeps a replaced centre key valid for the overlap, then drops it', () => {
    const first = provisionRoutingKeys(options());
    const oldKey = first.directory.centres.find((centre) => centre.code === '510981')?.keys[0];
    unlinkSync(join(first.centreKeysDirs['suining'] as string, '510981.pem'));

    const rotated = provisionRoutingKeys(options({ now: at('2026-06-01T00:00:00.000Z'), rotationOverlapMs: 86_400_000 }));
    const keys = rotated.directory.centres.find((centre) => centre.code === '510981')?.keys;
    expect(keys).toEqual([
      expect.objectContaining({ validFrom: '2026-06-01T00:00:00.000Z', validTo: null }),
      { ...oldKey, validTo: '2026-06-02T00:00:00.000Z' },
    ]);
    expect(keys?.[0]?.keyId).not.toBe(oldKey?.keyId);

    const later = provisionRoutingKeys(options({ now: at('2026-06-03T00:00:00.000Z') }));
    expect(later.directory.centres.find((centre) => centre.code === '510981')?.keys).toHaveLength(1);
  });

  it('refuses a centre hosted twice, an unknown selector and a foreign directory', () => {
    const overlapping = options();
    overlapping.deployments.push({ id: 'county', hostedTenants: 'level:county', apiBaseUrl: 'https://county.example' });
    expect(() => provisionRoutingKeys(overlapping)).toThrow(/would be hosted by both suining and county/);
    expect(() => provisionRoutingKeys(options({ deployments: [{ id: 'x1', hostedTenants: 'level:town', apiBaseUrl: 'https://x.example' }] }))).toThrow(
      /level:town/,
    );
    provisionRoutingKeys(options());
    unlinkSync(join(dir, 'root', 'root.pem'));
    expect(() => provisionRoutingKeys(options())).toThrow(/does not verify/);
    expect(existsSync(join(dir, 'directory.json'))).toBe(true);
  });
});
