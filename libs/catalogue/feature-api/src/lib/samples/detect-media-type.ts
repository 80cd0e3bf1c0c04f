/**
 * The media type of a file judged by its leading bytes (magic numbers), never by its name or the
 * uploader's claim. file-type is ESM-only; it is loaded on first use (Node ≥ 20.19 requires ESM
 * natively), so composing the API does not load it and only the upload path depends on it.
 */
export async function detectMediaType(bytes: Uint8Array): Promise<string | undefined> {
  const { fileTypeFromBuffer } = await import('file-type/core');
  return (await fileTypeFromBuffer(bytes))?.mime;
}
