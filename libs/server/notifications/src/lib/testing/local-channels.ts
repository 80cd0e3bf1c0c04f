import { createServer as createHttpServer, IncomingMessage } from 'node:http';
import { createServer as createTcpServer, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { NotificationContact, NotificationRecipients } from '../delivery/notification-driver';

/*
 * Real local channels for the delivery tests: an HTTP SMS gateway and an SMTP sink on loopback
 * ports, so drivers are tested over the wire without anything installed. Test-only.
 */

export interface GatewayRequest {
  authorization: string | undefined;
  contentType: string | undefined;
  body: { to: string; text: string; template: string; reference: string };
}

export interface SmsGateway {
  url: string;
  requests: GatewayRequest[];
  /** The status to answer the n-th request (0-based) for a reference; default 200. */
  answer: (reference: string, attemptIndex: number) => number;
  /** Milliseconds the gateway takes to answer, so concurrent relays really overlap. */
  latencyMs: number;
  deliveredReferences(): string[];
  close(): Promise<void>;
}

export async function startSmsGateway(): Promise<SmsGateway> {
  const requests: GatewayRequest[] = [];
  const statuses: number[] = [];
  const gateway: SmsGateway = {
    url: '',
    requests,
    answer: () => 200,
    latencyMs: 0,
    deliveredReferences: () => requests.filter((_r, i) => statuses[i] !== undefined && statuses[i] < 300).map((r) => r.body.reference),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createHttpServer((request, response) => {
    void readJson(request).then((body) => {
      const entry: GatewayRequest = {
        authorization: request.headers.authorization,
        contentType: request.headers['content-type'],
        body: body as GatewayRequest['body'],
      };
      const earlier = requests.filter((r) => r.body.reference === entry.body.reference).length;
      const status = gateway.answer(entry.body.reference, earlier);
      requests.push(entry);
      statuses.push(status);
      setTimeout(() => response.writeHead(status, { 'content-type': 'application/json' }).end('{"echo":"13800138000"}'), gateway.latencyMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gateway.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms/send`;
  return gateway;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

export interface SmtpEnvelope {
  from: string;
  to: string[];
  data: string;
}

export interface SmtpSink {
  url: string;
  messages: SmtpEnvelope[];
  close(): Promise<void>;
}

/** Just enough SMTP (RFC 5321) to accept mail: greeting, EHLO, MAIL, RCPT, DATA, QUIT. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SmtpEnvelope[] = [];
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffer = '';
    let inData = false;
    let current: SmtpEnvelope = { from: '', to: [], data: '' };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 sink.test ESMTP');
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            messages.push(current);
            current = { from: '', to: [], data: '' };
            reply('250 2.0.0 queued');
          } else {
            current.data += `${line.startsWith('..') ? line.slice(1) : line}\r\n`;
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') {
          socket.write('250-sink.test\r\n250 8BITMIME\r\n');
        } else if (verb === 'MAIL') {
          current.from = /<(.*)>/.exec(line)?.[1] ?? '';
          reply('250 2.1.0 ok');
        } else if (verb === 'RCPT') {
          current.to.push(/<(.*)>/.exec(line)?.[1] ?? '');
          reply('250 2.1.5 ok');
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 end with <CRLF>.<CRLF>');
        } else if (verb === 'QUIT') {
          reply('221 2.0.0 bye');
          socket.end();
        } else if (verb === 'RSET' || verb === 'NOOP') {
          reply('250 2.0.0 ok');
        } else {
          reply('502 5.5.1 not implemented');
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    messages,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Contact details by applicant id, as the app's NOTIFICATION_RECIPIENTS provider would return them. */
export class FakeRecipients implements NotificationRecipients {
  readonly contacts = new Map<string, NotificationContact>();
  lookups = 0;

  async contactOf(applicantId: string): Promise<NotificationContact | null> {
    this.lookups++;
    return this.contacts.get(applicantId) ?? null;
  }
}
