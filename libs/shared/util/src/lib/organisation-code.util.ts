/*
 * GB 11714-1997 organisation codes (组织机构代码): 8 body characters (digits or upper-case letters,
 * A = 10 … Z = 35 over the full alphabet) and a check character C9 = 11 − (Σ value·w mod 11) with
 * w = 3 7 9 10 5 8 4 2, written X for 10 and 0 for 11. GB 32100 embeds the code in positions 9–17
 * of a unified social credit code. Used to generate realistic test codes; see uscc.validator.ts
 * for why validation does not enforce it.
 */
const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

export function organisationCodeCheckCharacter(body: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body)) {
    throw new RangeError(`organisationCodeCheckCharacter expects 8 digits or capital letters, got "${body}"`);
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body.charAt(i), 36) * WEIGHTS[i];
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}
