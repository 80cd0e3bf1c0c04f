import canonicalize from 'canonicalize';

/**
 * RFC 8785 (JCS) canonical JSON: members sorted, no insignificant whitespace, numbers and strings
 * in their one ECMAScript form. Signatures and hashes are taken over this text, so two parties that
 * parse and re-encode a message still agree on its bytes.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) {
    throw new Error('Value has no JSON form');
  }
  return text;
}

/** The value as it will arrive on the other side: what JSON can carry, nothing more. */
export function asJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
