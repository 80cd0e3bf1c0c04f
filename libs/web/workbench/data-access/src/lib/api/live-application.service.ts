import { inject, Injectable, NgZone } from '@angular/core';
import { AuthStore } from '@zhengwu/web/shared/auth';
import { UiLanguageService } from '@zhengwu/web/shared/i18n';
import { Observable, retry, repeat, timer } from 'rxjs';
import { ServerSentEvent, SseParser } from './sse-parser';
import { StaffApplicationsApi } from './staff-applications.api';

/** Why the live stream stopped: the server refused it (`status`) or the network failed. */
export class LiveStreamError extends Error {
  constructor(readonly status: number | null) {
    super(status === null ? 'The live stream was interrupted' : `The live stream was refused with HTTP ${status}`);
    this.name = 'LiveStreamError';
  }
}

/** Waits before reconnecting a dropped stream; long enough not to hammer a restarting server. */
export const LIVE_RECONNECT_MS = 3000;

/**
 * Reads a `text/event-stream` response with `fetch` (EventSource cannot send the Authorization
 * header) and emits each event. Completes when the server ends the stream; errors on a refused
 * response or a network failure; unsubscribing aborts the request.
 */
export function serverSentEvents(url: string, headers: () => Record<string, string>, fetchFn: typeof fetch = fetch): Observable<ServerSentEvent> {
  return new Observable<ServerSentEvent>((subscriber) => {
    const abort = new AbortController();
    const parser = new SseParser();
    const decoder = new TextDecoder();
    (async () => {
      const response = await fetchFn(url, { headers: { Accept: 'text/event-stream', ...headers() }, signal: abort.signal, cache: 'no-store' });
      if (!response.ok || !response.body) throw new LiveStreamError(response.status);
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        for (const event of parser.feed(decoder.decode(value, { stream: true }))) subscriber.next(event);
      }
      for (const event of parser.feed(decoder.decode() + '\n\n')) subscriber.next(event);
      subscriber.complete();
    })().catch((error: unknown) => {
      if (abort.signal.aborted) return;
      subscriber.error(error instanceof LiveStreamError ? error : new LiveStreamError(null));
    });
    return () => abort.abort();
  });
}

/**
 * Keeps a live stream open: resubscribes `reconnectMs` after the server ends it or the network
 * drops it; a 4xx refusal (no access, session over) is final and reaches the subscriber.
 */
export function reconnecting<T>(stream: Observable<T>, reconnectMs: number): Observable<T> {
  return stream.pipe(
    repeat({ delay: () => timer(reconnectMs) }),
    retry({
      delay: (error: unknown) => {
        const status = error instanceof LiveStreamError ? error.status : null;
        if (status !== null && status >= 400 && status < 500) throw error;
        return timer(reconnectMs);
      },
    }),
  );
}

/**
 * Live changes of one application (`ready` once per connection, then `changed` on each committed
 * transition). Reconnects after a drop or the server closing the stream; a 4xx answer (no access,
 * session over) is final and reaches the subscriber as an error.
 */
@Injectable({ providedIn: 'root' })
export class LiveApplicationService {
  private readonly api = inject(StaffApplicationsApi);
  private readonly auth = inject(AuthStore);
  private readonly language = inject(UiLanguageService);
  private readonly zone = inject(NgZone);

  changes(centreCode: string, id: string, reconnectMs = LIVE_RECONNECT_MS): Observable<ServerSentEvent> {
    const url = this.api.livePath(centreCode, id);
    const headers = (): Record<string, string> => {
      const token = this.auth.validToken();
      if (!token) throw new LiveStreamError(401);
      return { Authorization: `Bearer ${token}`, 'Accept-Language': this.language.current() };
    };
    // Outside Angular: the open request must not keep the app "unstable" (tests, hydration).
    const stream = new Observable<ServerSentEvent>((subscriber) =>
      this.zone.runOutsideAngular(() => serverSentEvents(url, headers).subscribe(subscriber)),
    );
    return reconnecting(stream, reconnectMs);
  }
}
