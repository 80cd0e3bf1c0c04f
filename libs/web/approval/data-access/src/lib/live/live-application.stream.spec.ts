import { TestBed } from '@angular/core/testing';
import { applicantTokenResponse, AUTH_CONFIG, AuthStore, DeploymentDirectory, type DeploymentDirectoryView } from '@zhengwu/web/shared/auth';
import { provideI18nTesting } from '@zhengwu/web/shared/i18n';
import { of, Subscription } from 'rxjs';
import { FETCH, LIVE_STREAM_OPTIONS, LiveApplicationSignal, LiveApplicationStream, LiveStreamError, reconnectDelay } from './live-application.stream';

/** A response whose body the test writes to, chunk by chunk. */
class FakeStream {
  private readonly encoder = new TextEncoder();
  private readonly queue: Array<IteratorResult<Uint8Array>> = [];
  private waiting: ((result: IteratorResult<Uint8Array>) => void) | null = null;
  private failure: ((error: Error) => void) | null = null;
  aborted = false;

  constructor(readonly status = 200) {}

  response(signal: AbortSignal): Response {
    signal.addEventListener('abort', () => {
      this.aborted = true;
      this.failure?.(new DOMException('aborted', 'AbortError'));
    });
    const reader = {
      read: () =>
        new Promise<IteratorResult<Uint8Array>>((resolve, reject) => {
          const next = this.queue.shift();
          if (next) resolve(next);
          else {
            this.waiting = resolve;
            this.failure = reject;
          }
        }),
    };
    return { ok: this.status < 300, status: this.status, body: { getReader: () => reader } } as unknown as Response;
  }

  write(text: string | Uint8Array): void {
    this.deliver({ done: false, value: typeof text === 'string' ? this.encoder.encode(text) : text });
  }

  end(): void {
    this.deliver({ done: true, value: undefined });
  }

  private deliver(result: IteratorResult<Uint8Array>): void {
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve(result);
    } else {
      this.queue.push(result);
    }
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 2));
  expect(condition()).toBe(true);
};

const sameDeployment: DeploymentDirectoryView = { baseFor: () => '', bases: () => [''], identityIssuerBase: '' };

describe('LiveApplicationStream', () => {
  let streams: FakeStream[];
  let requests: Array<{ url: string; init: RequestInit }>;
  let nextStatus: number[];
  let subscription: Subscription | undefined;

  beforeEach(() => {
    sessionStorage.clear();
    streams = [];
    requests = [];
    nextStatus = [];
    TestBed.configureTestingModule({
      providers: [
        provideI18nTesting(),
        // Everything on this deployment unless a test says otherwise (no directory request from jsdom).
        { provide: DeploymentDirectory, useValue: { load: () => of(sameDeployment) } },
        { provide: AUTH_CONFIG, useValue: { kind: 'applicant', loginPath: '/login', homePath: '/me' } },
        { provide: LIVE_STREAM_OPTIONS, useValue: { baseDelayMs: 4, maxDelayMs: 16, random: () => 0.999 } },
        {
          provide: FETCH,
          useValue: (url: string, init: RequestInit) => {
            requests.push({ url, init });
            const stream = new FakeStream(nextStatus.shift() ?? 200);
            streams.push(stream);
            return Promise.resolve(stream.response(init.signal as AbortSignal));
          },
        },
      ],
    });
    TestBed.inject(AuthStore).startApplicantSession(applicantTokenResponse());
  });

  afterEach(() => subscription?.unsubscribe());

  function watch() {
    const signals: LiveApplicationSignal[] = [];
    let error: unknown;
    subscription = TestBed.inject(LiveApplicationStream)
      .watch('510900', 'app-1')
      .subscribe({ next: (signal) => signals.push(signal), error: (e: unknown) => (error = e) });
    return { signals, error: () => error };
  }

  it('sends the bearer token and the UI language, and decodes ready and changed', async () => {
    const live = watch();
    await until(() => streams.length === 1);
    expect(requests[0].url).toBe('/api/v1/centres/510900/applications/app-1/live');
    expect(requests[0].init.headers).toEqual({ Authorization: 'Bearer applicant-token', Accept: 'text/event-stream', 'Accept-Language': 'zh-CN' });

    const bytes = new TextEncoder().encode('event: ready\ndata: {"id":"app-1","version":2,"status":12,"note":"审"}\n\n');
    // A multi-byte character split between two network chunks still decodes.
    streams[0].write(bytes.slice(0, bytes.length - 6));
    streams[0].write(bytes.slice(bytes.length - 6));
    streams[0].write(': keep-alive\n\nevent: changed\ndata: {"id":"app-1","seq":"9"}\n\n');
    await until(() => live.signals.length === 2);
    expect(live.signals).toEqual([
      { type: 'ready', id: 'app-1', version: 2, status: 12 },
      { type: 'changed', id: 'app-1', seq: '9' },
    ]);
  });

  it('opens the stream at the deployment hosting the centre', async () => {
    const view: DeploymentDirectoryView = {
      baseFor: (code) => (code === '510900' ? 'http://city.test' : ''),
      bases: () => ['', 'http://city.test'],
      identityIssuerBase: '',
    };
    jest.spyOn(TestBed.inject(DeploymentDirectory), 'load').mockReturnValue(of(view));
    watch();
    await until(() => streams.length === 1);
    expect(requests[0].url).toBe('http://city.test/api/v1/centres/510900/applications/app-1/live');
    expect(requests[0].init.headers).toMatchObject({ Authorization: 'Bearer applicant-token' });
  });

  it('reconnects with growing delays after drops, and resets them once a connection works', async () => {
    const live = watch();
    await until(() => streams.length === 1);
    streams[0].end(); // the server restarted
    await until(() => streams.length === 2);
    nextStatus.push(502);
    streams[1].end();
    await until(() => streams.length === 4); // the 502 counted as another failure
    expect(live.signals.filter((s) => s.type === 'reconnecting').map((s) => (s as { attempt: number }).attempt)).toEqual([1, 2, 3]);
    expect(live.signals.filter((s) => s.type === 'reconnecting').map((s) => (s as { delayMs: number }).delayMs)).toEqual([4, 8, 16]);

    streams[3].write('event: ready\ndata: {"id":"app-1","version":5,"status":30}\n\n');
    await until(() => live.signals.some((s) => s.type === 'ready'));
    streams[3].end();
    await until(() => streams.length === 5);
    expect(live.signals.at(-1)).toEqual({ type: 'reconnecting', attempt: 1, delayMs: 4 });
  });

  it('stops on a refusal a reconnect cannot fix', async () => {
    nextStatus.push(404);
    const live = watch();
    await until(() => live.error() !== undefined);
    expect(live.error()).toEqual(expect.any(LiveStreamError));
    expect((live.error() as LiveStreamError).status).toBe(404);
    await flush();
    expect(streams).toHaveLength(1);
  });

  it('ends the session when the server refuses the token', async () => {
    nextStatus.push(401);
    const live = watch();
    await until(() => live.error() !== undefined);
    expect(TestBed.inject(AuthStore).isLoggedIn()).toBe(false);
  });

  it('aborts the request when the page unsubscribes, and does not reconnect', async () => {
    watch();
    await until(() => streams.length === 1);
    subscription?.unsubscribe();
    expect(streams[0].aborted).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(streams).toHaveLength(1);
  });

  it('errors at once without a session', async () => {
    TestBed.inject(AuthStore).logout();
    const live = watch();
    await flush();
    expect((live.error() as LiveStreamError).status).toBe(401);
    expect(requests).toHaveLength(0);
  });
});

describe('reconnectDelay', () => {
  it('doubles up to the cap, scaled by jitter into [50 %, 100 %]', () => {
    const options = { baseDelayMs: 1000, maxDelayMs: 30_000, random: () => 0 };
    expect([1, 2, 3, 4, 5, 6, 7].map((attempt) => reconnectDelay(attempt, options))).toEqual([500, 1000, 2000, 4000, 8000, 15_000, 15_000]);
    expect(reconnectDelay(3, { ...options, random: () => 0.999999 })).toBe(4000);
  });
});
