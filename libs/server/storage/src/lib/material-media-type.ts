/** The formats accepted for applicants' materials: what government documents and scans come in. */
export type MaterialMediaType = 'application/pdf' | 'application/ofd' | 'image/jpeg' | 'image/png';

export const MATERIAL_MEDIA_TYPES: readonly MaterialMediaType[] = Object.freeze([
  'application/pdf',
  'application/ofd',
  'image/jpeg',
  'image/png',
]);

export const MATERIAL_EXTENSIONS: Readonly<Record<MaterialMediaType, string>> = Object.freeze({
  'application/pdf': 'pdf',
  // GB/T 33190: the Chinese fixed-layout document format (a ZIP package rooted at OFD.xml).
  'application/ofd': 'ofd',
  'image/jpeg': 'jpg',
  'image/png': 'png',
});

export function isMaterialMediaType(value: unknown): value is MaterialMediaType {
  return typeof value === 'string' && (MATERIAL_MEDIA_TYPES as readonly string[]).includes(value);
}
