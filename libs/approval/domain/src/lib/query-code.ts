/*
 * The public query code (查询码): 8 characters an applicant can read out on the phone or type
 * from a receipt. Its alphabet leaves out 0/O, 1/I/L, which people confuse: 31 characters,
 * about 39.6 bits for a code, which is why lookups by query code must be rate limited.
 *
 * The caller supplies the randomness (`crypto.getRandomValues` in the browser,
 * `crypto.randomBytes` on the server), so this stays pure and testable. Each character takes one
 * byte; bytes ≥ 248 (= 8 × 31) are rejected, so every character is exactly uniform (a plain
 * `byte % 31` would make the first 8 characters 9/8 as likely as the rest).
 */

export const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const QUERY_CODE_LENGTH = 8;
/**
 * Bytes to supply: 16 give 8 characters unless more than 8 bytes are rejected, which happens
 * with probability about 3 × 10⁻¹⁰ (each byte is rejected with probability 1/32).
 */
export const QUERY_CODE_RANDOM_BYTES = 16;

const ACCEPT_BELOW = 256 - (256 % QUERY_CODE_ALPHABET.length);
const QUERY_CODE_PATTERN = new RegExp(`^[${QUERY_CODE_ALPHABET}]{${QUERY_CODE_LENGTH}}$`);

/** Throws a RangeError if the bytes run out before 8 characters are drawn; call again with fresh bytes. */
export function generateQueryCode(randomBytes: Uint8Array): string {
  let code = '';
  for (const byte of randomBytes) {
    if (byte >= ACCEPT_BELOW) continue;
    code += QUERY_CODE_ALPHABET.charAt(byte % QUERY_CODE_ALPHABET.length);
    if (code.length === QUERY_CODE_LENGTH) return code;
  }
  throw new RangeError(`Not enough random bytes for a query code: supply ${QUERY_CODE_RANDOM_BYTES} fresh bytes`);
}

/** Upper-cases and trims typed input; the result may still be invalid (check `isQueryCode`). */
export function normaliseQueryCode(value: string): string {
  return value.trim().toUpperCase();
}

export function isQueryCode(value: string): boolean {
  return QUERY_CODE_PATTERN.test(value);
}
