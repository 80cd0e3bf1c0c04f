import { crc32 } from 'node:zlib';

/*
 * Small but genuine files of every kind the store must accept or refuse, built in memory so the
 * tests need no fixtures on disk. Test-only: nothing in the library imports this file.
 */

export const SAMPLE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
    'trailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

/** A 1×1 PNG. */
export const SAMPLE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The start of a baseline JPEG (SOI, JFIF APP0), enough for a signature check. */
export const SAMPLE_JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
  Buffer.alloc(64, 0x20),
  Buffer.from([0xff, 0xd9]),
]);

/** A DOS/PE executable header. */
export const SAMPLE_EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(128)]);

export const SAMPLE_HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');

/** A minimal OFD package (GB/T 33190): a ZIP rooted at OFD.xml. */
export function sampleOfd(extra = ''): Buffer {
  return buildZip([
    {
      name: 'OFD.xml',
      content:
        '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.1" DocType="OFD">' +
        `<ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody>${extra}</ofd:OFD>`,
    },
    { name: 'Doc_0/Document.xml', content: '<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"/>' },
  ]);
}

/** A ZIP with the same layout but no OFD.xml at its root. */
export function sampleZipWithoutOfd(): Buffer {
  return buildZip([
    { name: 'Doc_0/OFD.xml', content: '<not-at-the-root/>' },
    { name: 'readme.txt', content: 'just a zip' },
  ]);
}

export interface ZipEntrySpec {
  name: string;
  content: string | Buffer;
}

/** Writes a ZIP (stored entries, no compression) with an optional archive comment. */
export function buildZip(entries: ZipEntrySpec[], comment = ''): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = Buffer.isBuffer(entry.content) ? entry.content : Buffer.from(entry.content, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const commentBytes = Buffer.from(comment, 'latin1');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(commentBytes.length, 20);
  return Buffer.concat([...locals, directory, end, commentBytes]);
}
