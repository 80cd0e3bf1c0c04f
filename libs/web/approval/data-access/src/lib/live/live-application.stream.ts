import { inject, Injectable, InjectionToken } from '@angular/core';
import type { ApplicationStatus } from '@zhengwu/approval/domain';
import { API_V1, AuthStore, DeploymentDirectory } from '@zhengwu/web/shared/auth';
import { UiLanguageService } from '@zhengwu/web/shared/i18n';
import { defer, filter, map, merge, Observable, retry, Subject, switchMap, take, throwError, timer } from 'rxjs';
import { SseMessage, SseParser } from './sse-parser';

/** `fetch`, replaceable in tests (jsdom has none). */
export const FETCH = new InjectionToken<typeof fetch>('FETCH', {
  factory: () => (input, init) => globalThis.fetch(input, init),
});

export interface LiveStreamOptions {
  /** First reconnect delay; doubled per failed attempt up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** 0 ≤ x < 1; spreads the reconnects of many browsers after a server restart. */
  random: () => number;
}

export const LIVE_STREAM_OPTIONS = new InjectionToken<LiveStreamOptions>('LIVE_STREAM_OPTIONS', {
  factory: () => ({ baseDelayMs: 1000, maxDelayMs: 30_000, random: Math.random }),
});

/** What the live endpoint says: `ready` once per connection, `changed` per committed transition. */
export type LiveApplicationEvent =
  | { type: 'ready'; id: string; version: number; status: ApplicationStatus }
  | { type: 'changed'; id: string; seq: string };

/** Connection state for the page to show; not from the server. */
export interface LiveReconnecting {
  type: 'reconnecting';
  attempt: number;
  delayMs: number;
}

export type LiveApplicationSignal = LiveApplicationEvent | LiveReconnecting;

/** The stream failed in a way a reconnect cannot fix (signed out, no such application, no access). */
export class LiveStreamError extends Error {
  constructor(
    readonly status: number,
    readonly fatal: boolean,
  ) {
    super(`Live updates failed (HTTP ${status})`);
  }
}

/** 1 s, 2 s, 4 s … up to the cap, each scaled into [50 %, 100 %] by the jitter. */
export function reconnectDelay(attempt: number, options: LiveStreamOptions): number {
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.5 + options.random() / 2));
}

const FATAL_STATUSES = new Set([400, 401, 403, 404]);

/**
 * Live progress of one application (`GET …/applications/:id/live`, server-sent events). The
 * endpoint needs the bearer token, which `EventSource` cannot send, so the stream is read with
 * `fetch` and a ReadableStream reader. A dropped or ended connection is reopened with exponential
 * backoff (the attempt count resets once a connection delivers an event); unsubscribing aborts the
 * request. Events may have been missed while reconnecting: every `ready` carries the current
 * version, so the page reloads when it differs from what it shows. The stream is opened at the
 * deployment hosting the centre (the directory says which), as the HTTP interceptor does for requests.
 */
@Injectable({ providedIn: 'root' })
export class LiveApplicationStream {
  private readonly store = inject(AuthStore);
  private readonly language = inject(UiLanguageService);
  private readonly fetchFn = inject(FETCH);
  private readonly options = inject(LIVE_STREAM_OPTIONS);
  private readonly directory = inject(DeploymentDirectory);

  watch(centreCode: string, applicationId: string): Observable<LiveApplicationSignal> {
    const path = `${API_V1}/centres/${encodeURIComponent(centreCode)}/applications/${encodeURIComponent(applicationId)}/live`;
    return this.directory.load().pipe(
      take(1),
      switchMap((directory) => this.live(`${directory.baseFor(centreCode)}${path}`)),
    );
  }

  private live(url: string): Observable<LiveApplicationSignal> {
    return defer(() => {
      const reconnects = new Subject<LiveReconnecting>();
      const events = this.connection(url).pipe(
        map(toLiveEvent),
        filter((event): event is LiveApplicationEvent => event !== null),
        retry({
          resetOnSuccess: true,
          delay: (error: unknown, attempt) => {
            if (error instanceof LiveStreamError && error.fatal) return throwError(() => error);
            const delayMs = reconnectDelay(attempt, this.options);
            reconnects.next({ type: 'reconnecting', attempt, delayMs });
            return timer(delayMs);
          },
        }),
      );
      return merge(reconnects, events);
    });
  }

  /** One request: its events, then an error (a live stream that ends is a dropped connection too). */
  private connection(url: string): Observable<SseMessage> {
    return new Observable<SseMessage>((subscriber) => {
      const abort = new AbortController();
      const token = this.store.validToken();
      if (!token) {
        subscriber.error(new LiveStreamError(401, true));
        return undefined;
      }
      const read = async () => {
        const response = await this.fetchFn(url, {
          headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream', 'Accept-Language': this.language.current() },
          cache: 'no-store',
          signal: abort.signal,
        });
        if (!response.ok || !response.body) {
          // The server no longer accepts this token: end the session as the HTTP interceptor does.
          if (response.status === 401 && this.store.token() === token) this.store.expire();
          throw new LiveStreamError(response.status, FATAL_STATUSES.has(response.status));
        }
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        const parser = new SseParser();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          for (const message of parser.push(decoder.decode(value, { stream: true }))) subscriber.next(message);
        }
        for (const message of parser.push(decoder.decode())) subscriber.next(message);
        for (const message of parser.end()) subscriber.next(message);
        throw new LiveStreamError(0, false);
      };
      read().catch((error: unknown) => {
        if (!abort.signal.aborted) subscriber.error(error);
      });
      return () => abort.abort();
    });
  }
}

function toLiveEvent(message: SseMessage): LiveApplicationEvent | null {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(message.data) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (data === null || typeof data !== 'object' || typeof data['id'] !== 'string') return null;
  if (message.event === 'ready' && typeof data['version'] === 'number' && typeof data['status'] === 'number') {
    return { type: 'ready', id: data['id'], version: data['version'], status: data['status'] as ApplicationStatus };
  }
  if (message.event === 'changed') return { type: 'changed', id: data['id'], seq: String(data['seq']) };
  return null;
}
