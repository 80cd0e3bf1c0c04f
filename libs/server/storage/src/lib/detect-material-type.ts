import { fileTypeFromBuffer } from 'file-type/core';
import { MaterialMediaType } from './material-media-type';
import { zipHasRootEntry } from './zip-directory';

/** How many leading bytes the signature check needs (file-type reads at most ~4 KiB for these). */
export const SIGNATURE_BYTES = 4100;

/**
 * What a file really is, by its bytes: the client's declared content type and file name are never
 * consulted. `head` is the file's first SIGNATURE_BYTES (or all of it); `path` is read only to
 * look inside ZIP packages.
 */
export async function detectMaterialType(head: Uint8Array, path: string): Promise<MaterialMediaType | undefined> {
  const detected = await fileTypeFromBuffer(head);
  switch (detected?.mime) {
    case 'application/pdf':
      return 'application/pdf';
    case 'image/jpeg':
      return 'image/jpeg';
    case 'image/png':
      return 'image/png';
    case 'application/zip':
      // file-type knows OFD only as a ZIP; an OFD package is the ZIP whose root lists OFD.xml.
      return (await zipHasRootEntry(path, 'OFD.xml')) ? 'application/ofd' : undefined;
    default:
      return undefined;
  }
}
