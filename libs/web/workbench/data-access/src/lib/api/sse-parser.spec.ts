import { TextDecoder as TextDecoderOfNode } from 'node:util';
import { firstValueFrom, toArray } from 'rxjs';
import { LiveStreamError, serverSentEvents } from './live-application.service';
import { SseParser } from './sse-parser';

describe('SseParser', () => {
  it('parses named events, joins data lines and ignores comments', () => {
    const parser = new SseParser();
    expect(parser.feed('event: ready\ndata: {"id":"a","version":3}\n\n: keep-alive\n\ndata: one\ndata: two\n\n')).toEqual([
      { event: 'ready', data: '{"id":"a","version":3}', id: null },
      { event: 'message', data: 'one\ntwo', id: null },
    ]);
  });

  it('completes events cut anywhere across chunks, CRLF split between chunks included', () => {
    const parser = new SseParser();
    const text = 'event: changed\r\ndata: {"seq":"7"}\r\n\r\nevent: changed\rdata: {"seq":"8"}\r\r';
    const events = [];
    // Feed one character at a time: the worst case for every boundary.
    for (const char of text) events.push(...parser.feed(char));
    expect(events).toEqual([
      { event: 'changed', data: '{"seq":"7"}', id: null },
      { event: 'changed', data: '{"seq":"8"}', id: null },
    ]);
  });

  it('keeps the last event id, drops events without data and a single leading space only', () => {
    const parser = new SseParser();
    expect(parser.feed('id: 42\nevent: x\n\ndata:  spaced\n\n')).toEqual([{ event: 'message', data: ' spaced', id: '42' }]);
  });
});

// jsdom has neither TextDecoder nor ReadableStream; Node's behave like the browser's.
Object.assign(globalThis, { TextDecoder: globalThis.TextDecoder ?? TextDecoderOfNode });

/** A response body read in the given chunks (a multi-byte character split across two of them). */
function streamOf(chunks: string[]): { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }> } } {
  const bytes = Buffer.from(chunks.join(''), 'utf8');
  const cuts = chunks.reduce<number[]>((acc, chunk) => [...acc, (acc.at(-1) ?? 0) + Buffer.byteLength(chunk) - (acc.length === 0 ? 1 : 0)], []);
  const parts = cuts.map((end, index) => new Uint8Array(bytes.subarray(index === 0 ? 0 : cuts[index - 1], index === cuts.length - 1 ? bytes.length : end)));
  return {
    getReader() {
      let next = 0;
      return { read: async () => (next < parts.length ? { done: false, value: parts[next++] } : { done: true }) };
    },
  };
}

describe('serverSentEvents', () => {
  it('sends the headers, emits each event as it is read and completes at the end of the stream', async () => {
    const fetchFn = jest.fn(async () => ({ ok: true, status: 200, body: streamOf(['event: ready\ndata: {"状态":"受', '理"}\n\nevent: changed\ndata: {"seq":"2"}\n\n']) }) as unknown as Response);
    const events = await firstValueFrom(serverSentEvents('/api/v1/x/live', () => ({ Authorization: 'Bearer t' }), fetchFn).pipe(toArray()));
    expect(events.map((e) => [e.event, e.data])).toEqual([
      ['ready', '{"状态":"受理"}'],
      ['changed', '{"seq":"2"}'],
    ]);
    expect(fetchFn).toHaveBeenCalledWith('/api/v1/x/live', expect.objectContaining({ headers: { Accept: 'text/event-stream', Authorization: 'Bearer t' } }));
  });

  it('fails with the status of a refused stream', async () => {
    const fetchFn = jest.fn(async () => ({ ok: false, status: 403, body: null }) as unknown as Response);
    await expect(firstValueFrom(serverSentEvents('/live', () => ({}), fetchFn))).rejects.toEqual(new LiveStreamError(403));
  });

  it('aborts the request when unsubscribed', () => {
    let signal: AbortSignal | undefined;
    const fetchFn = jest.fn((_url: string, init?: RequestInit) => {
      signal = init?.signal ?? undefined;
      return new Promise<Response>(() => undefined);
    });
    const subscription = serverSentEvents('/live', () => ({}), fetchFn as unknown as typeof fetch).subscribe();
    subscription.unsubscribe();
    expect(signal?.aborted).toBe(true);
  });
});
