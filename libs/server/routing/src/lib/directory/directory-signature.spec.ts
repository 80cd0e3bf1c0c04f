import type { CentreDirectoryDocument, SignedCentreDirectory } from '@zhengwu/shared/contracts';
import { generateKeyPairSync } from 'node:crypto';
import { ed25519KeyId, ed25519PublicJwk, spkiBase64 } from '../keys/key-id';
import { signDirectory, verifyDirectory } from './directory-signature';
import { keyValidityAt } from './key-validity';

const root = generateKeyPairSync('ed25519');
const impostor = generateKeyPairSync('ed25519');
const shehong = generateKeyPairSync('ed25519');
const issuer = generateKeyPairSync('ed25519');

function document(): CentreDirectoryDocument {
  return {
    version: 3,
    issuedAt: '2026-05-01T00:00:00.000Z',
    centres: [
      {
        code: '510981',
        name: '射洪市政务服务中心',
        level: 'county',
        parentCode: '510900',
        deploymentId: 'county',
        keys: [{ keyId: ed25519KeyId(shehong.publicKey), publicKey: spkiBase64(shehong.publicKey), validFrom: '2026-01-01T00:00:00.000Z', validTo: null }],
      },
    ],
    deployments: [{ id: 'county', apiBaseUrl: 'https://county.zhengwu.example' }],
    identityIssuer: { deploymentId: 'county', jwks: { keys: [ed25519PublicJwk(issuer.publicKey)] } },
  };
}

describe('the signed centre directory', () => {
  it('verifies against the pinned root key, also after a JSON round trip', () => {
    const signed = signDirectory(document(), root.privateKey);
    expect(signed.rootKeyId).toBe(ed25519KeyId(root.publicKey));
    expect(verifyDirectory(JSON.parse(JSON.stringify(signed)), root.publicKey)).toEqual({ ok: true, directory: signed });
  });

  it('refuses a directory signed by another root', () => {
    const signed = signDirectory(document(), impostor.privateKey);
    expect(verifyDirectory(signed, root.publicKey)).toEqual({ ok: false, problem: expect.stringContaining('pinned root key') });
    // Claiming the pinned root's id does not help: the signature is checked with the pinned key.
    const claimed = { ...signed, rootKeyId: ed25519KeyId(root.publicKey) };
    expect(verifyDirectory(claimed, root.publicKey)).toEqual({ ok: false, problem: expect.stringContaining('does not verify') });
  });

  it.each([
    ['version', (d: SignedCentreDirectory) => (d.version = 4)],
    ['a centre’s deployment', (d: SignedCentreDirectory) => d.centres.forEach((centre) => (centre.deploymentId = 'province'))],
    ['a deployment’s URL', (d: SignedCentreDirectory) => d.deployments.forEach((deployment) => (deployment.apiBaseUrl = 'https://evil.example'))],
    ['the issuer keys', (d: SignedCentreDirectory) => d.identityIssuer.jwks.keys.forEach((key) => (key.x = 'AAAA'))],
  ])('refuses a directory whose %s was altered', (_what, alter) => {
    const signed = JSON.parse(JSON.stringify(signDirectory(document(), root.privateKey))) as SignedCentreDirectory;
    alter(signed);
    expect(verifyDirectory(signed, root.publicKey).ok).toBe(false);
  });

  it('refuses a malformed or inconsistent directory even when it is signed', () => {
    const wrongKeyId = document();
    wrongKeyId.centres.forEach((centre) => centre.keys.forEach((key) => (key.keyId = ed25519KeyId(impostor.publicKey))));
    expect(verifyDirectory(signDirectory(wrongKeyId, root.privateKey), root.publicKey)).toEqual({
      ok: false,
      problem: expect.stringContaining('is not the thumbprint of its key'),
    });
    const unknownDeployment = document();
    unknownDeployment.centres.forEach((centre) => (centre.deploymentId = 'city'));
    expect(verifyDirectory(signDirectory(unknownDeployment, root.privateKey), root.publicKey)).toEqual({
      ok: false,
      problem: expect.stringContaining('unknown deployment city'),
    });
    expect(verifyDirectory({ version: 1 }, root.publicKey)).toEqual({ ok: false, problem: expect.stringContaining('malformed directory') });
  });
});

describe('key validity windows', () => {
  const key = { validFrom: '2026-01-01T00:00:00.000Z', validTo: '2026-07-01T00:00:00.000Z' };

  it.each([
    ['2025-12-31T23:59:59.999Z', 'not_yet_valid'],
    ['2026-01-01T00:00:00.000Z', 'valid'],
    ['2026-06-30T23:59:59.999Z', 'valid'],
    ['2026-07-01T00:00:00.000Z', 'expired'],
  ])('at %s the key is %s', (at, validity) => {
    expect(keyValidityAt(key, new Date(at))).toBe(validity);
  });

  it('never expires a current key', () => {
    expect(keyValidityAt({ ...key, validTo: null }, new Date('2099-01-01T00:00:00.000Z'))).toBe('valid');
  });
});
