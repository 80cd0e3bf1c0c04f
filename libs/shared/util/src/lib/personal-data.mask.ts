/*
 * Masks for showing personal data on screens, receipts and logs, in the form Chinese government
 * and bank systems commonly print: an ID number keeps its address code and last four characters,
 * a mobile number its network prefix and last four digits, a name its first character (usually
 * the surname). Enough for the person to recognise their own data, not enough to identify them.
 *
 * Masks fail closed: a value that does not have the expected shape is hidden entirely rather than
 * partly, because a wrong guess about its structure could reveal the part that identifies someone.
 */

/** `510981199003071234` → `510981********1234`. Anything that is not 18 characters is fully hidden. */
export function maskResidentIdNumber(value: string): string {
  const id = value.trim();
  if (id.length !== 18) return hideAll(id);
  return `${id.slice(0, 6)}********${id.slice(14)}`;
}

/** `13812345678` → `138****5678`. Anything that is not an 11-digit number is fully hidden. */
export function maskMobile(value: string): string {
  const mobile = value.trim();
  if (!/^\d{11}$/.test(mobile)) return hideAll(mobile);
  return `${mobile.slice(0, 3)}****${mobile.slice(7)}`;
}

/** `张三丰` → `张**`, `李四` → `李*`. Counts characters, not UTF-16 units, so rare characters stay whole. */
export function maskName(value: string): string {
  const [first = '', ...rest] = Array.from(value.trim());
  return first + '*'.repeat(rest.length);
}

function hideAll(value: string): string {
  return '*'.repeat(Array.from(value).length);
}
