/*
 * Unified social credit codes (统一社会信用代码), GB 32100-2015.
 *
 *   9 1 440300 192203821 6        (华为技术有限公司)
 *   │ │ │      │         └ check character (MOD 31)
 *   │ │ │      └ organisation code (GB 11714)
 *   │ │ └ division of the registering authority (GB/T 2260)
 *   │ └ entity category (for authority 9: 1 enterprise, 2 individual business, 3 co-operative)
 *   └ registration authority (1 机构编制, 5 民政, 9 市场监管, N 农业, Y other, …)
 *
 * 18 characters from 0-9 and A-Y without I, O, S, V, Z (31 symbols, value = position in the
 * charset). Positions 3–8 are a GB/T 2260 division code and therefore digits. The check character
 * is the charset symbol of (31 − Σ value(cᵢ)·wᵢ mod 31) mod 31 with wᵢ = 3^(i−1) mod 31
 * (1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28). 31 is prime and the 17 weights are distinct
 * and non-zero, so every single wrong character and every swap of two of the first 17 characters
 * is caught.
 *
 * Positions 9–17 carry the GB 11714-1997 organisation code, which has its own MOD 11 check
 * character at position 17. We deliberately do NOT enforce it: it catches no single error or swap
 * that the MOD 31 character misses, and each extra rule is one more way to turn away a legitimate
 * organisation (real codes already deviate from the standard: see the Fujian pilot codes in the
 * spec). Every real code we examined does satisfy it, and the generators produce codes that do.
 *
 * Lower case is accepted and normalised like resident ID numbers: the validator judges
 * `normaliseUscc(value)`, and callers must store that form.
 */

export type UsccProblem = 'length' | 'format' | 'checkCharacter';

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SYMBOL = `[${USCC_CHARSET}]`;
const FIRST17 = new RegExp(`^${SYMBOL}{2}\\d{6}${SYMBOL}{9}$`);
const FULL = new RegExp(`^${SYMBOL}{2}\\d{6}${SYMBOL}{10}$`);

/** Trims surrounding whitespace (including the full-width space) and upper-cases ASCII letters. */
export function normaliseUscc(value: string): string {
  // Only ASCII: String#toUpperCase would turn 'ß' into 'SS' and change the length.
  return value.trim().replace(/[a-z]/g, (letter) => letter.toUpperCase());
}

/** The GB 32100 check character for the first 17 characters of a unified social credit code. */
export function usccCheckCharacter(first17: string): string {
  if (!FIRST17.test(first17)) {
    throw new RangeError(`usccCheckCharacter expects 17 GB 32100 characters, got "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/**
 * What is wrong with a unified social credit code, or null if it is valid: `length` (not 18
 * characters after normalising), `format` (a character outside the charset, or a non-digit in the
 * division code), `checkCharacter` (MOD 31 mismatch).
 */
export function usccProblem(value: string): UsccProblem | null {
  const code = normaliseUscc(value);
  if (code.length !== 18) return 'length';
  if (!FULL.test(code)) return 'format';
  if (usccCheckCharacter(code.slice(0, 17)) !== code.charAt(17)) return 'checkCharacter';
  return null;
}
