import type { Envelope, UnsignedEnvelope } from '@zhengwu/shared/contracts';
import fc from 'fast-check';
import { calculateJwkThumbprint, exportJWK } from 'jose';
import { generateKeyPairSync } from 'node:crypto';
import { ed25519KeyId } from '../keys/key-id';
import { canonicalJson } from './canonical-json';
import { parseEnvelope } from './envelope-shape';
import { envelopeHash, signEnvelope, verifyEnvelopeSignature } from './envelope-signature';

const shehong = generateKeyPairSync('ed25519');
const suining = generateKeyPairSync('ed25519');

function unsigned(overrides: Partial<UnsignedEnvelope<Record<string, unknown>>> = {}): UnsignedEnvelope<Record<string, unknown>> {
  return {
    id: '0190f3a2-7b1c-7d4e-8f00-123456789abc',
    type: 'verification.completed.v1',
    from: '510981',
    to: '510900',
    issue: '51090020260506020000017',
    actor: 'clerk-7',
    createdAt: '2026-05-06T08:30:00.000Z',
    payload: { caseNumber: '51090020260506020000017', materials: [{ code: 'M01', result: 'match' }], identityChecked: true },
    requestHash: 'ab'.repeat(32),
    keyId: ed25519KeyId(shehong.publicKey),
    ...overrides,
  };
}

describe('canonical JSON (RFC 8785)', () => {
  it('sorts members, drops whitespace and writes numbers and strings in their one form', () => {
    expect(canonicalJson({ b: 2, a: [1, 'x', { d: null, c: true }] })).toBe('{"a":[1,"x",{"c":true,"d":null}],"b":2}');
    // RFC 8785 §3.2.2.3 number examples.
    expect(canonicalJson([1e21, 1e-7, 0.000001, -0, 333333333.3333333, 4.5])).toBe('[1e+21,1e-7,0.000001,0,333333333.3333333,4.5]');
    expect(canonicalJson({ '\u20ac': 'Euro', '\r': 'CR', '1': 'One', 'é': '\u0000' })).toBe('{"\\r":"CR","1":"One","é":"\\u0000","€":"Euro"}');
  });

  it('gives the same text for the same value whatever the member order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(canonicalJson(value));
      }),
    );
  });
});

describe('envelope signatures', () => {
  it('verifies what it signed, after the JSON round trip a transport makes', () => {
    const envelope = signEnvelope(unsigned(), shehong.privateKey);
    expect(verifyEnvelopeSignature(envelope, shehong.publicKey)).toBe(true);
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(envelope).reverse()))) as Envelope;
    expect(verifyEnvelopeSignature(reordered, shehong.publicKey)).toBe(true);
    expect(parseEnvelope(envelope)).toEqual({ ok: true, envelope });
  });

  it.each([
    ['id', '0190f3a2-7b1c-7d4e-8f00-123456789abd'],
    ['type', 'verification.requested.v1'],
    ['from', '510922'],
    ['to', '510903'],
    ['issue', '51090020260506020000018'],
    ['issue', null],
    ['actor', 'clerk-8'],
    ['createdAt', '2026-05-06T08:30:00.001Z'],
    ['payload', { caseNumber: '51090020260506020000017', materials: [{ code: 'M01', result: 'mismatch' }], identityChecked: true }],
    ['payload', { caseNumber: '51090020260506020000017', materials: [{ code: 'M01', result: 'match' }], identityChecked: true, extra: 1 }],
    ['requestHash', 'cd'.repeat(32)],
    ['requestHash', null],
    ['keyId', ed25519KeyId(suining.publicKey)],
  ])('breaks when %s is changed', (field, value) => {
    const envelope = signEnvelope(unsigned(), shehong.privateKey);
    expect(verifyEnvelopeSignature({ ...envelope, [field]: value }, shehong.publicKey)).toBe(false);
  });

  it('breaks when any string anywhere in it is changed', () => {
    const envelope = signEnvelope(unsigned(), shehong.privateKey);
    const paths: Array<(e: Envelope<Record<string, unknown>>, s: string) => void> = [
      (e, s) => (e.actor = s),
      (e, s) => (e.payload['caseNumber'] = s),
      (e, s) => ((e.payload['materials'] as Array<{ code: string }>)[0].code = s),
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: paths.length - 1 }), fc.string(), (index, text) => {
        const tampered = JSON.parse(JSON.stringify(envelope)) as Envelope<Record<string, unknown>>;
        const before = canonicalJson(tampered);
        paths[index]?.(tampered, text);
        fc.pre(canonicalJson(tampered) !== before);
        expect(verifyEnvelopeSignature(tampered, shehong.publicKey)).toBe(false);
      }),
    );
  });

  it('refuses another key, and a damaged signature', () => {
    const envelope = signEnvelope(unsigned(), shehong.privateKey);
    expect(verifyEnvelopeSignature(envelope, suining.publicKey)).toBe(false);
    const flipped = envelope.signature.startsWith('A') ? `B${envelope.signature.slice(1)}` : `A${envelope.signature.slice(1)}`;
    expect(verifyEnvelopeSignature({ ...envelope, signature: flipped }, shehong.publicKey)).toBe(false);
    expect(verifyEnvelopeSignature({ ...envelope, signature: '' }, shehong.publicKey)).toBe(false);
  });

  it('hashes the whole signed envelope for replies: stable, and different for any other envelope', () => {
    const envelope = signEnvelope(unsigned(), shehong.privateKey);
    expect(envelopeHash(envelope)).toMatch(/^[0-9a-f]{64}$/);
    expect(envelopeHash(JSON.parse(JSON.stringify(envelope)) as Envelope)).toBe(envelopeHash(envelope));
    expect(envelopeHash(signEnvelope(unsigned({ actor: 'clerk-8' }), shehong.privateKey))).not.toBe(envelopeHash(envelope));
  });

  it('names a key by its RFC 7638 thumbprint, as the access-token JWKS does', async () => {
    const jwk = await exportJWK(shehong.publicKey);
    expect(ed25519KeyId(shehong.publicKey)).toBe(await calculateJwkThumbprint(jwk));
    expect(ed25519KeyId(shehong.privateKey)).toBe(ed25519KeyId(shehong.publicKey));
  });
});

describe('envelope form', () => {
  const good = signEnvelope(unsigned(), shehong.privateKey);

  it.each([
    ['not an object', 'text', 'not a JSON object'],
    ['an extra member', { ...good, note: 'x' }, 'unexpected members: note'],
    ['a missing member', (({ signature: _s, ...rest }) => rest)(good), 'missing members: signature'],
    ['a v4 id', { ...good, id: '8c5b2d4e-1f3a-4b6c-9d8e-7f6a5b4c3d2e' }, 'id must be a lowercase UUIDv7'],
    ['an unknown type', { ...good, type: 'payment.requested.v1' }, 'type is not a known route type'],
    ['a short centre code', { ...good, to: '5109' }, 'to must be a 6-digit centre code'],
    ['a local time', { ...good, createdAt: '2026-05-06 16:30:00' }, 'createdAt must be an ISO instant'],
    ['an impossible date', { ...good, createdAt: '2026-02-30T08:30:00.000Z' }, 'createdAt must be an ISO instant'],
    ['an array payload', { ...good, payload: [] }, 'payload must be a JSON object'],
    ['a short signature', { ...good, signature: 'abc' }, 'signature must be 64 bytes of base64url'],
  ])('refuses %s', (_title, raw, problem) => {
    const result = parseEnvelope(raw);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problem).toContain(problem);
  });
});
