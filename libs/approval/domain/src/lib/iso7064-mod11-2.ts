/*
 * ISO 7064 MOD 11-2: the check character of resident ID numbers (GB 11643), generalised to any
 * number of digits. Each digit is weighted by 2^(position from the right, starting at 1) mod 11,
 * computed here by Horner's rule. Since 11 is prime and no weight is 0 mod 11, every single wrong
 * digit changes the sum, and so does every swap of two neighbouring different digits (their
 * weights differ), so both errors are always caught. `residentIdCheckDigit` in
 * `@zhengwu/shared/util` is the 17-digit case; a test checks the two agree.
 */

// Index = sum mod 11; equivalent to (12 - sum mod 11) mod 11, with 10 written as X.
const CHECK_CHARACTERS = '10X98765432';

export function mod11_2CheckCharacter(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new RangeError('MOD 11-2 is computed over decimal digits only');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum = ((sum + (digits.charCodeAt(i) - 48)) * 2) % 11;
  return CHECK_CHARACTERS.charAt(sum);
}

/** `value` is digits followed by their MOD 11-2 check character (upper-case X for 10). */
export function hasValidMod11_2CheckCharacter(value: string): boolean {
  if (!/^\d+[\dX]$/.test(value)) return false;
  return mod11_2CheckCharacter(value.slice(0, -1)) === value.slice(-1);
}
