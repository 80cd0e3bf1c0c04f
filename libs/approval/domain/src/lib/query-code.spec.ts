import fc from 'fast-check';
import { QUERY_CODE_ALPHABET, QUERY_CODE_RANDOM_BYTES, generateQueryCode, isQueryCode, normaliseQueryCode } from './query-code';

describe('generateQueryCode', () => {
  it('uses an alphabet without 0, O, 1, I or L', () => {
    expect(QUERY_CODE_ALPHABET).toHaveLength(31);
    expect(QUERY_CODE_ALPHABET).not.toMatch(/[0O1IL]/);
    expect(new Set(QUERY_CODE_ALPHABET).size).toBe(31);
  });

  it('draws 8 characters from the bytes, skipping those that would bias it', () => {
    const bytes = Uint8Array.from([0, 248, 30, 255, 31, 61, 62, 247, 100, 200, 9, 9]);
    // 0→'2', 248 and 255 rejected, 30→'Z', 31→'2', 61→'Z', 62→'2', 247→'Z', 100→'9', 200→'G'
    expect(generateQueryCode(bytes)).toBe('2Z2Z2Z9G');
  });

  it('always gives a valid code from 16 random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: QUERY_CODE_RANDOM_BYTES, maxLength: QUERY_CODE_RANDOM_BYTES, max: 247 }), (bytes) => {
        expect(isQueryCode(generateQueryCode(bytes))).toBe(true);
      }),
    );
  });

  it('maps the accepted bytes to every character exactly 8 times (uniform)', () => {
    const counts = new Map<string, number>();
    for (let byte = 0; byte < 256; byte++) {
      const bytes = new Uint8Array(8).fill(byte);
      try {
        const character = generateQueryCode(bytes)[0];
        counts.set(character, (counts.get(character) ?? 0) + 1);
      } catch {
        expect(byte).toBeGreaterThanOrEqual(248);
      }
    }
    expect([...counts.keys()].sort().join('')).toBe([...QUERY_CODE_ALPHABET].sort().join(''));
    expect(new Set(counts.values())).toEqual(new Set([8]));
  });

  it('throws when the bytes run out', () => {
    expect(() => generateQueryCode(new Uint8Array(7))).toThrow(RangeError);
    expect(() => generateQueryCode(new Uint8Array(16).fill(250))).toThrow(/16/);
  });
});

describe('isQueryCode', () => {
  it('accepts typed codes once normalised', () => {
    expect(isQueryCode(normaliseQueryCode(' 2z2z2z9q '))).toBe(true);
    expect(isQueryCode('2Z2Z2Z9')).toBe(false);
    expect(isQueryCode('2Z2Z2Z9O')).toBe(false);
  });
});
