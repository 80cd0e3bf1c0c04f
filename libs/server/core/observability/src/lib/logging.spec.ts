import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import { Writable } from 'node:stream';
import { REDACTED_PATHS, requestIdOf } from './logging';

describe('logging', () => {
  it('never prints credentials or identity numbers', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const logger = pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink);
    logger.info({ req: { headers: { authorization: 'Bearer secret-token' } }, body: { idNumber: '51098119900307123X', password: 'p@ss', mobile: '13800138000' } });
    const text = lines.join('');
    expect(text).not.toContain('secret-token');
    expect(text).not.toContain('51098119900307123X');
    expect(text).not.toContain('p@ss');
    expect(text).not.toContain('13800138000');
    expect(text).toContain('[redacted]');
  });

  it('keeps a well-formed caller request id and replaces a malformed one', () => {
    const headers: Record<string, string> = {};
    const res = { setHeader: (name: string, value: string) => (headers[name] = value) } as unknown as ServerResponse;
    expect(requestIdOf({ headers: { 'x-request-id': 'abc-12345678' } } as unknown as IncomingMessage, res)).toBe('abc-12345678');
    expect(headers['x-request-id']).toBe('abc-12345678');
    const injected = requestIdOf({ headers: { 'x-request-id': 'bad id\nwith newline' } } as unknown as IncomingMessage);
    expect(injected).toMatch(/^[0-9a-f-]{36}$/);
  });
});
