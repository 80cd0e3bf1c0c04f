import { Envelope, ROUTE_TYPES, RouteType } from '@zhengwu/shared/contracts';

const MEMBERS = ['id', 'type', 'from', 'to', 'issue', 'actor', 'createdAt', 'payload', 'requestHash', 'keyId', 'signature'] as const;
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const CENTRE = /^\d{6}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const KEY_ID = /^[A-Za-z0-9_-]{43}$/;
/** 64 bytes of Ed25519 signature, base64url without padding. */
const SIGNATURE = /^[A-Za-z0-9_-]{86}$/;

export type EnvelopeShape = { ok: true; envelope: Envelope<Record<string, unknown>> } | { ok: false; problem: string };

/**
 * Checks that something received is an envelope at all: exactly the envelope's members, each of
 * the right form (the payload's own contract is checked later, against its type). Nothing here
 * is trusted yet; the signature is checked after this.
 */
export function parseEnvelope(raw: unknown): EnvelopeShape {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problem: 'not a JSON object' };
  }
  const record = raw as Record<string, unknown>;
  const extra = Object.keys(record).filter((key) => !(MEMBERS as readonly string[]).includes(key));
  if (extra.length > 0) {
    return { ok: false, problem: `unexpected members: ${extra.slice(0, 5).join(', ')}` };
  }
  const missing = MEMBERS.filter((key) => !(key in record));
  if (missing.length > 0) {
    return { ok: false, problem: `missing members: ${missing.join(', ')}` };
  }
  const problems = [
    check(typeof record['id'] === 'string' && UUID_V7.test(record['id']), 'id must be a lowercase UUIDv7'),
    check(ROUTE_TYPES.includes(record['type'] as RouteType), 'type is not a known route type'),
    check(typeof record['from'] === 'string' && CENTRE.test(record['from']), 'from must be a 6-digit centre code'),
    check(typeof record['to'] === 'string' && CENTRE.test(record['to']), 'to must be a 6-digit centre code'),
    check(nullOrString(record['issue'], 64), 'issue must be null or a string of at most 64 characters'),
    check(nullOrString(record['actor'], 200), 'actor must be null or a string of at most 200 characters'),
    check(isInstant(record['createdAt']), 'createdAt must be an ISO instant with milliseconds (UTC)'),
    check(isPlainObject(record['payload']), 'payload must be a JSON object'),
    check(record['requestHash'] === null || (typeof record['requestHash'] === 'string' && SHA256_HEX.test(record['requestHash'])), 'requestHash must be null or SHA-256 hex'),
    check(typeof record['keyId'] === 'string' && KEY_ID.test(record['keyId']), 'keyId must be a JWK thumbprint'),
    check(typeof record['signature'] === 'string' && SIGNATURE.test(record['signature']), 'signature must be 64 bytes of base64url'),
  ].filter((problem): problem is string => problem !== undefined);
  if (problems.length > 0) {
    return { ok: false, problem: problems.join('; ') };
  }
  return { ok: true, envelope: record as unknown as Envelope<Record<string, unknown>> };
}

/** The members a rejection can still be filed under, taken from a malformed envelope when they look right. */
export function claimedRoute(raw: unknown): { envelopeId: string | null; type: string | null; from: string | null; to: string | null } {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const text = (value: unknown, pattern: RegExp) => (typeof value === 'string' && pattern.test(value) ? value : null);
  return {
    envelopeId: text(record['id'], /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
    type: text(record['type'], /^[a-z][a-z0-9._-]{0,63}$/),
    from: text(record['from'], CENTRE),
    to: text(record['to'], CENTRE),
  };
}

function check(ok: boolean, problem: string): string | undefined {
  return ok ? undefined : problem;
}

function nullOrString(value: unknown, maxLength: number): boolean {
  return value === null || (typeof value === 'string' && value.length <= maxLength);
}

function isInstant(value: unknown): boolean {
  return typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
