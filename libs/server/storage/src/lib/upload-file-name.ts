import { StorageError } from './storage-errors';

export const MAX_FILE_NAME_LENGTH = 200;

// Path separators, and what Windows refuses in a name: the file will be downloaded and saved again.
const FORBIDDEN_SEPARATORS = /[/\\<>:"|?*]/;
// Device names Windows reserves whatever the extension (CON, CON.pdf, com1.txt…).
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * The name an applicant's file is shown and downloaded under. It never reaches the file system
 * (objects are named by their hash), but it travels to other centres and back to browsers, so it
 * is normalised (NFC) and anything that could act as a path or fool a reader is refused.
 */
export function validateUploadFileName(raw: string | undefined): string {
  const name = (raw ?? '').normalize('NFC');
  const valid =
    name.trim().length > 0 &&
    [...name].length <= MAX_FILE_NAME_LENGTH &&
    !hasForbiddenCharacter(name) &&
    !FORBIDDEN_SEPARATORS.test(name) &&
    !name.includes('..') &&
    !name.startsWith('.') &&
    // Windows drops trailing dots and spaces, so "a.pdf." and "a.pdf " would not survive a download.
    !/[. ]$/.test(name) &&
    !WINDOWS_RESERVED.test(name);
  if (!valid) {
    throw StorageError.MATERIAL_FILE_NAME_INVALID();
  }
  return name;
}

/** C0 and C1 control characters, and the bidirectional controls that make "gpj.exe" read as "exe.jpg". */
function hasForbiddenCharacter(name: string): boolean {
  for (const character of name) {
    const code = character.codePointAt(0) ?? 0;
    if (
      code <= 0x1f ||
      (code >= 0x7f && code <= 0x9f) ||
      code === 0x200e ||
      code === 0x200f ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069)
    ) {
      return true;
    }
  }
  return false;
}
