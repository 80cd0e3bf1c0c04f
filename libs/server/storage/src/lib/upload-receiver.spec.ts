import { Controller, Module, Post, Req } from '@nestjs/common';
import { Public } from '@zhengwu/server/core/auth';
import { createTestApp, TestApp } from '@zhengwu/server/testing';
import type { ErrorBody } from '@zhengwu/shared/contracts';
import type { FastifyRequest } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StorageModule } from './storage.module';
import { SAMPLE_EXE, SAMPLE_HTML, SAMPLE_JPEG, SAMPLE_PDF, SAMPLE_PNG, sampleOfd, sampleZipWithoutOfd } from './testing/material-samples';
import { filesUnder } from './testing/store-files';
import { ReceivedUpload, UploadReceiver } from './upload-receiver';

const ENDPOINT_LIMIT = 64 * 1024;
const MAX_UPLOAD_BYTES = 128 * 1024;

@Controller('storage-test/uploads')
class UploadProbeController {
  constructor(private readonly uploads: UploadReceiver) {}

  @Post()
  @Public('test-only: exercises the upload receiver over real HTTP')
  receive(@Req() request: FastifyRequest) {
    return this.uploads.receive(request, { maxBytes: ENDPOINT_LIMIT });
  }

  @Post('deployment-limit')
  @Public('test-only: an endpoint bounded by MAX_UPLOAD_BYTES alone')
  receiveUpToDeploymentLimit(@Req() request: FastifyRequest) {
    return this.uploads.receive(request);
  }

  @Post('pdf-only')
  @Public('test-only: an endpoint that accepts PDF alone')
  receivePdf(@Req() request: FastifyRequest) {
    return this.uploads.receive(request, { allowed: ['application/pdf'] });
  }
}

@Module({ imports: [StorageModule], controllers: [UploadProbeController] })
class UploadProbeModule {}

type Part = { name: string; value: string } | { name: string; fileName: string; contentType?: string; data: Buffer };

function multipart(parts: Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----zhengwu${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if ('value' in part) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`));
    } else {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\n` +
            `Content-Type: ${part.contentType ?? 'application/pdf'}\r\n\r\n`,
          'utf8',
        ),
        part.data,
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('receiving a material upload over HTTP', () => {
  let t: TestApp;
  let storeDir: string;

  beforeAll(async () => {
    storeDir = join(mkdtempSync(join(tmpdir(), 'zhengwu-uploads-')), 'materials');
    t = await createTestApp({
      imports: [UploadProbeModule],
      env: { MATERIAL_STORE_DIR: storeDir, MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES) },
    });
  });
  afterAll(async () => {
    await t.close();
    rmSync(join(storeDir, '..'), { recursive: true, force: true });
  });

  async function upload<T = ReceivedUpload>(parts: Part[], path = '/api/v1/storage-test/uploads') {
    const { payload, headers } = multipart(parts);
    const response = await t.app.inject({ method: 'POST', url: path, payload, headers });
    return { status: response.statusCode, body: JSON.parse(response.body) as T };
  }

  /** Runs a refused upload and proves the store is exactly as it was before. */
  async function refused(parts: Part[], status: number, code: string, path?: string): Promise<void> {
    const before = filesUnder(storeDir);
    const response = await upload<ErrorBody>(parts, path);
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
    expect(response.body.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(filesUnder(storeDir)).toEqual(before);
  }

  it.each([
    ['营业执照.pdf', SAMPLE_PDF, 'application/pdf', 'pdf'],
    ['身份证正面.jpg', SAMPLE_JPEG, 'image/jpeg', 'jpg'],
    ['户口本.png', SAMPLE_PNG, 'image/png', 'png'],
    ['电子证照.ofd', sampleOfd(), 'application/ofd', 'ofd'],
  ])('stores %s with the form fields sent before it', async (fileName, data, mediaType, extension) => {
    const response = await upload([
      { name: 'materialCode', value: 'M001' },
      { name: 'copies', value: '2' },
      { name: 'file', fileName, data, contentType: 'application/octet-stream' },
    ]);
    expect(response.status).toBe(201);
    const sha256 = createHash('sha256').update(data).digest('hex');
    expect(response.body).toEqual({
      object: { sha256, size: data.length, mediaType, extension },
      fileName,
      fields: { materialCode: 'M001', copies: '2' },
    });
    expect(filesUnder(storeDir)).toContain(`${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`);
  });

  it('lets the bytes decide: a PNG called .pdf and declared application/pdf is stored as a PNG', async () => {
    const response = await upload([{ name: 'file', fileName: 'scan.pdf', data: SAMPLE_PNG, contentType: 'application/pdf' }]);
    expect(response.status).toBe(201);
    expect(response.body.object).toMatchObject({ mediaType: 'image/png', extension: 'png' });
    expect(response.body.fileName).toBe('scan.pdf');
  });

  it('keeps one object when the same bytes are uploaded twice under different names', async () => {
    const bytes = Buffer.concat([SAMPLE_PDF, randomBytes(32)]);
    const first = await upload([{ name: 'file', fileName: 'a.pdf', data: bytes }]);
    const before = filesUnder(storeDir);
    const second = await upload([{ name: 'file', fileName: '另一个名字.pdf', data: bytes }]);
    expect(second.body.object).toEqual(first.body.object);
    expect(filesUnder(storeDir)).toEqual(before);
    expect(before.filter((path) => path.endsWith(first.body.object.sha256))).toHaveLength(1);
  });

  it('normalises the file name to NFC', async () => {
    const response = await upload([{ name: 'file', fileName: 'Cafe\u0301.pdf', data: SAMPLE_PDF }]);
    expect(response.body.fileName).toBe('Caf\u00e9.pdf');
  });

  it.each([
    ['an executable', SAMPLE_EXE],
    ['an HTML page', SAMPLE_HTML],
    ['a ZIP without OFD.xml', sampleZipWithoutOfd()],
  ])('refuses %s declared as a PDF with 415', async (_kind, data) => {
    await refused([{ name: 'file', fileName: 'material.pdf', data, contentType: 'application/pdf' }], 415, 'MATERIAL_TYPE_NOT_ALLOWED');
  });

  it('refuses a format the endpoint does not take', async () => {
    await refused([{ name: 'file', fileName: 'a.png', data: SAMPLE_PNG }], 415, 'MATERIAL_TYPE_NOT_ALLOWED', '/api/v1/storage-test/uploads/pdf-only');
  });

  it("refuses a file over the endpoint's limit with 413", async () => {
    const data = Buffer.concat([SAMPLE_PDF, Buffer.alloc(ENDPOINT_LIMIT + 1 - SAMPLE_PDF.length, 0x20)]);
    await refused([{ name: 'file', fileName: 'big.pdf', data }], 413, 'MATERIAL_TOO_LARGE');
  });

  it('refuses a file over MAX_UPLOAD_BYTES with 413', async () => {
    const exact = Buffer.concat([SAMPLE_PDF, Buffer.alloc(MAX_UPLOAD_BYTES - SAMPLE_PDF.length, 0x20)]);
    const fits = await upload([{ name: 'file', fileName: 'fits.pdf', data: exact }], '/api/v1/storage-test/uploads/deployment-limit');
    expect(fits.status).toBe(201);
    const over = Buffer.concat([exact, Buffer.from('!')]);
    await refused([{ name: 'file', fileName: 'over.pdf', data: over }], 413, 'MATERIAL_TOO_LARGE', '/api/v1/storage-test/uploads/deployment-limit');
  });

  it('refuses an empty file with 400', async () => {
    await refused([{ name: 'file', fileName: 'empty.pdf', data: Buffer.alloc(0) }], 400, 'MATERIAL_EMPTY');
  });

  it.each([
    ['../../etc/passwd'],
    ['..\\..\\windows\\win.ini'],
    ['subdir/a.pdf'],
    ['/etc/shadow'],
    ['.htaccess'],
    ['CON.pdf'],
    ['invoice\u202Efdp.exe'],
    ['a\u0001.pdf'],
    ['x'.repeat(201)],
  ])('refuses the file name %j with 400', async (fileName) => {
    await refused([{ name: 'file', fileName, data: SAMPLE_PDF }], 400, 'MATERIAL_FILE_NAME_INVALID');
  });

  it('refuses a form without a file part (400) and a body that is not multipart (415)', async () => {
    await refused([{ name: 'materialCode', value: 'M001' }], 400, 'MATERIAL_FILE_MISSING');
    const json = await t.http.post<ErrorBody>('/api/v1/storage-test/uploads', { file: 'x' });
    expect({ status: json.status, code: json.body.code }).toEqual({ status: 415, code: 'MATERIAL_UPLOAD_NOT_MULTIPART' });
  });

  it('never leaves a temporary file behind', () => {
    expect(filesUnder(storeDir).filter((path) => path.startsWith('.incoming'))).toEqual([]);
  });

  it('over a real socket, answers a refused large upload at once and lets the connection finish', async () => {
    const server = await createTestApp({ imports: [UploadProbeModule], env: { MATERIAL_STORE_DIR: storeDir } });
    try {
      await server.app.listen(0, '127.0.0.1');
      const url = `${await server.app.getUrl()}/api/v1/storage-test/uploads`;
      for (const [fileName, status] of [
        ['../escape.pdf', 400],
        ['big.pdf', 413],
      ] as const) {
        const form = new FormData();
        form.append('materialCode', 'M001');
        form.append('file', new Blob([SAMPLE_PDF, Buffer.alloc(4 * 1024 * 1024, 0x20)]), fileName);
        const response = await fetch(url, { method: 'POST', body: form });
        expect({ fileName, status: response.status }).toEqual({ fileName, status });
        await response.text();
      }
    } finally {
      // Would hang until the request timeout if a refused upload's connection were left half read.
      await server.close();
    }
  });
});
