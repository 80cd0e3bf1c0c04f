import { provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { HallDisplaySnapshot } from '@zhengwu/shared/contracts';
import { UiLanguageService } from '@zhengwu/web/shared/i18n';
import { Subscription } from 'rxjs';
import { DisplayFeedEvent, displayUrl, HallDisplayApi, reconnectDelay } from './hall-display.api';
import { tokenFromFragment } from './hall-display.page';

const TOKEN = 'A'.repeat(43);

const snapshot = (receivedToday: number): HallDisplaySnapshot => ({
  centreCode: '510900',
  centreName: '遂宁市政务服务中心',
  date: '2026-11-27',
  generatedAt: '2026-11-27T02:00:00.000Z',
  counts: { receivedToday, acceptedToday: 0, completedToday: 0, inProgress: 0, overdue: 0 },
  calls: [],
});

/** A fetch answer streaming the given text and then ending, or refused with a status. */
function answer(status: number, text = ''): Response {
  const bytes = new TextEncoder().encode(text);
  let sent = false;
  return {
    ok: status >= 200 && status < 300,
    status,
    body: {
      getReader: () => ({
        read: async () => {
          if (sent) return { done: true, value: undefined };
          sent = true;
          return { done: false, value: bytes };
        },
      }),
    },
  } as unknown as Response;
}

describe('hall display feed', () => {
  let api: HallDisplayApi;
  let subscription: Subscription | undefined;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), { provide: UiLanguageService, useValue: { current: () => 'zh-CN' } }],
    });
    api = TestBed.inject(HallDisplayApi);
  });
  afterEach(() => {
    subscription?.unsubscribe();
    jest.useRealTimers();
  });

  it('backs off 1 s, 2 s, 4 s … up to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 10].map(reconnectDelay)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('announces reconnecting after a drop, resumes with the next snapshot, and stops for good on a 401', async () => {
    jest.useFakeTimers();
    const answers = [
      () => Promise.resolve(answer(200, `event: snapshot\ndata: ${JSON.stringify(snapshot(1))}\n\n`)),
      () => Promise.reject(new TypeError('network down')),
      () => Promise.resolve(answer(200, `event: snapshot\ndata: ${JSON.stringify(snapshot(2))}\n\n`)),
      () => Promise.resolve(answer(401)),
    ];
    const requests: Array<Record<string, string>> = [];
    const fetchFn = ((_url: string, init: RequestInit) => {
      requests.push(init.headers as Record<string, string>);
      const next = answers.shift();
      return next ? next() : new Promise<Response>(() => undefined);
    }) as unknown as typeof fetch;
    const events: DisplayFeedEvent[] = [];
    let completed = false;
    subscription = api.feed('510900', TOKEN, fetchFn).subscribe({ next: (e) => events.push(e), complete: () => (completed = true) });

    const settle = async (ms: number) => {
      await jest.advanceTimersByTimeAsync(ms);
    };
    await settle(0);
    expect(events.map((e) => e.kind)).toEqual(['snapshot', 'reconnecting']);
    await settle(1000);
    expect(events.map((e) => e.kind)).toEqual(['snapshot', 'reconnecting', 'reconnecting']);
    expect(events[2]).toEqual({ kind: 'reconnecting', attempt: 2, delayMs: 2000 });
    await settle(2000);
    expect(events.map((e) => e.kind)).toEqual(['snapshot', 'reconnecting', 'reconnecting', 'snapshot', 'reconnecting']);
    expect((events[3] as { snapshot: HallDisplaySnapshot }).snapshot.counts.receivedToday).toBe(2);
    // A good connection starts the backoff again at 1 s.
    expect(events[4]).toEqual({ kind: 'reconnecting', attempt: 1, delayMs: 1000 });
    await settle(1000);
    expect(events[events.length - 1]).toEqual({ kind: 'refused' });
    expect(completed).toBe(true);
    expect(requests.every((headers) => headers['Authorization'] === `Display ${TOKEN}`)).toBe(true);
    expect(requests).toHaveLength(4);
  });

  it('reads the token from the fragment only, and builds the link with it there', () => {
    expect(tokenFromFragment(`#token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromFragment('#token=bad token')).toBeNull();
    expect(tokenFromFragment('')).toBeNull();
    expect(displayUrl('https://zw.example.cn', '/workbench/', '510900', TOKEN)).toBe(`https://zw.example.cn/workbench/display/510900#token=${TOKEN}`);
  });
});
