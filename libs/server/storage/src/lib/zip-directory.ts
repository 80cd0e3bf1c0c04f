import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';

/*
 * Just enough of the ZIP format (APPNOTE.TXT 6.3.x) to list the names in a package's central
 * directory, read defensively: every length and offset is checked against the file before it is
 * used, and anything inconsistent makes the file "not a readable ZIP" rather than a guess.
 */

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_LOCATOR_SIZE = 20;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const ZIP64_EOCD_SIZE = 56;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const CENTRAL_HEADER_SIZE = 46;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;
const UTF8_NAMES_FLAG = 0x0800;

export interface ZipEntry {
  name: string;
  /** Where the entry's local file header starts. */
  localHeaderOffset: number;
}

export interface ZipReadLimits {
  maxEntries: number;
  maxDirectoryBytes: number;
}

const DEFAULT_LIMITS: ZipReadLimits = { maxEntries: 65_535, maxDirectoryBytes: 8 * 1024 * 1024 };

interface DirectoryLocation {
  entries: number;
  size: number;
  offset: number;
  /** The directory must end before this offset (the start of the end records). */
  end: number;
}

/** The entries listed in a ZIP file's central directory, or `undefined` when it is not a sound ZIP. */
export async function readZipDirectory(path: string, limits: ZipReadLimits = DEFAULT_LIMITS): Promise<ZipEntry[] | undefined> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const location = await locateDirectory(file, size);
    if (!location || location.entries > limits.maxEntries || location.size > limits.maxDirectoryBytes) {
      return undefined;
    }
    const directory = await readExactly(file, location.offset, location.size);
    return directory ? parseDirectory(directory, location.entries) : undefined;
  } finally {
    await file.close();
  }
}

/**
 * True when the ZIP lists `name` at its root and that entry's local header really is where the
 * directory says: the test an OFD package passes (GB/T 33190: `OFD.xml` is the package's entry).
 */
export async function zipHasRootEntry(path: string, name: string): Promise<boolean> {
  const entries = await readZipDirectory(path);
  const entry = entries?.find((candidate) => candidate.name === name);
  if (!entry) {
    return false;
  }
  const file = await open(path, 'r');
  try {
    const header = await readExactly(file, entry.localHeaderOffset, LOCAL_HEADER_SIZE);
    if (!header || header.readUInt32LE(0) !== LOCAL_HEADER_SIGNATURE) {
      return false;
    }
    const nameLength = header.readUInt16LE(26);
    const localName = await readExactly(file, entry.localHeaderOffset + LOCAL_HEADER_SIZE, nameLength);
    return localName !== undefined && decodeName(localName, header.readUInt16LE(6)) === name;
  } finally {
    await file.close();
  }
}

async function locateDirectory(file: FileHandle, size: number): Promise<DirectoryLocation | undefined> {
  if (size < EOCD_SIZE) {
    return undefined;
  }
  const tailLength = Math.min(size, EOCD_SIZE + MAX_COMMENT);
  const tailStart = size - tailLength;
  const tail = await readExactly(file, tailStart, tailLength);
  if (!tail) {
    return undefined;
  }
  // The record sits right before its comment at the very end; a signature inside the comment is
  // rejected because its comment length would not reach exactly to the end of the file.
  for (let at = tail.length - EOCD_SIZE; at >= 0; at--) {
    if (tail.readUInt32LE(at) !== EOCD_SIGNATURE || at + EOCD_SIZE + tail.readUInt16LE(at + 20) !== tail.length) {
      continue;
    }
    const eocdOffset = tailStart + at;
    const disk = tail.readUInt16LE(at + 4);
    const directoryDisk = tail.readUInt16LE(at + 6);
    const entriesOnDisk = tail.readUInt16LE(at + 8);
    const entries = tail.readUInt16LE(at + 10);
    const directorySize = tail.readUInt32LE(at + 12);
    const directoryOffset = tail.readUInt32LE(at + 16);
    if (entries === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
      return locateZip64Directory(file, eocdOffset);
    }
    if (disk !== 0 || directoryDisk !== 0 || entriesOnDisk !== entries) {
      return undefined; // split archives are not uploads
    }
    return checked({ entries, size: directorySize, offset: directoryOffset, end: eocdOffset });
  }
  return undefined;
}

async function locateZip64Directory(file: FileHandle, eocdOffset: number): Promise<DirectoryLocation | undefined> {
  if (eocdOffset < ZIP64_LOCATOR_SIZE) {
    return undefined;
  }
  const locator = await readExactly(file, eocdOffset - ZIP64_LOCATOR_SIZE, ZIP64_LOCATOR_SIZE);
  if (!locator || locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIGNATURE || locator.readUInt32LE(16) !== 1) {
    return undefined;
  }
  const recordOffset = safeNumber(locator.readBigUInt64LE(8));
  if (recordOffset === undefined || recordOffset + ZIP64_EOCD_SIZE > eocdOffset - ZIP64_LOCATOR_SIZE) {
    return undefined;
  }
  const record = await readExactly(file, recordOffset, ZIP64_EOCD_SIZE);
  if (!record || record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) {
    return undefined;
  }
  const entriesOnDisk = safeNumber(record.readBigUInt64LE(24));
  const entries = safeNumber(record.readBigUInt64LE(32));
  const size = safeNumber(record.readBigUInt64LE(40));
  const offset = safeNumber(record.readBigUInt64LE(48));
  if (entries === undefined || size === undefined || offset === undefined || entriesOnDisk !== entries) {
    return undefined;
  }
  return checked({ entries, size, offset, end: recordOffset });
}

function checked(location: DirectoryLocation): DirectoryLocation | undefined {
  const fits = location.offset + location.size <= location.end;
  // Each entry needs at least a fixed-size header, so the count bounds the size from below.
  const plausible = location.size >= location.entries * CENTRAL_HEADER_SIZE;
  return fits && plausible ? location : undefined;
}

function parseDirectory(directory: Buffer, expectedEntries: number): ZipEntry[] | undefined {
  const entries: ZipEntry[] = [];
  let at = 0;
  while (at < directory.length) {
    if (at + CENTRAL_HEADER_SIZE > directory.length || directory.readUInt32LE(at) !== CENTRAL_HEADER_SIGNATURE) {
      return undefined;
    }
    const flags = directory.readUInt16LE(at + 8);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const next = at + CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
    if (next > directory.length) {
      return undefined;
    }
    const nameBytes = directory.subarray(at + CENTRAL_HEADER_SIZE, at + CENTRAL_HEADER_SIZE + nameLength);
    const localHeaderOffset = directory.readUInt32LE(at + 42);
    if (localHeaderOffset === 0xffffffff) {
      return undefined; // a ZIP64 offset: never needed for files of an upload's size
    }
    entries.push({ name: decodeName(nameBytes, flags), localHeaderOffset });
    at = next;
  }
  return entries.length === expectedEntries ? entries : undefined;
}

function decodeName(bytes: Buffer, flags: number): string {
  // Without the UTF-8 flag names are CP437; the names we look for are ASCII, identical in both.
  return bytes.toString(flags & UTF8_NAMES_FLAG ? 'utf8' : 'latin1');
}

async function readExactly(file: FileHandle, position: number, length: number): Promise<Buffer | undefined> {
  if (position < 0 || length < 0) {
    return undefined;
  }
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await file.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) {
      return undefined;
    }
    filled += bytesRead;
  }
  return buffer;
}

function safeNumber(value: bigint): number | undefined {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : undefined;
}
