/**
 * The server's default `MAX_UPLOAD_BYTES` (20 MiB). A deployment may set it lower; the server's
 * 413 is then shown as it comes. There is no endpoint that publishes the configured limit.
 */
export const MATERIAL_MAX_BYTES = 20 * 1024 * 1024;

/** Same rule as the server's upload-file-name check. */
export const MATERIAL_FILE_NAME_MAX_LENGTH = 200;

export type MaterialFileType = 'pdf' | 'ofd' | 'jpeg' | 'png';

/** For `<input type="file" accept>`: guides the picker; the bytes decide. */
export const MATERIAL_FILE_ACCEPT = '.pdf,.ofd,.jpg,.jpeg,.png,application/pdf,application/ofd,image/jpeg,image/png';

export type MaterialFileProblem =
  | { kind: 'empty' }
  | { kind: 'tooLarge'; maxBytes: number; sizeBytes: number }
  | { kind: 'type' }
  | { kind: 'name' };

export interface MaterialFileCheck {
  ok: boolean;
  type: MaterialFileType | null;
  problem: MaterialFileProblem | null;
}

/** How many leading bytes the signature check needs. */
export const SIGNATURE_LENGTH = 8;

/**
 * What a file is by its first bytes, as the server decides it (it never trusts the name or the
 * browser's content type): PDF `%PDF`, JPEG `FF D8 FF`, PNG's 8-byte signature; OFD (GB/T 33190) is
 * a ZIP package, accepted here by its `.ofd` name and checked inside by the server.
 */
export function sniffMaterialType(head: Uint8Array, fileName: string): MaterialFileType | null {
  const starts = (...bytes: number[]) => bytes.every((byte, index) => head[index] === byte);
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0x50, 0x4b, 0x03, 0x04) && /\.ofd$/i.test(fileName)) return 'ofd';
  return null;
}

/** Mirrors the server: no paths, control or bidi characters, Windows-reserved names or trailing dots. */
export function isAcceptableFileName(name: string): boolean {
  const normalised = name.normalize('NFC');
  return (
    normalised.trim().length > 0 &&
    [...normalised].length <= MATERIAL_FILE_NAME_MAX_LENGTH &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(normalised) &&
    !/[/\\<>:"|?*]/.test(normalised) &&
    !normalised.includes('..') &&
    !normalised.startsWith('.') &&
    !/[. ]$/.test(normalised) &&
    !/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i.test(normalised)
  );
}

/**
 * Checks a chosen file before any byte is sent: not empty, within the size limit, a sane name and
 * one of the accepted formats by content. Saves the applicant a 20 MB upload that would be refused.
 */
export async function checkMaterialFile(file: Blob & { name: string }, maxBytes = MATERIAL_MAX_BYTES): Promise<MaterialFileCheck> {
  const fail = (problem: MaterialFileProblem): MaterialFileCheck => ({ ok: false, type: null, problem });
  if (file.size === 0) return fail({ kind: 'empty' });
  if (file.size > maxBytes) return fail({ kind: 'tooLarge', maxBytes, sizeBytes: file.size });
  if (!isAcceptableFileName(file.name)) return fail({ kind: 'name' });
  const type = sniffMaterialType(await readHead(file, SIGNATURE_LENGTH), file.name);
  return type ? { ok: true, type, problem: null } : fail({ kind: 'type' });
}

function readHead(file: Blob, length: number): Promise<Uint8Array> {
  const head = file.slice(0, length);
  if (typeof head.arrayBuffer === 'function') return head.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  // Older engines (and jsdom) only have FileReader.
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(head);
  });
}
