import { TestBed } from '@angular/core/testing';
import { AUTH_CONFIG, SessionKind } from './auth.config';
import { AuthStore } from './auth.store';
import { applicantTokenResponse, staffTokenResponse } from './auth.testing';

const NOW = Date.parse('2026-11-27T09:00:00Z');

function createStore(kind: SessionKind = 'applicant'): AuthStore {
  TestBed.resetTestingModule();
  TestBed.configureTestingModule({
    providers: [{ provide: AUTH_CONFIG, useValue: { kind, loginPath: '/login', homePath: '/' } }],
  });
  return TestBed.inject(AuthStore);
}

describe('AuthStore', () => {
  beforeEach(() => {
    sessionStorage.clear();
    jest.useFakeTimers({ now: NOW });
  });
  afterEach(() => jest.useRealTimers());

  it('starts a session from a token response, with the expiry computed from expiresIn', () => {
    const store = createStore();
    store.startApplicantSession(applicantTokenResponse({ expiresIn: 1800 }));
    expect(store.isLoggedIn()).toBe(true);
    expect(store.kind()).toBe('applicant');
    expect(store.token()).toBe('applicant-token');
    expect(store.applicantProfile()?.name).toBe('张三');
    expect(store.staffProfile()).toBeNull();
    expect(store.expiresAt()).toBe(NOW + 1_800_000);
  });

  it('survives a page reload through sessionStorage', () => {
    createStore().startApplicantSession(applicantTokenResponse());
    const reloaded = createStore();
    expect(reloaded.token()).toBe('applicant-token');
    expect(reloaded.profile()?.name).toBe('张三');
  });

  it('keeps applicant and staff sessions apart', () => {
    createStore('staff').startStaffSession(staffTokenResponse());
    expect(createStore('applicant').isLoggedIn()).toBe(false);
    expect(createStore('staff').staffProfile()?.centreCode).toBe('510900');
  });

  it('ends the session when it expires and says why', () => {
    const store = createStore();
    const expiries = jest.fn();
    store.expired$.subscribe(expiries);
    store.startApplicantSession(applicantTokenResponse({ expiresIn: 60 }));

    jest.advanceTimersByTime(59_000);
    expect(store.isLoggedIn()).toBe(true);

    jest.advanceTimersByTime(1_000);
    expect(store.isLoggedIn()).toBe(false);
    expect(store.sessionExpired()).toBe(true);
    expect(expiries).toHaveBeenCalledTimes(1);
    expect(sessionStorage.length).toBe(0);
  });

  it('checks the clock on use even if the timer has not fired (sleeping laptop)', () => {
    const store = createStore();
    store.startApplicantSession(applicantTokenResponse({ expiresIn: 60 }));
    jest.setSystemTime(NOW + 61_000); // the clock moved, timers did not run
    expect(store.validToken()).toBeNull();
    expect(store.isLoggedIn()).toBe(false);
  });

  it('does not restore an expired or malformed stored session', () => {
    createStore().startApplicantSession(applicantTokenResponse({ expiresIn: 60 }));
    jest.setSystemTime(NOW + 60_000);
    expect(createStore().isLoggedIn()).toBe(false);
    expect(sessionStorage.length).toBe(0);

    sessionStorage.setItem('zhengwu.session.applicant', '{"kind":"applicant","accessToken":42}');
    expect(createStore().isLoggedIn()).toBe(false);
    sessionStorage.setItem('zhengwu.session.applicant', 'not json');
    expect(createStore().isLoggedIn()).toBe(false);
  });

  it('logs out: clears state and storage, and it is not an expiry', () => {
    const store = createStore();
    store.startApplicantSession(applicantTokenResponse());
    store.logout();
    expect(store.isLoggedIn()).toBe(false);
    expect(store.sessionExpired()).toBe(false);
    expect(sessionStorage.length).toBe(0);
    jest.runOnlyPendingTimers(); // the expiry timer was cancelled
    expect(store.sessionExpired()).toBe(false);
  });

  it('replaces the profile but keeps token and expiry', () => {
    const store = createStore();
    store.startApplicantSession(applicantTokenResponse());
    const { profile } = applicantTokenResponse();
    store.updateProfile({ ...profile, name: '张三丰' });
    expect(store.profile()?.name).toBe('张三丰');
    expect(createStore().profile()?.name).toBe('张三丰');
  });

  it('forgets the expiry notice on a new login', () => {
    const store = createStore();
    store.startApplicantSession(applicantTokenResponse({ expiresIn: 1 }));
    jest.advanceTimersByTime(1_000);
    expect(store.sessionExpired()).toBe(true);
    store.startApplicantSession(applicantTokenResponse());
    expect(store.sessionExpired()).toBe(false);
  });
});
