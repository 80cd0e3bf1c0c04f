/** One dispatched server-sent event. */
export interface SseMessage {
  /** `message` when the server named none. */
  event: string;
  /** The `data:` lines joined with `\n`. */
  data: string;
  /** The last event id seen on the stream so far (the spec's "last event ID buffer"). */
  lastEventId: string;
  /** A `retry:` the server sent with this event, in milliseconds. */
  retry?: number;
}

/**
 * The text/event-stream format (WHATWG HTML §9.2.6) as an incremental parser: feed it decoded text
 * in whatever pieces the network delivers and it returns the events completed by each piece. Lines
 * end with CRLF, LF or CR; a CR at the very end of a piece may be the first half of a CRLF, so it
 * is held back until the next piece (or `end()`) shows what follows it.
 */
export class SseParser {
  private pending = '';
  private dataLines: string[] = [];
  private eventType = '';
  private lastEventId = '';
  private retry: number | undefined;
  private firstChunk = true;

  push(text: string): SseMessage[] {
    let input = text;
    if (this.firstChunk && input.length > 0) {
      this.firstChunk = false;
      // A leading byte order mark is not part of the first field name.
      if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
    }
    this.pending += input;
    return this.drain(false);
  }

  /** The stream ended: a final line without terminator still counts, an unfinished event does not. */
  end(): SseMessage[] {
    const messages = this.drain(true);
    if (this.pending !== '') {
      this.processLine(this.pending, messages);
      this.pending = '';
    }
    // Per the spec an event is dispatched only on a blank line; whatever is buffered is dropped.
    this.dataLines = [];
    this.eventType = '';
    this.retry = undefined;
    return messages;
  }

  private drain(final: boolean): SseMessage[] {
    const messages: SseMessage[] = [];
    let start = 0;
    for (let index = 0; index < this.pending.length; index++) {
      const char = this.pending[index];
      if (char !== '\n' && char !== '\r') continue;
      if (char === '\r' && index === this.pending.length - 1 && !final) break;
      this.processLine(this.pending.slice(start, index), messages);
      if (char === '\r' && this.pending[index + 1] === '\n') index++;
      start = index + 1;
    }
    this.pending = this.pending.slice(start);
    return messages;
  }

  private processLine(line: string, messages: SseMessage[]): void {
    if (line === '') {
      this.dispatch(messages);
      return;
    }
    if (line.startsWith(':')) return; // a comment (the server's keep-alive)
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.eventType = value;
        break;
      case 'data':
        this.dataLines.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      default:
        break; // unknown fields are ignored
    }
  }

  private dispatch(messages: SseMessage[]): void {
    if (this.dataLines.length > 0) {
      messages.push({
        event: this.eventType || 'message',
        data: this.dataLines.join('\n'),
        lastEventId: this.lastEventId,
        ...(this.retry !== undefined ? { retry: this.retry } : {}),
      });
    }
    this.dataLines = [];
    this.eventType = '';
    this.retry = undefined;
  }
}
