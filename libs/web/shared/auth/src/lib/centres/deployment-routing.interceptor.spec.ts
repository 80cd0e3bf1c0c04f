import { HttpClient, HttpContext, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { PublicDirectoryView } from '@zhengwu/shared/contracts';
import { provideI18nTesting } from '@zhengwu/web/shared/i18n';
import { AUTH_CONFIG, SessionKind } from '../auth.config';
import { authInterceptor } from '../auth.interceptor';
import { AuthStore } from '../auth.store';
import { applicantTokenResponse, staffTokenResponse } from '../auth.testing';
import { deploymentRoutingInterceptor, TO_DEPLOYMENT } from './deployment-routing.interceptor';

const topology: PublicDirectoryView = {
  version: 3,
  self: 'province',
  identityIssuer: 'province',
  deployments: [
    { id: 'province', apiBaseUrl: 'http://localhost:3001' },
    { id: 'city', apiBaseUrl: 'http://localhost:3002' },
  ],
  centres: [
    { code: '510000', deploymentId: 'province' },
    { code: '510900', deploymentId: 'city' },
  ],
};

function setUp(kind: SessionKind) {
  sessionStorage.clear();
  localStorage.clear();
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([authInterceptor, deploymentRoutingInterceptor])),
      provideHttpClientTesting(),
      provideI18nTesting(),
      { provide: AUTH_CONFIG, useValue: { kind, loginPath: '/login', homePath: '/' } },
    ],
  });
  return { http: TestBed.inject(HttpClient), backend: TestBed.inject(HttpTestingController), store: TestBed.inject(AuthStore) };
}

describe('deploymentRoutingInterceptor', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('sends a request about a centre to the deployment hosting it, with the applicant token', () => {
    const { http, backend, store } = setUp('applicant');
    store.startApplicantSession(applicantTokenResponse());
    http.get('/api/v1/centres/510900/applications/a1').subscribe();
    backend.expectOne('/api/v1/directory').flush(topology);
    const request = backend.expectOne('http://localhost:3002/api/v1/centres/510900/applications/a1').request;
    expect(request.headers.get('Authorization')).toBe('Bearer applicant-token');
  });

  it('keeps a request about a centre of this deployment here', () => {
    const { http, backend } = setUp('applicant');
    http.get('/api/v1/centres/510000/catalogue/items').subscribe();
    backend.expectOne('/api/v1/directory').flush(topology);
    backend.expectOne('/api/v1/centres/510000/catalogue/items');
  });

  it('drops a staff token on the way to another deployment (it is valid only at its own)', () => {
    const { http, backend, store } = setUp('staff');
    store.startStaffSession(staffTokenResponse());
    http.get('/api/v1/centres/510900/catalogue/items').subscribe();
    backend.expectOne('/api/v1/directory').flush(topology);
    expect(backend.expectOne('http://localhost:3002/api/v1/centres/510900/catalogue/items').request.headers.has('Authorization')).toBe(false);
  });

  it('sends a request that names no centre to the deployment its context names, without reading the directory', () => {
    const { http, backend, store } = setUp('applicant');
    store.startApplicantSession(applicantTokenResponse());
    http.get('/api/v1/me/applications', { context: new HttpContext().set(TO_DEPLOYMENT, 'http://localhost:3002') }).subscribe();
    http.get('/api/v1/me/applications', { context: new HttpContext().set(TO_DEPLOYMENT, '') }).subscribe();
    const there = backend.expectOne('http://localhost:3002/api/v1/me/applications').request;
    expect(there.headers.get('Authorization')).toBe('Bearer applicant-token');
    backend.expectOne('/api/v1/me/applications');
    backend.expectNone('/api/v1/directory');
  });
});
