/** One server-sent event: its `event` name (`message` when unnamed), `data` lines joined, `id`. */
export interface ServerSentEvent {
  event: string;
  data: string;
  id: string | null;
}

/**
 * An incremental parser of the `text/event-stream` format (WHATWG HTML §9.2.6): feed it text as it
 * arrives, in chunks cut anywhere (even between `\r` and `\n`), and it returns the events completed
 * so far. Comment lines (`: keep-alive`) and events without data are dropped, as browsers do.
 */
export class SseParser {
  private buffer = '';
  private pendingCr = false;
  private eventName = '';
  private dataLines: string[] = [];
  private lastId: string | null = null;

  feed(chunk: string): ServerSentEvent[] {
    let text = chunk;
    // A `\r\n` split across two chunks: the `\r` already ended the line, so skip the `\n`.
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = false;
    this.buffer += text;
    const events: ServerSentEvent[] = [];
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const char = this.buffer[i];
      if (char !== '\n' && char !== '\r') continue;
      const line = this.buffer.slice(start, i);
      if (char === '\r') {
        if (i + 1 < this.buffer.length) {
          if (this.buffer[i + 1] === '\n') i++;
        } else {
          this.pendingCr = true;
        }
      }
      start = i + 1;
      const event = this.line(line);
      if (event) events.push(event);
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  private line(line: string): ServerSentEvent | null {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.eventName = value;
    else if (field === 'data') this.dataLines.push(value);
    else if (field === 'id' && !value.includes('\u0000')) this.lastId = value;
    return null;
  }

  private dispatch(): ServerSentEvent | null {
    const name = this.eventName || 'message';
    const lines = this.dataLines;
    this.eventName = '';
    this.dataLines = [];
    if (lines.length === 0) return null;
    return { event: name, data: lines.join('\n'), id: this.lastId };
  }
}
