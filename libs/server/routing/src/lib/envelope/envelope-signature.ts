import type { Envelope, UnsignedEnvelope } from '@zhengwu/shared/contracts';
import { createHash, KeyObject, sign, verify } from 'node:crypto';
import { asJson, canonicalJson } from './canonical-json';

/**
 * Signs an envelope: Ed25519 over the canonical JSON (RFC 8785) of every member but `signature`.
 * The envelope is first reduced to what JSON carries, so the receiver verifies exactly these bytes.
 */
export function signEnvelope<P>(unsigned: UnsignedEnvelope<P>, privateKey: KeyObject): Envelope<P> {
  const normalized = asJson(unsigned);
  const signature = sign(null, Buffer.from(canonicalJson(normalized), 'utf8'), privateKey).toString('base64url');
  return { ...normalized, signature };
}

/** True when `signature` is the given key's signature of the rest of the envelope. */
export function verifyEnvelopeSignature(envelope: Envelope<unknown>, publicKey: KeyObject): boolean {
  const { signature, ...unsigned } = envelope;
  try {
    return verify(null, Buffer.from(canonicalJson(unsigned), 'utf8'), publicKey, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

/**
 * SHA-256 (hex) of the canonical JSON of the whole signed envelope, signature included: a reply's
 * `requestHash` names exactly the message it answers, and cannot be made to fit another one.
 */
export function envelopeHash(envelope: Envelope<unknown>): string {
  return createHash('sha256').update(canonicalJson(envelope), 'utf8').digest('hex');
}
