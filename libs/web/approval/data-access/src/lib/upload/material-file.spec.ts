import { checkMaterialFile, isAcceptableFileName, MATERIAL_MAX_BYTES, sniffMaterialType } from './material-file';

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46];
const ZIP = [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0];

function file(bytes: number[], name: string, type = ''): File {
  return new File([new Uint8Array(bytes)], name, { type });
}

describe('checkMaterialFile', () => {
  it('accepts PDF, JPEG, PNG and OFD by their bytes', async () => {
    expect(await checkMaterialFile(file(PDF, '申请书.pdf'))).toEqual({ ok: true, type: 'pdf', problem: null });
    expect((await checkMaterialFile(file(JPEG, 'scan.JPG'))).type).toBe('jpeg');
    expect((await checkMaterialFile(file(PNG, 'photo.png'))).type).toBe('png');
    expect((await checkMaterialFile(file(ZIP, '营业执照.ofd'))).type).toBe('ofd');
  });

  it('judges the content, not the name or the declared type', async () => {
    const renamed = await checkMaterialFile(file([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0], 'virus.pdf', 'application/pdf'));
    expect(renamed).toEqual({ ok: false, type: null, problem: { kind: 'type' } });
    expect((await checkMaterialFile(file(ZIP, 'archive.zip'))).problem).toEqual({ kind: 'type' });
    expect((await checkMaterialFile(file(PDF, 'no-extension'))).type).toBe('pdf');
  });

  it('refuses an empty file and one over the limit before reading it', async () => {
    expect((await checkMaterialFile(file([], 'empty.pdf'))).problem).toEqual({ kind: 'empty' });
    const big = { size: MATERIAL_MAX_BYTES + 1, name: 'big.pdf', slice: () => {
        throw new Error('must not read');
      }, } as unknown as File;
    expect((await checkMaterialFile(big)).problem).toEqual({ kind: 'tooLarge', maxBytes: MATERIAL_MAX_BYTES, sizeBytes: MATERIAL_MAX_BYTES + 1 });
    expect((await checkMaterialFile(file(PDF, 'a.pdf'), 4)).problem).toEqual({ kind: 'tooLarge', maxBytes: 4, sizeBytes: 8 });
  });

  it('refuses a name the server would refuse', async () => {
    expect((await checkMaterialFile(file(PDF, 'a.pdf.'))).problem).toEqual({ kind: 'name' });
  });
});

describe('sniffMaterialType', () => {
  it('needs the whole signature', () => {
    expect(sniffMaterialType(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'x.png')).toBeNull();
    expect(sniffMaterialType(new Uint8Array(PNG), 'x')).toBe('png');
  });
});

describe('isAcceptableFileName', () => {
  it('mirrors the server rule', () => {
    expect(isAcceptableFileName('营业执照副本 (2).pdf')).toBe(true);
    for (const bad of ['', ' ', '../x.pdf', 'a/b.pdf', 'a\\b.pdf', '.hidden', 'CON.pdf', 'x.pdf ', 'exe.\u202Egpj', 'a'.repeat(201)]) {
      expect({ bad, ok: isAcceptableFileName(bad) }).toEqual({ bad, ok: false });
    }
  });
});
