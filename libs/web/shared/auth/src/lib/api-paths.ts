/**
 * The API is served from the same origin as both apps (portal at `/`, workbench at `/workbench/`),
 * so paths are origin-absolute and never depend on `<base href>`.
 */
export const API_V1 = '/api/v1';

/** Only our own API gets the bearer token; anything else (assets, third parties) never does. */
export function isApiRequest(url: string): boolean {
  return url.startsWith('/api/');
}
