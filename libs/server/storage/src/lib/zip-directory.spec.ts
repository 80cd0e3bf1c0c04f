import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildZip, sampleOfd, sampleZipWithoutOfd } from './testing/material-samples';
import { readZipDirectory, zipHasRootEntry } from './zip-directory';

describe('ZIP central directory reader', () => {
  let dir: string;
  let counter = 0;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'zhengwu-zip-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function file(bytes: Buffer): string {
    const path = join(dir, `f${counter++}`);
    writeFileSync(path, bytes);
    return path;
  }

  it('lists the entries of a ZIP and finds OFD.xml at the root of an OFD package', async () => {
    const path = file(sampleOfd());
    expect((await readZipDirectory(path))?.map((entry) => entry.name)).toEqual(['OFD.xml', 'Doc_0/Document.xml']);
    expect(await zipHasRootEntry(path, 'OFD.xml')).toBe(true);
  });

  it('does not take a nested OFD.xml for the root one', async () => {
    expect(await zipHasRootEntry(file(sampleZipWithoutOfd()), 'OFD.xml')).toBe(false);
  });

  it('finds the end record behind an archive comment, even one that contains a fake end signature', async () => {
    const fakeEnd = Buffer.alloc(22);
    fakeEnd.writeUInt32LE(0x06054b50, 0);
    const path = file(buildZip([{ name: 'OFD.xml', content: '<x/>' }], `note PK${fakeEnd.toString('latin1')} end`));
    expect(await zipHasRootEntry(path, 'OFD.xml')).toBe(true);
  });

  it('reads a ZIP64 end record', async () => {
    expect(await zipHasRootEntry(file(toZip64(buildZip([{ name: 'OFD.xml', content: '<x/>' }]))), 'OFD.xml')).toBe(true);
  });

  it('refuses truncated, inconsistent or non-ZIP files instead of guessing', async () => {
    const zip = sampleOfd();
    const endAt = zip.length - 22;

    const truncated = zip.subarray(0, zip.length - 5);
    const outOfBounds = Buffer.from(zip);
    outOfBounds.writeUInt32LE(zip.length, endAt + 16);
    const wrongCount = Buffer.from(zip);
    wrongCount.writeUInt16LE(1, endAt + 8);
    wrongCount.writeUInt16LE(1, endAt + 10);
    const splitArchive = Buffer.from(zip);
    splitArchive.writeUInt16LE(1, endAt + 4);

    for (const bytes of [truncated, outOfBounds, wrongCount, splitArchive, Buffer.from('%PDF-1.4 not a zip at all'), Buffer.alloc(0)]) {
      const path = file(bytes);
      expect(await readZipDirectory(path)).toBeUndefined();
      expect(await zipHasRootEntry(path, 'OFD.xml')).toBe(false);
    }
  });

  it('checks that the local header the directory points at really is OFD.xml', async () => {
    const zip = buildZip([
      { name: 'a.txt', content: 'first' },
      { name: 'OFD.xml', content: '<x/>' },
    ]);
    // Point OFD.xml's directory entry at the local header of a.txt.
    const directoryOffset = zip.readUInt32LE(zip.length - 22 + 16);
    const secondEntry = directoryOffset + 46 + 'a.txt'.length;
    const lying = Buffer.from(zip);
    lying.writeUInt32LE(0, secondEntry + 42);
    expect(await zipHasRootEntry(file(zip), 'OFD.xml')).toBe(true);
    expect(await zipHasRootEntry(file(lying), 'OFD.xml')).toBe(false);
  });
});

/** Rewrites a small ZIP's end record the ZIP64 way: a ZIP64 record and locator, sentinel values. */
function toZip64(zip: Buffer): Buffer {
  const endAt = zip.length - 22;
  const entries = zip.readUInt16LE(endAt + 10);
  const size = zip.readUInt32LE(endAt + 12);
  const offset = zip.readUInt32LE(endAt + 16);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(entries), 24);
  record.writeBigUInt64LE(BigInt(entries), 32);
  record.writeBigUInt64LE(BigInt(size), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(endAt), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([zip.subarray(0, endAt), record, locator, end]);
}
