import { HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ApplicationStatus } from '@zhengwu/approval/domain';
import type { ApplicationSummary, PublicDirectoryView } from '@zhengwu/shared/contracts';
import { AUTH_CONFIG, deploymentRoutingInterceptor } from '@zhengwu/web/shared/auth';
import { ApplicantCasesApi, ApplicantCasesPage, DeploymentCases, mergeNewestFirst } from './applicant-cases';

function summary(id: string, createdAt: string, centreCode = '510900'): ApplicationSummary {
  return {
    id,
    centreCode,
    caseNumber: null,
    itemName: '食品经营许可（新办）',
    applicantName: '张小明',
    status: ApplicationStatus.Submitted,
    statusLabel: { zh: '已提交，待预审', en: 'Submitted, awaiting pre-review' },
    clockState: 'not_started',
    supervisionLevel: 'normal',
    currentStepName: null,
    currentPost: null,
    currentStepDue: null,
    promisedDue: null,
    submittedAt: null,
    createdAt,
    version: 1,
  };
}

/** `count` cases, one a day from `firstDay` of November 2026, newest first as a deployment returns them. */
function casesOf(prefix: string, days: readonly number[]): ApplicationSummary[] {
  return days.map((day) => summary(`${prefix}-${day}`, `2026-11-${String(day).padStart(2, '0')}T02:00:00.000Z`)).reverse();
}

describe('mergeNewestFirst', () => {
  it('interleaves the deployments’ cases newest first and adds their totals', () => {
    const city: DeploymentCases = { items: casesOf('city', [1, 4, 5]), total: 3 };
    const county: DeploymentCases = { items: casesOf('county', [2, 3, 6]), total: 3 };
    const first = mergeNewestFirst([city, county], 1, 4);
    expect(first.items.map((item) => item.id)).toEqual(['county-6', 'city-5', 'city-4', 'county-3']);
    expect(first).toMatchObject({ total: 6, page: 1, pageSize: 4 });
    expect(mergeNewestFirst([city, county], 2, 4).items.map((item) => item.id)).toEqual(['county-2', 'city-1']);
  });

  it('gives every page of the union exactly as one sorted list would, for any split between deployments', () => {
    // 30 cases over days 1..30, dealt to three deployments by a fixed pseudo-random rule.
    const owner = (day: number) => (day * 7 + 3) % 3;
    const everything = casesOf('x', Array.from({ length: 30 }, (_, index) => index + 1));
    const byDeployment = [0, 1, 2].map((which) => everything.filter((item) => owner(Number(item.id.slice(2))) === which));
    for (const pageSize of [1, 4, 7]) {
      for (let page = 1; page <= Math.ceil(30 / pageSize); page++) {
        // Each deployment answers only its newest page × pageSize, as the API is asked to.
        const answers = byDeployment.map((items) => ({ items: items.slice(0, page * pageSize), total: items.length }));
        const expected = everything.slice((page - 1) * pageSize, page * pageSize).map((item) => item.id);
        expect(mergeNewestFirst(answers, page, pageSize).items.map((item) => item.id)).toEqual(expected);
      }
    }
  });
});

describe('ApplicantCasesApi', () => {
  const topology: PublicDirectoryView = {
    version: 1,
    self: 'province',
    identityIssuer: 'province',
    deployments: [
      { id: 'province', apiBaseUrl: 'http://province.test' },
      { id: 'city', apiBaseUrl: 'http://city.test' },
      { id: 'county', apiBaseUrl: 'http://county.test' },
    ],
    centres: [
      { code: '510000', deploymentId: 'province' },
      { code: '510900', deploymentId: 'city' },
      { code: '510981', deploymentId: 'county' },
    ],
  };
  let backend: HttpTestingController;
  let api: ApplicantCasesApi;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([deploymentRoutingInterceptor])),
        provideHttpClientTesting(),
        { provide: AUTH_CONFIG, useValue: { kind: 'applicant', loginPath: '/login', homePath: '/me' } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    api = TestBed.inject(ApplicantCasesApi);
  });
  afterEach(() => backend.verify());

  const answer = (url: string, items: ApplicationSummary[], total = items.length) =>
    backend.expectOne((request) => request.urlWithParams === url).flush({ items, total, page: 1, pageSize: 40 });

  it('asks every deployment for its newest page × pageSize cases and merges them', () => {
    let result: ApplicantCasesPage | undefined;
    api.page(2, 20).subscribe((page) => (result = page));
    backend.expectOne('/api/v1/directory').flush(topology);
    answer('/api/v1/me/applications?page=1&pageSize=40', []);
    answer('http://city.test/api/v1/me/applications?page=1&pageSize=40', casesOf('city', [1, 2, 3]));
    answer('http://county.test/api/v1/me/applications?page=1&pageSize=40', casesOf('county', [4]));
    expect(result).toMatchObject({ page: 2, pageSize: 20, total: 4, unreachable: 0, items: [] });
  });

  it('reads a deployment in pages of at most 100 when the page reaches deeper', () => {
    api.page(6, 20).subscribe();
    backend.expectOne('/api/v1/directory').flush(topology);
    for (const base of ['', 'http://city.test', 'http://county.test']) {
      answer(`${base}/api/v1/me/applications?page=1&pageSize=100`, []);
      answer(`${base}/api/v1/me/applications?page=2&pageSize=100`, []);
    }
  });

  it('shows what the others hold when one deployment does not answer, and counts it', () => {
    let result: ApplicantCasesPage | undefined;
    api.page(1, 20).subscribe((page) => (result = page));
    backend.expectOne('/api/v1/directory').flush(topology);
    answer('/api/v1/me/applications?page=1&pageSize=20', []);
    answer('http://city.test/api/v1/me/applications?page=1&pageSize=20', casesOf('city', [1]));
    backend.expectOne('http://county.test/api/v1/me/applications?page=1&pageSize=20').error(new ProgressEvent('error'), { status: 0 });
    expect(result?.items.map((item) => item.id)).toEqual(['city-1']);
    expect(result?.unreachable).toBe(1);
  });

  it('fails when no deployment answers', () => {
    let failure: unknown;
    api.page(1, 20).subscribe({ error: (error: unknown) => (failure = error) });
    backend.expectOne('/api/v1/directory').flush(topology);
    for (const base of ['', 'http://city.test', 'http://county.test']) {
      backend.expectOne(`${base}/api/v1/me/applications?page=1&pageSize=20`).flush({ code: 'X' }, { status: 503, statusText: 'Unavailable' });
    }
    expect(failure).toBeInstanceOf(HttpErrorResponse);
  });

  it('pages on the server itself when one deployment hosts every centre', () => {
    let result: ApplicantCasesPage | undefined;
    api.page(3, 20).subscribe((page) => (result = page));
    backend.expectOne('/api/v1/directory').flush({ ...topology, deployments: [topology.deployments[0]], centres: [] });
    backend.expectOne('/api/v1/me/applications?page=3&pageSize=20').flush({ items: [], total: 41, page: 3, pageSize: 20 });
    expect(result).toEqual({ items: [], total: 41, page: 3, pageSize: 20, unreachable: 0 });
  });
});
