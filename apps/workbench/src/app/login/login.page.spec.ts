import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { CentreSummary, PublicDirectoryView } from '@zhengwu/shared/contracts';
import { AUTH_CONFIG, authInterceptor, AuthStore, staffTokenResponse } from '@zhengwu/web/shared/auth';
import { provideI18nTesting } from '@zhengwu/web/shared/i18n';
import en from '../../../public/i18n/en.json';
import zh from '../../../public/i18n/zh-CN.json';
import { LoginPage } from './login.page';

@Component({ template: '' })
class Dashboard {}

const centres: CentreSummary[] = [
  { code: '510000', name: '四川省', level: 'province', parentCode: null },
  { code: '510900', name: '遂宁市', level: 'city', parentCode: '510000' },
  { code: '510981', name: '射洪市', level: 'county', parentCode: '510900' },
];

const oneDeployment: PublicDirectoryView = {
  version: 1,
  self: 'all',
  identityIssuer: 'all',
  deployments: [{ id: 'all', apiBaseUrl: 'http://127.0.0.1:3000' }],
  centres: centres.map((centre) => ({ code: centre.code, deploymentId: 'all' })),
};

describe('workbench LoginPage', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', component: LoginPage },
          { path: '', component: Dashboard },
        ]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideI18nTesting({ 'zh-CN': zh, en }),
        { provide: AUTH_CONFIG, useValue: { kind: 'staff', loginPath: '/login', homePath: '/' } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  async function render(directory: PublicDirectoryView = oneDeployment) {
    const fixture = TestBed.createComponent(LoginPage);
    await fixture.whenStable();
    backend.expectOne('/api/v1/centres').flush(centres);
    backend.expectOne('/api/v1/directory').flush(directory);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const input = (name: string) => element.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`) as HTMLInputElement;
    const type = async (name: string, value: string) => {
      input(name).focus();
      input(name).value = value;
      input(name).dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    /** Tabs out of the field, as a clerk does: the open panel closes first, then the field blurs. */
    const tabOut = async (name: string) => {
      input(name).dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', keyCode: 9, bubbles: true }));
      input(name).dispatchEvent(new Event('blur'));
      await fixture.whenStable();
    };
    const options = () => Array.from(document.querySelectorAll('mat-option')).map((o) => o.textContent?.replace(/\s+/g, ' ').trim());
    const submit = async () => {
      element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await fixture.whenStable();
    };
    return { fixture, element, input, type, tabOut, options, submit };
  }

  it('offers centres matching the typed name or code', async () => {
    const page = await render();
    await page.type('centre', '5109');
    expect(page.options()).toEqual(['遂宁市 510900市级', '射洪市 510981县级']);
    await page.type('centre', '射洪');
    expect(page.options()).toEqual(['射洪市 510981县级']);
  });

  it('offers only the centres this deployment hosts (a staff token is valid only there)', async () => {
    const page = await render({
      ...oneDeployment,
      self: 'city',
      deployments: [
        { id: 'city', apiBaseUrl: 'http://127.0.0.1:3002' },
        { id: 'county', apiBaseUrl: 'http://127.0.0.1:3003' },
      ],
      centres: [
        { code: '510900', deploymentId: 'city' },
        { code: '510981', deploymentId: 'county' },
      ],
    });
    await page.type('centre', '5109');
    expect(page.options()).toEqual(['遂宁市 510900市级']);
  });

  it('takes an exact code typed without picking, and refuses text that is no centre', async () => {
    const page = await render();
    await page.type('centre', '510981');
    await page.tabOut('centre');
    expect(page.input('centre').value).toBe('射洪市 510981');

    await page.type('centre', '不存在的中心');
    await page.tabOut('centre');
    expect(page.element.querySelector('mat-error')?.textContent?.trim()).toBe('请从列表中选择一个政务服务中心。');
  });

  it('leaves the options alone when the field blurs because an option is being pressed', async () => {
    const page = await render();
    await page.type('centre', '510900');
    expect(page.options()).toEqual(['遂宁市 510900市级']);
    // Pressing an option blurs the field while the panel is open: re-resolving the text then would
    // re-render the options under the pointer and lose the click.
    page.input('centre').dispatchEvent(new Event('blur'));
    await page.fixture.whenStable();
    expect(page.options()).toEqual(['遂宁市 510900市级']);
    (document.querySelector('mat-option') as HTMLElement).click();
    await page.fixture.whenStable();
    expect(page.input('centre').value).toBe('遂宁市 510900');
  });

  it('logs in with the centre code, remembers the centre and goes to the workbench', async () => {
    const page = await render();
    await page.type('centre', '510900');
    await page.tabOut('centre');
    await page.type('username', ' clerk.li ');
    await page.type('password', 'secret-123');
    await page.submit();

    const request = backend.expectOne('/api/v1/auth/staff/login');
    expect(request.request.body).toEqual({ centreCode: '510900', username: 'clerk.li', password: 'secret-123' });
    request.flush(staffTokenResponse());
    await page.fixture.whenStable();
    expect(TestBed.inject(AuthStore).staffProfile()?.username).toBe('clerk.li');
    expect(TestBed.inject(Router).url).toBe('/');
    expect(localStorage.getItem('zhengwu.workbench.lastCentre')).toBe('510900');
  });

  it('preselects the centre used last time', async () => {
    localStorage.setItem('zhengwu.workbench.lastCentre', '510981');
    const page = await render();
    expect(page.input('centre').value).toBe('射洪市 510981');
  });

  it('focuses the first invalid field when the form is incomplete', async () => {
    const page = await render();
    await page.submit();
    await page.fixture.whenStable();
    expect(document.activeElement).toBe(page.input('centre'));
    backend.verify();
  });
});
