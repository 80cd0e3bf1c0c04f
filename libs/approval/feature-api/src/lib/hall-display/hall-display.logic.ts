import type { HallDisplayCallKind } from '@zhengwu/shared/contracts';

/**
 * Pure rules of the hall display (no framework imports): what the screen may say about a person,
 * which events it announces, and the China calendar day its counts cover.
 */

/** Masks a name for a public screen: 张三明 → 张*明, 李四 → 李*, a company keeps its first and last character. */
export function maskApplicantName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '*';
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(Math.min(chars.length - 2, 4))}${chars[chars.length - 1]}`;
}

/** Transition actions the screen announces, and how. Everything else stays off the screen. */
export const CALL_KIND_OF_ACTION: Readonly<Record<string, HallDisplayCallKind>> = {
  accept: 'accepted',
  accept_with_owed_materials: 'accepted',
  return_with_notice: 'returned',
  complete: 'completed',
};

export const ANNOUNCED_ACTIONS: readonly string[] = Object.keys(CALL_KIND_OF_ACTION);

/** The calendar day (YYYY-MM-DD) of an instant in China time (UTC+8, no daylight saving). */
export function chinaDay(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Where a China calendar day starts and ends, as instants. */
export function chinaDayBounds(day: string): { start: Date; end: Date } {
  const start = new Date(`${day}T00:00:00+08:00`);
  return { start, end: new Date(start.getTime() + 24 * 3600_000) };
}

/** A display token's shape: 43 base64url characters (32 random bytes). */
export const DISPLAY_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The token of `Authorization: Display <token>`, or undefined when the header is anything else. */
export function displayTokenOf(header: string | undefined): string | undefined {
  const match = /^Display\s+(\S+)$/.exec(header ?? '');
  const token = match?.[1];
  return token && DISPLAY_TOKEN_PATTERN.test(token) ? token : undefined;
}
