/**
 * `Content-Disposition` for a download whose name may be Chinese: an ASCII fallback for old
 * clients in `filename`, and the exact UTF-8 name in `filename*` (RFC 6266 with RFC 5987 encoding).
 */
export function contentDisposition(fileName: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
