import type { AppConfig } from '@zhengwu/server/core/config';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { MaterialStore } from './material-store';
import {
  SAMPLE_EXE,
  SAMPLE_HTML,
  SAMPLE_JPEG,
  SAMPLE_PDF,
  SAMPLE_PNG,
  sampleOfd,
  sampleZipWithoutOfd,
} from './testing/material-samples';
import { filesUnder as files } from './testing/store-files';

const MAX = 64 * 1024;

describe('MaterialStore', () => {
  let dir: string;
  let store: MaterialStore;

  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'zhengwu-store-')), 'materials');
    store = new MaterialStore({ MATERIAL_STORE_DIR: dir } as AppConfig);
  });
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  function sha256(bytes: Buffer): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  it.each([
    ['PDF', SAMPLE_PDF, 'application/pdf', 'pdf'],
    ['JPEG', SAMPLE_JPEG, 'image/jpeg', 'jpg'],
    ['PNG', SAMPLE_PNG, 'image/png', 'png'],
    ['OFD', sampleOfd(), 'application/ofd', 'ofd'],
  ])('stores a %s under its SHA-256 and says what it is', async (_kind, bytes, mediaType, extension) => {
    const stored = await store.put(Readable.from([bytes]), { maxBytes: MAX });
    const hash = sha256(bytes);
    expect(stored).toEqual({ sha256: hash, size: bytes.length, mediaType, extension });
    expect(files(dir)).toEqual([`${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`]);
    expect(store.has(hash)).toBe(true);
    expect(await text(store.open(hash))).toBe(bytes.toString());
  });

  it('hashes and detects correctly whatever the chunking of the stream', async () => {
    const ofd = sampleOfd('x'.repeat(9000));
    const oneByteChunks = Array.from(ofd, (byte) => Buffer.from([byte]));
    const stored = await store.put(Readable.from(oneByteChunks), { maxBytes: MAX });
    expect(stored).toMatchObject({ sha256: sha256(ofd), size: ofd.length, mediaType: 'application/ofd' });
  });

  it('keeps one object for the same bytes stored twice', async () => {
    const first = await store.put(Readable.from([SAMPLE_PDF]), { maxBytes: MAX });
    const second = await store.put(Readable.from([SAMPLE_PDF]), { maxBytes: MAX });
    expect(second).toEqual(first);
    expect(files(dir)).toHaveLength(1);
  });

  it.each([
    ['an executable', SAMPLE_EXE],
    ['an HTML page', SAMPLE_HTML],
    ['a ZIP without OFD.xml at its root', sampleZipWithoutOfd()],
    ['plain text', Buffer.from('just some text')],
  ])('refuses %s and keeps nothing', async (_kind, bytes) => {
    await expect(store.put(Readable.from([bytes]), { maxBytes: MAX })).rejects.toMatchObject({
      code: 'MATERIAL_TYPE_NOT_ALLOWED',
      kind: 'unsupported_media_type',
    });
    expect(files(dir)).toEqual([]);
  });

  it('refuses a format the caller did not allow', async () => {
    await expect(store.put(Readable.from([SAMPLE_PNG]), { maxBytes: MAX, allowed: ['application/pdf'] })).rejects.toMatchObject({
      code: 'MATERIAL_TYPE_NOT_ALLOWED',
      details: { allowed: ['pdf'] },
    });
    expect(files(dir)).toEqual([]);
  });

  it('accepts exactly maxBytes and refuses one byte more, keeping nothing', async () => {
    const exact = Buffer.concat([SAMPLE_PDF, Buffer.alloc(1000 - SAMPLE_PDF.length, 0x20)]);
    await expect(store.put(Readable.from([exact]), { maxBytes: 1000 })).resolves.toMatchObject({ size: 1000 });
    const over = Buffer.concat([exact, Buffer.from(' ')]);
    await expect(store.put(Readable.from([over]), { maxBytes: 1000 })).rejects.toMatchObject({
      code: 'MATERIAL_TOO_LARGE',
      kind: 'payload_too_large',
    });
    expect(files(dir)).toHaveLength(1);
  });

  it('stops reading a stream as soon as it passes the limit', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 16 * 1024;
        this.push(Buffer.alloc(16 * 1024, 0x25));
      },
    });
    await expect(store.put(endless, { maxBytes: MAX })).rejects.toMatchObject({ code: 'MATERIAL_TOO_LARGE' });
    expect(produced).toBeLessThan(MAX * 4);
    expect(endless.destroyed).toBe(true);
    expect(files(dir)).toEqual([]);
  });

  it('treats a source cut at its own limit (busboy `truncated`) as too large', async () => {
    const source = Object.assign(Readable.from([SAMPLE_PDF]), { truncated: true });
    await expect(store.put(source, { maxBytes: MAX })).rejects.toMatchObject({ code: 'MATERIAL_TOO_LARGE' });
    expect(files(dir)).toEqual([]);
  });

  it('refuses an empty file', async () => {
    await expect(store.put(Readable.from([]), { maxBytes: MAX })).rejects.toMatchObject({ code: 'MATERIAL_EMPTY', kind: 'invalid' });
    expect(files(dir)).toEqual([]);
  });

  it('cleans up when the source fails half way', async () => {
    const failing = new Readable({
      read() {
        this.push(SAMPLE_PDF);
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(store.put(failing, { maxBytes: MAX })).rejects.toThrow('connection reset');
    expect(files(dir)).toEqual([]);
  });

  it('opens only well-formed hashes of stored objects', () => {
    expect(() => store.open('0'.repeat(64))).toThrow(expect.objectContaining({ code: 'MATERIAL_NOT_FOUND' }));
    expect(() => store.open('../../../etc/passwd')).toThrow(expect.objectContaining({ code: 'MATERIAL_NOT_FOUND' }));
    expect(store.has('../..')).toBe(false);
    expect(store.has('A'.repeat(64))).toBe(false);
  });

  it('sweeps temporary files abandoned by a crash, but not recent ones', async () => {
    const incoming = join(dir, '.incoming');
    writeFileSync(join(incoming, 'old.part'), 'x');
    writeFileSync(join(incoming, 'recent.part'), 'y');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    utimesSync(join(incoming, 'old.part'), twoHoursAgo, twoHoursAgo);
    await store.onModuleInit();
    expect(readdirSync(incoming)).toEqual(['recent.part']);
  });
});
