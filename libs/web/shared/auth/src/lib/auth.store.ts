import { DOCUMENT } from '@angular/common';
import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import type {
  ApplicantProfile,
  ApplicantTokenResponse,
  StaffProfile,
  StaffTokenResponse,
} from '@zhengwu/shared/contracts';
import { Observable, Subject } from 'rxjs';
import { AUTH_CONFIG, SessionKind } from './auth.config';
import { AuthSession } from './auth-session';

// setTimeout stores delays in 32 bits; a longer delay fires at once.
const MAX_TIMER_DELAY_MS = 2_147_483_647;

/**
 * The signed-in session of this app: token, profile and expiry, as signals. Persisted in
 * sessionStorage (per tab, gone when the tab closes: the portal is used on shared computers in
 * service halls) under a key per account kind, so a staff session never leaks into the portal.
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly config = inject(AUTH_CONFIG);
  private readonly storage = storageOf(inject(DOCUMENT));
  private readonly storageKey = `zhengwu.session.${this.config.kind}`;
  private readonly state = signal<AuthSession | null>(null);
  private readonly expiredFlag = signal(false);
  private readonly expiredEvents = new Subject<void>();
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;

  readonly session = this.state.asReadonly();
  readonly isLoggedIn = computed(() => this.state() !== null);
  readonly token = computed(() => this.state()?.accessToken ?? null);
  readonly kind = computed<SessionKind | null>(() => this.state()?.kind ?? null);
  readonly expiresAt = computed(() => this.state()?.expiresAt ?? null);
  readonly profile = computed(() => this.state()?.profile ?? null);
  readonly applicantProfile = computed(() => {
    const session = this.state();
    return session?.kind === 'applicant' ? session.profile : null;
  });
  readonly staffProfile = computed(() => {
    const session = this.state();
    return session?.kind === 'staff' ? session.profile : null;
  });
  /** True after the session ran out (clock or a 401), until the next login or acknowledgement. */
  readonly sessionExpired = this.expiredFlag.asReadonly();
  /** Emits when a session ends by expiry, so the app can re-check the guards of the current page. */
  readonly expired$: Observable<void> = this.expiredEvents.asObservable();

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.expiryTimer));
    const restored = this.restore();
    if (restored) this.set(restored);
  }

  startApplicantSession(response: ApplicantTokenResponse): void {
    this.start({ kind: 'applicant', accessToken: response.accessToken, expiresAt: this.expiryOf(response), profile: response.profile });
  }

  startStaffSession(response: StaffTokenResponse): void {
    this.start({ kind: 'staff', accessToken: response.accessToken, expiresAt: this.expiryOf(response), profile: response.profile });
  }

  /** Replaces the profile (after `GET /auth/me`), keeping token and expiry. */
  updateProfile(profile: ApplicantProfile | StaffProfile): void {
    const session = this.state();
    if (!session) return;
    this.set({ ...session, profile } as AuthSession);
  }

  /**
   * The token if the session is still valid now. Checks the clock itself rather than trusting the
   * timer: timers are throttled in background tabs and do not run while a laptop sleeps.
   */
  validToken(): string | null {
    const session = this.state();
    if (!session) return null;
    if (Date.now() >= session.expiresAt) {
      this.expire();
      return null;
    }
    return session.accessToken;
  }

  logout(): void {
    this.expiredFlag.set(false);
    this.set(null);
  }

  /** Ends the session because it ran out or the server no longer accepts the token. */
  expire(): void {
    if (!this.state()) return;
    this.set(null);
    this.expiredFlag.set(true);
    this.expiredEvents.next();
  }

  acknowledgeExpiry(): void {
    this.expiredFlag.set(false);
  }

  private start(session: AuthSession): void {
    this.expiredFlag.set(false);
    this.set(session);
  }

  private expiryOf(response: { expiresIn: number }): number {
    return Date.now() + response.expiresIn * 1000;
  }

  private set(session: AuthSession | null): void {
    clearTimeout(this.expiryTimer);
    this.state.set(session);
    try {
      if (session) this.storage?.setItem(this.storageKey, JSON.stringify(session));
      else this.storage?.removeItem(this.storageKey);
    } catch {
      // Storage full or disabled: the session then lasts for this page only.
    }
    if (session) {
      const delay = Math.min(Math.max(session.expiresAt - Date.now(), 0), MAX_TIMER_DELAY_MS);
      this.expiryTimer = setTimeout(() => this.validToken(), delay);
    }
  }

  private restore(): AuthSession | null {
    let stored: unknown;
    try {
      const raw = this.storage?.getItem(this.storageKey);
      stored = raw ? JSON.parse(raw) : null;
    } catch {
      stored = null;
    }
    if (!isSession(stored) || stored.kind !== this.config.kind || Date.now() >= stored.expiresAt) {
      try {
        this.storage?.removeItem(this.storageKey);
      } catch {
        // Nothing to clean up if storage is unavailable.
      }
      return null;
    }
    return stored;
  }
}

function storageOf(document: Document): Storage | null {
  try {
    return document.defaultView?.sessionStorage ?? null;
  } catch {
    return null; // Access throws when storage is blocked by policy.
  }
}

function isSession(value: unknown): value is AuthSession {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as Partial<Record<keyof AuthSession, unknown>>;
  return (
    (candidate.kind === 'applicant' || candidate.kind === 'staff') &&
    typeof candidate.accessToken === 'string' &&
    candidate.accessToken.length > 0 &&
    typeof candidate.expiresAt === 'number' &&
    candidate.profile !== null &&
    typeof candidate.profile === 'object'
  );
}
