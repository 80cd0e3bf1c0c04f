import { defer, firstValueFrom, Observable, take, throwError, toArray } from 'rxjs';
import { LiveStreamError, reconnecting } from './live-application.service';

/** A stream whose each subscription plays the next scripted connection. */
function scripted(connections: Array<(subscriber: { next: (v: string) => void; complete: () => void; error: (e: unknown) => void }) => void>) {
  let attempt = 0;
  const attempts: number[] = [];
  const stream = new Observable<string>((subscriber) => {
    attempts.push(attempt);
    const play = connections[Math.min(attempt++, connections.length - 1)];
    play(subscriber);
  });
  return { stream, attempts };
}

describe('reconnecting live stream', () => {
  it('reconnects after the server closes the stream and after a network drop, keeping every event', async () => {
    const { stream, attempts } = scripted([
      (s) => {
        s.next('ready-1');
        s.complete();
      },
      (s) => {
        s.next('changed-1');
        s.error(new LiveStreamError(null));
      },
      (s) => s.next('ready-3'),
    ]);
    const events = await firstValueFrom(reconnecting(stream, 1).pipe(take(3), toArray()));
    expect(events).toEqual(['ready-1', 'changed-1', 'ready-3']);
    expect(attempts).toEqual([0, 1, 2]);
  });

  it('reconnects after a 5xx answer', async () => {
    const { stream, attempts } = scripted([(s) => s.error(new LiveStreamError(503)), (s) => s.next('ready')]);
    expect(await firstValueFrom(reconnecting(stream, 1))).toBe('ready');
    expect(attempts).toHaveLength(2);
  });

  it('stops for good on a 4xx refusal (no access, session over)', async () => {
    let subscriptions = 0;
    const refused = defer(() => {
      subscriptions += 1;
      return throwError(() => new LiveStreamError(403));
    });
    await expect(firstValueFrom(reconnecting(refused, 1))).rejects.toEqual(new LiveStreamError(403));
    expect(subscriptions).toBe(1);
  });

  it('waits before reconnecting, and unsubscribing stops the waiting', () => {
    jest.useFakeTimers();
    try {
      const { stream, attempts } = scripted([(s) => s.complete()]);
      const subscription = reconnecting(stream, 3000).subscribe();
      expect(attempts).toHaveLength(1);
      jest.advanceTimersByTime(2999);
      expect(attempts).toHaveLength(1);
      jest.advanceTimersByTime(1);
      expect(attempts).toHaveLength(2);
      subscription.unsubscribe();
      jest.advanceTimersByTime(10_000);
      expect(attempts).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });
});
