import { randomBytes } from 'node:crypto';

export interface MultipartFile {
  field?: string;
  fileName: string;
  contentType?: string;
  content: Buffer;
}

/** A multipart/form-data body with one file (and optional text fields), for Fastify inject. */
export function multipartBody(file: MultipartFile, fields: Record<string, string> = {}): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----zhengwu${randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  const disposition = `form-data; name="${file.field ?? 'file'}"; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`;
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`));
  parts.push(file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A small valid PDF whose bytes differ per `label` (so each upload is its own stored object). */
export function samplePdf(label = randomBytes(6).toString('hex')): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}
