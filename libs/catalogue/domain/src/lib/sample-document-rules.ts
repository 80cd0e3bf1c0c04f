/** Sample documents (示范文本) are small pictures or PDFs of a filled-in material. */
export const SAMPLE_DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type SampleDocumentMediaType = (typeof SAMPLE_DOCUMENT_MEDIA_TYPES)[number];

export const SAMPLE_DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;
export const SAMPLE_DOCUMENT_FILE_NAME_MAX_LENGTH = 200;

export function isSampleDocumentMediaType(value: unknown): value is SampleDocumentMediaType {
  return typeof value === 'string' && (SAMPLE_DOCUMENT_MEDIA_TYPES as readonly string[]).includes(value);
}

/**
 * The file name as shown and offered for download: the last path segment, without control
 * characters, trimmed and bounded. Returns null when nothing usable is left.
 */
export function cleanSampleFileName(raw: string): string | null {
  const lastSegment = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = lastSegment.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return null;
  return [...cleaned].slice(0, SAMPLE_DOCUMENT_FILE_NAME_MAX_LENGTH).join('');
}
