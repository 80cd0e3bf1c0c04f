import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { HallDisplayCall, HallDisplayCounts, HallDisplaySnapshot } from '@zhengwu/shared/contracts';
import { isUiLanguage, UiLanguageService } from '@zhengwu/web/shared/i18n';
import { interval, Subscription } from 'rxjs';
import { HallDisplayApi } from './hall-display.api';

/** Where a screen keeps its token for the session (the link's fragment is wiped from the address bar). */
export function displayTokenKey(centreCode: string): string {
  return `zhengwu.hallDisplay.${centreCode}`;
}

/** The token in a `#token=…` fragment, if any. */
export function tokenFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null;
}

type ScreenState = 'connecting' | 'live' | 'reconnecting' | 'refused' | 'noToken';

const COUNT_KEYS: ReadonlyArray<keyof HallDisplayCounts> = ['receivedToday', 'acceptedToday', 'completedToday', 'inProgress', 'overdue'];

/**
 * The screen in the centre's hall (大厅屏): full screen, large type, high contrast; today's counts
 * and the latest calls of the centre, live. No login: the display token from the admin's link.
 */
@Component({
  selector: 'wb-hall-display-page',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      position: fixed;
      inset: 0;
      z-index: 10000;
      display: flex;
      flex-direction: column;
      background: #000;
      color: #fff;
      font-size: clamp(18px, 2.2vw, 40px);
      line-height: 1.3;
      padding: 1.5vw 2vw;
      box-sizing: border-box;
      overflow: hidden;
    }
    header { display: flex; align-items: baseline; justify-content: space-between; gap: 1em; border-bottom: 3px solid #ffd200; padding-bottom: 0.3em; }
    h1 { font-size: 1.8em; margin: 0; font-weight: 700; }
    .clock { font-size: 1.8em; font-variant-numeric: tabular-nums; font-weight: 700; color: #ffd200; }
    .date { font-size: 0.8em; color: #ddd; }
    .banner { margin: 0.4em 0; padding: 0.3em 0.6em; font-size: 1em; font-weight: 700; background: #ffd200; color: #000; border-radius: 4px; }
    .banner.refused { background: #ff5252; color: #000; }
    .counts { list-style: none; display: grid; grid-template-columns: repeat(5, 1fr); gap: 1vw; margin: 0.6em 0; padding: 0; }
    .counts li { background: #1a1a1a; border: 2px solid #444; border-radius: 8px; padding: 0.4em; text-align: center; }
    .counts .value { display: block; font-size: 2.6em; font-weight: 700; font-variant-numeric: tabular-nums; color: #fff; }
    .counts .label { display: block; font-size: 0.9em; color: #ddd; }
    .counts li.overdue .value { color: #ff8a80; }
    h2 { font-size: 1.1em; margin: 0.4em 0 0.2em; color: #ffd200; }
    .calls { list-style: none; margin: 0; padding: 0; flex: 1; overflow: hidden; }
    .calls li { display: flex; gap: 1em; padding: 0.25em 0; border-bottom: 1px solid #333; font-size: 1.05em; }
    .calls li:first-child { font-size: 1.3em; color: #ffd200; }
    .calls time { font-variant-numeric: tabular-nums; color: #bbb; min-width: 3.2em; }
    .empty { color: #bbb; }
    footer { margin-top: auto; display: flex; justify-content: flex-end; gap: 0.5em; font-size: 0.6em; }
    button { font: inherit; background: #222; color: #fff; border: 2px solid #888; border-radius: 4px; padding: 0.2em 0.8em; cursor: pointer; }
    button:focus-visible { outline: 3px solid #ffd200; outline-offset: 2px; }
  `,
  template: `
    <header>
      <div>
        <h1>{{ snapshot()?.centreName ?? ('display.title' | transloco) }}</h1>
        <div class="date">{{ dateText() }}</div>
      </div>
      <div class="clock" role="timer" [attr.aria-label]="'display.clock' | transloco">{{ clockText() }}</div>
    </header>

    @switch (state()) {
      @case ('reconnecting') {
        <p class="banner" role="status" data-testid="display-reconnecting">{{ 'display.reconnecting' | transloco }}</p>
      }
      @case ('connecting') {
        <p class="banner" role="status">{{ 'display.connecting' | transloco }}</p>
      }
      @case ('refused') {
        <p class="banner refused" role="alert">{{ 'display.refused' | transloco }}</p>
      }
      @case ('noToken') {
        <p class="banner refused" role="alert">{{ 'display.noToken' | transloco }}</p>
      }
    }

    @if (snapshot(); as s) {
      <ul class="counts" [attr.aria-label]="'display.countsHeading' | transloco">
        @for (key of countKeys; track key) {
          <li [class.overdue]="key === 'overdue'" [attr.data-count]="key">
            <span class="value">{{ s.counts[key] }}</span>
            <span class="label">{{ 'display.counts.' + key | transloco }}</span>
          </li>
        }
      </ul>
      <h2 id="display-calls">{{ 'display.callsHeading' | transloco }}</h2>
      @if (s.calls.length) {
        <ul class="calls" aria-labelledby="display-calls" aria-live="polite">
          @for (call of s.calls; track call.caseNumber + call.at) {
            <li data-testid="display-call">
              <time [attr.datetime]="call.at">{{ timeOf(call.at) }}</time>
              <span>{{ callKey(call) | transloco: { caseNumber: call.caseNumber, name: call.applicantMasked } }}</span>
            </li>
          }
        </ul>
      } @else {
        <p class="empty">{{ 'display.noCalls' | transloco }}</p>
      }
    }

    <footer>
      <button type="button" (click)="toggleLanguage()" [attr.lang]="language.current() === 'en' ? 'zh-CN' : 'en'">{{ 'display.otherLanguage' | transloco }}</button>
      <button type="button" (click)="fullScreen()">{{ 'display.fullScreen' | transloco }}</button>
    </footer>
  `,
})
export class HallDisplayPage implements OnInit {
  private readonly route = inject(ActivatedRoute);
  private readonly api = inject(HallDisplayApi);
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly language = inject(UiLanguageService);

  protected readonly countKeys = COUNT_KEYS;
  protected readonly state = signal<ScreenState>('connecting');
  protected readonly snapshot = signal<HallDisplaySnapshot | null>(null);
  private readonly now = signal(new Date());
  private feed?: Subscription;

  private readonly locale = computed(() => (this.language.current() === 'en' ? 'en-GB' : 'zh-CN'));
  protected readonly clockText = computed(() =>
    new Intl.DateTimeFormat(this.locale(), { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(this.now()),
  );
  protected readonly dateText = computed(() =>
    new Intl.DateTimeFormat(this.locale(), { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }).format(this.now()),
  );

  ngOnInit(): void {
    const centreCode = this.route.snapshot.paramMap.get('centreCode') ?? '';
    const lang = this.route.snapshot.queryParamMap.get('lang');
    if (isUiLanguage(lang) && lang !== this.language.current()) void this.language.use(lang);

    const view = this.document.defaultView;
    const clock = interval(1000).subscribe(() => this.now.set(new Date()));
    this.destroyRef.onDestroy(() => {
      clock.unsubscribe();
      this.feed?.unsubscribe();
    });

    const token = this.takeToken(centreCode);
    if (!token) {
      this.state.set('noToken');
      return;
    }
    this.feed = this.api.feed(centreCode, token).subscribe((event) => {
      if (event.kind === 'snapshot') {
        this.snapshot.set(event.snapshot);
        this.state.set('live');
      } else if (event.kind === 'reconnecting') {
        this.state.set('reconnecting');
      } else {
        this.state.set('refused');
        try {
          view?.sessionStorage.removeItem(displayTokenKey(centreCode));
        } catch {
          // Storage disabled: nothing was kept.
        }
      }
    });
  }

  protected callKey(call: HallDisplayCall): string {
    if (call.kind === 'completed') return `display.call.completed_${call.deliveryMode ?? 'window'}`;
    return `display.call.${call.kind}`;
  }

  protected timeOf(at: string): string {
    return new Intl.DateTimeFormat(this.locale(), { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(at));
  }

  protected toggleLanguage(): void {
    void this.language.use(this.language.current() === 'en' ? 'zh-CN' : 'en');
  }

  protected fullScreen(): void {
    void this.document.documentElement.requestFullscreen?.().catch(() => undefined);
  }

  /** The token from the link's fragment (then wiped from the address bar), or the one kept this session. */
  private takeToken(centreCode: string): string | null {
    const view = this.document.defaultView;
    if (!view) return null;
    const fromLink = tokenFromFragment(view.location.hash);
    try {
      if (fromLink) {
        view.sessionStorage.setItem(displayTokenKey(centreCode), fromLink);
        view.history.replaceState(view.history.state, '', view.location.pathname + view.location.search);
        return fromLink;
      }
      return view.sessionStorage.getItem(displayTokenKey(centreCode));
    } catch {
      return fromLink;
    }
  }
}
