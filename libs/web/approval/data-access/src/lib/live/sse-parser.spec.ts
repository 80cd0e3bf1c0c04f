import { SseParser } from './sse-parser';

describe('SseParser', () => {
  it('reads the live endpoint’s events: ready, a keep-alive comment, changed', () => {
    const parser = new SseParser();
    const messages = parser.push(
      'event: ready\ndata: {"id":"a1","version":3,"status":12}\n\n: keep-alive\n\nevent: changed\ndata: {"id":"a1","seq":"7"}\n\n',
    );
    expect(messages).toEqual([
      { event: 'ready', data: '{"id":"a1","version":3,"status":12}', lastEventId: '' },
      { event: 'changed', data: '{"id":"a1","seq":"7"}', lastEventId: '' },
    ]);
  });

  it('completes events split anywhere across chunks, including between CR and LF', () => {
    const parser = new SseParser();
    const text = 'event: changed\r\ndata: one\r\n\r\nevent: changed\r\ndata: two\r\n\r\n';
    const seen: string[] = [];
    for (const char of text) seen.push(...parser.push(char).map((m) => m.data));
    expect(seen).toEqual(['one', 'two']);
  });

  it('accepts CR-only line endings', () => {
    const parser = new SseParser();
    expect(parser.push('data: x\r\r').map((m) => m.data)).toEqual([]); // the last CR may be half a CRLF
    expect(parser.push('data: y\r\r').map((m) => m.data)).toEqual(['x']);
    expect(parser.end().map((m) => m.data)).toEqual(['y']);
  });

  it('joins data lines, defaults the event type and strips one leading space only', () => {
    const parser = new SseParser();
    expect(parser.push('data:first\ndata:  second\n\n')).toEqual([{ event: 'message', data: 'first\n second', lastEventId: '' }]);
  });

  it('ignores unknown fields, events without data and a leading byte order mark', () => {
    const parser = new SseParser();
    expect(parser.push('\uFEFFevent: ready\nfoo: bar\n\nevent: x\ndata\n\n')).toEqual([{ event: 'x', data: '', lastEventId: '' }]);
  });

  it('keeps the last event id across events and reads retry', () => {
    const parser = new SseParser();
    expect(parser.push('id: 41\nretry: 5000\ndata: a\n\ndata: b\n\nretry: soon\ndata: c\n\n')).toEqual([
      { event: 'message', data: 'a', lastEventId: '41', retry: 5000 },
      { event: 'message', data: 'b', lastEventId: '41' },
      { event: 'message', data: 'c', lastEventId: '41' },
    ]);
  });

  it('drops an event the stream cut off before its blank line', () => {
    const parser = new SseParser();
    expect(parser.push('event: changed\ndata: {"seq":"8"}\n')).toEqual([]);
    expect(parser.end()).toEqual([]);
  });
});
