import { HttpClient } from '@angular/common/http';
import { inject, Injectable, NgZone } from '@angular/core';
import {
  CreatedHallDisplayView,
  CreateHallDisplayRequest,
  HALL_DISPLAY_AUTH_SCHEME,
  HallDisplaySnapshot,
  HallDisplayView,
} from '@zhengwu/shared/contracts';
import { UiLanguageService } from '@zhengwu/web/shared/i18n';
import { centrePath, LiveStreamError, serverSentEvents } from '@zhengwu/web/workbench/data-access';
import { defer, map, Observable, retry, repeat, throwError, timeout, timer } from 'rxjs';

/** A screen that hears nothing for this long (the server sends a snapshot at least every 5 min) reconnects. */
export const DISPLAY_SILENCE_MS = 6 * 60_000;

/** Reconnect delays: 1 s, 2 s, 4 s … up to 30 s, starting again after a good connection. */
export function reconnectDelay(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
}

/** What the screen hears: a snapshot, a (re)connection attempt, or the end (token refused or revoked). */
export type DisplayFeedEvent =
  | { kind: 'snapshot'; snapshot: HallDisplaySnapshot }
  | { kind: 'reconnecting'; attempt: number; delayMs: number }
  | { kind: 'refused' };

/** Where the admin's display link points (the token rides in the fragment, never sent to a server). */
export function displayUrl(origin: string, baseHref: string, centreCode: string, token: string): string {
  const base = baseHref.endsWith('/') ? baseHref : `${baseHref}/`;
  return `${origin}${base}display/${encodeURIComponent(centreCode)}#token=${encodeURIComponent(token)}`;
}

@Injectable({ providedIn: 'root' })
export class HallDisplayApi {
  private readonly http = inject(HttpClient);
  private readonly zone = inject(NgZone);
  private readonly language = inject(UiLanguageService);

  list(centreCode: string): Observable<HallDisplayView[]> {
    return this.http.get<HallDisplayView[]>(`${centrePath(centreCode)}/hall-displays`);
  }

  create(centreCode: string, request: CreateHallDisplayRequest): Observable<CreatedHallDisplayView> {
    return this.http.post<CreatedHallDisplayView>(`${centrePath(centreCode)}/hall-displays`, request);
  }

  revoke(centreCode: string, id: string): Observable<HallDisplayView> {
    return this.http.delete<HallDisplayView>(`${centrePath(centreCode)}/hall-displays/${encodeURIComponent(id)}`);
  }

  /**
   * The centre's feed for a screen, kept open for days: reconnects with backoff after a drop, the
   * server ending the stream or a long silence (announcing each attempt); a 401 or a `revoked`
   * event is final. Runs outside Angular so the open request never keeps the app unstable.
   */
  feed(centreCode: string, token: string, fetchFn: typeof fetch = (input, init) => fetch(input, init)): Observable<DisplayFeedEvent> {
    const url = `${centrePath(centreCode)}/hall-display/feed`;
    const headers = () => ({ Authorization: `${HALL_DISPLAY_AUTH_SCHEME} ${token}`, 'Accept-Language': this.language.current() });
    let attempt = 0;
    const once = defer(
      () =>
        new Observable<DisplayFeedEvent>((subscriber) =>
          this.zone.runOutsideAngular(() =>
            serverSentEvents(url, headers, fetchFn)
              .pipe(
                timeout({ each: DISPLAY_SILENCE_MS, with: () => throwError(() => new LiveStreamError(null)) }),
                map((event): DisplayFeedEvent => {
                  if (event.event === 'revoked') return { kind: 'refused' };
                  attempt = 0;
                  return { kind: 'snapshot', snapshot: JSON.parse(event.data) as HallDisplaySnapshot };
                }),
              )
              .subscribe(subscriber),
          ),
        ),
    );
    return new Observable<DisplayFeedEvent>((subscriber) => {
      const announce = () => {
        attempt += 1;
        const delayMs = reconnectDelay(attempt);
        subscriber.next({ kind: 'reconnecting', attempt, delayMs });
        return timer(delayMs);
      };
      let ended = false;
      const subscription = once
        .pipe(
          repeat({ delay: () => (ended ? throwError(() => new LiveStreamError(401)) : announce()) }),
          retry({
            delay: (error: unknown) => {
              const status = error instanceof LiveStreamError ? error.status : null;
              if (status !== null && status >= 400 && status < 500) throw error;
              return announce();
            },
          }),
        )
        .subscribe({
          next: (event) => {
            if (event.kind === 'refused') ended = true;
            subscriber.next(event);
          },
          error: () => {
            subscriber.next({ kind: 'refused' });
            subscriber.complete();
          },
        });
      return () => subscription.unsubscribe();
    });
  }
}
