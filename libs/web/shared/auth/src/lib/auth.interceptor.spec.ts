import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideI18nTesting, UiLanguageService } from '@zhengwu/web/shared/i18n';
import { AUTH_CONFIG } from './auth.config';
import { authInterceptor } from './auth.interceptor';
import { AuthStore } from './auth.store';
import { applicantTokenResponse } from './auth.testing';

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let store: AuthStore;

  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideI18nTesting(),
        { provide: AUTH_CONFIG, useValue: { kind: 'applicant', loginPath: '/login', homePath: '/me' } },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(AuthStore);
  });
  afterEach(() => backend.verify());

  it('sends the bearer token and the UI language to the API', async () => {
    store.startApplicantSession(applicantTokenResponse());
    await TestBed.inject(UiLanguageService).use('en');
    http.get('/api/v1/auth/me').subscribe();
    const request = backend.expectOne('/api/v1/auth/me').request;
    expect(request.headers.get('Authorization')).toBe('Bearer applicant-token');
    expect(request.headers.get('Accept-Language')).toBe('en');
  });

  it('sends only the language when nobody is logged in', () => {
    http.get('/api/v1/centres').subscribe();
    const request = backend.expectOne('/api/v1/centres').request;
    expect(request.headers.has('Authorization')).toBe(false);
    expect(request.headers.get('Accept-Language')).toBe('zh-CN');
  });

  it('never sends the token outside the API', () => {
    store.startApplicantSession(applicantTokenResponse());
    http.get('i18n/zh-CN.json').subscribe();
    http.get('https://elsewhere.example/api/v1/x').subscribe();
    expect(backend.expectOne('i18n/zh-CN.json').request.headers.has('Authorization')).toBe(false);
    expect(backend.expectOne('https://elsewhere.example/api/v1/x').request.headers.has('Authorization')).toBe(false);
  });

  it('does not send an expired token, and ends that session', () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-27T09:00:00Z'), doNotFake: ['queueMicrotask', 'nextTick'] });
    try {
      store.startApplicantSession(applicantTokenResponse({ expiresIn: 60 }));
      jest.setSystemTime(Date.parse('2026-11-27T09:02:00Z'));
      http.get('/api/v1/auth/me').subscribe({ error: () => undefined });
      expect(backend.expectOne('/api/v1/auth/me').request.headers.has('Authorization')).toBe(false);
      expect(store.sessionExpired()).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it('ends the session when the API rejects the token', () => {
    store.startApplicantSession(applicantTokenResponse());
    const failed = jest.fn();
    http.get('/api/v1/auth/me').subscribe({ error: failed });
    backend
      .expectOne('/api/v1/auth/me')
      .flush({ code: 'AUTH_TOKEN_INVALID', message: { zh: '登录已失效', en: 'Session invalid' } }, { status: 401, statusText: 'Unauthorized' });
    expect(failed).toHaveBeenCalled();
    expect(store.isLoggedIn()).toBe(false);
    expect(store.sessionExpired()).toBe(true);
  });

  it('leaves a wrong-password 401 to the login page (no session involved)', () => {
    const failed = jest.fn();
    http.post('/api/v1/auth/applicants/login', {}).subscribe({ error: failed });
    backend
      .expectOne('/api/v1/auth/applicants/login')
      .flush({ code: 'AUTH_INVALID_CREDENTIALS', message: { zh: '账号或密码错误', en: 'Wrong account or password' } }, { status: 401, statusText: 'Unauthorized' });
    expect(failed).toHaveBeenCalled();
    expect(store.sessionExpired()).toBe(false);
  });
});
