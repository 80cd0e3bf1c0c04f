import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CentreSummary } from '@zhengwu/shared/contracts';
import { AUTH_CONFIG } from '@zhengwu/web/shared/auth';
import { provideI18nTesting } from '@zhengwu/web/shared/i18n';
import en from '../../../public/i18n/en.json';
import zh from '../../../public/i18n/zh-CN.json';
import { HomePage } from './home.page';

const centres: CentreSummary[] = [
  { code: '510000', name: '四川省', level: 'province', parentCode: null },
  { code: '510100', name: '成都市', level: 'city', parentCode: '510000' },
  { code: '510104', name: '锦江区', level: 'county', parentCode: '510100' },
  { code: '510900', name: '遂宁市', level: 'city', parentCode: '510000' },
  { code: '510981', name: '射洪市', level: 'county', parentCode: '510900' },
];

describe('HomePage', () => {
  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting({ 'zh-CN': zh, en }),
        { provide: AUTH_CONFIG, useValue: { kind: 'applicant', loginPath: '/login', homePath: '/me' } },
      ],
    });
  });

  async function render() {
    const fixture = TestBed.createComponent(HomePage);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement, backend: TestBed.inject(HttpTestingController) };
  }

  it('shows the centres as province, cities and their counties', async () => {
    const { fixture, element, backend } = await render();
    backend.expectOne('/api/v1/centres').flush(centres);
    await fixture.whenStable();
    expect(element.querySelector('.portal-province')?.textContent).toContain('四川省');
    const cities = Array.from(element.querySelectorAll('details summary')).map((s) => s.textContent?.replace(/\s+/g, ''));
    expect(cities).toEqual(['成都市510100下辖1个县级中心', '遂宁市510900下辖1个县级中心']);
  });

  it('filters by name or code', async () => {
    const { fixture, element, backend } = await render();
    backend.expectOne('/api/v1/centres').flush(centres);
    await fixture.whenStable();
    const search = element.querySelector<HTMLInputElement>('input.portal-centre-search') as HTMLInputElement;
    search.value = '射洪';
    search.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, 200)); // the search is debounced
    await fixture.whenStable();
    expect(element.querySelector('.portal-result-count')?.textContent?.trim()).toBe('找到 1 个服务中心。');
    expect(element.querySelector('.portal-matches li')?.textContent).toContain('所属：四川省 › 遂宁市');
  });

  it('offers a retry when the list cannot be loaded', async () => {
    const { fixture, element, backend } = await render();
    backend.expectOne('/api/v1/centres').flush(null, { status: 502, statusText: 'Bad Gateway' });
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent?.trim()).toBe('服务器暂时无法处理请求，请稍后重试。');
    element.querySelector<HTMLButtonElement>('.portal-centres button')?.click();
    backend.expectOne('/api/v1/centres').flush(centres);
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')).toBeNull();
  });
});
