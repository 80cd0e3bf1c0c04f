import { createHash, createPublicKey, KeyObject } from 'node:crypto';
import type { DirectoryJwkV1 } from '@zhengwu/shared/contracts';

/**
 * A key's id: its RFC 7638 JWK thumbprint (SHA-256 over `{"crv":"Ed25519","kty":"OKP","x":…}`,
 * base64url), the same id the access-token JWKS uses, so anyone recomputes it from the public key.
 */
export function ed25519KeyId(key: KeyObject): string {
  const { x } = ed25519Jwk(key);
  return createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest('base64url');
}

/** The public key as a JWK with its thumbprint id (as `GET /api/v1/auth/jwks` serves it). */
export function ed25519PublicJwk(key: KeyObject): DirectoryJwkV1 {
  const { x } = ed25519Jwk(key);
  return { kty: 'OKP', crv: 'Ed25519', x, kid: ed25519KeyId(key), alg: 'EdDSA', use: 'sig' };
}

/** SubjectPublicKeyInfo DER, base64: the directory's form of a public key. */
export function spkiBase64(key: KeyObject): string {
  return publicOf(key).export({ type: 'spki', format: 'der' }).toString('base64');
}

export function publicKeyFromSpki(base64: string): KeyObject {
  const key = createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`Expected an Ed25519 public key, found ${key.asymmetricKeyType}`);
  }
  return key;
}

function ed25519Jwk(key: KeyObject): { x: string } {
  const jwk = publicOf(key).export({ format: 'jwk' }) as { kty?: string; crv?: string; x?: string };
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.x) {
    throw new Error('Expected an Ed25519 key');
  }
  return { x: jwk.x };
}

function publicOf(key: KeyObject): KeyObject {
  return key.type === 'private' ? createPublicKey(key) : key;
}
