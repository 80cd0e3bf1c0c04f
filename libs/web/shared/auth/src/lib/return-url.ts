/**
 * A return URL from the query string, accepted only if it is a path inside this app. Anything
 * else (`https://evil.example`, `//evil.example`, `/\evil.example`, `javascript:`) falls back, so
 * the login page cannot be used as an open redirect.
 */
export function safeReturnUrl(candidate: string | null | undefined, fallback: string): string {
  if (!candidate || !candidate.startsWith('/')) return fallback;
  if (candidate.startsWith('//') || candidate.startsWith('/\\')) return fallback;
  // Control characters: browsers strip tabs and newlines inside URLs, which can turn `/\t/x` into `//x`.
  if ([...candidate].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) return fallback;
  return candidate;
}
