import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { CentreSummary } from '@zhengwu/shared/contracts';
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

  async function render() {
    const fixture = TestBed.createComponent(LoginPage);
    await fixture.whenStable();
    backend.expectOne('/api/v1/centres').flush(centres);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const input = (name: string) => element.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`) as HTMLInputElement;
    const type = async (name: string, value: string) => {
      input(name).focus();
      input(name).value = value;
      input(name).dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const blur = async (name: string) => {
      input(name).dispatchEvent(new Event('blur'));
      await fixture.whenStable();
    };
    const options = () => Array.from(document.querySelectorAll('mat-option')).map((o) => o.textContent?.replace(/\s+/g, ' ').trim());
    const submit = async () => {
      element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await fixture.whenStable();
    };
    return { fixture, element, input, type, blur, options, submit };
  }

  it('offers centres matching the typed name or code', async () => {
    const page = await render();
    await page.type('centre', '5109');
    expect(page.options()).toEqual(['遂宁市 510900市级', '射洪市 510981县级']);
    await page.type('centre', '射洪');
    expect(page.options()).toEqual(['射洪市 510981县级']);
  });

  it('takes an exact code typed without picking, and refuses text that is no centre', async () => {
    const page = await render();
    await page.type('centre', '510981');
    await page.blur('centre');
    expect(page.input('centre').value).toBe('射洪市 510981');

    await page.type('centre', '不存在的中心');
    await page.blur('centre');
    expect(page.element.querySelector('mat-error')?.textContent?.trim()).toBe('请从列表中选择一个政务服务中心。');
  });

  it('logs in with the centre code, remembers the centre and goes to the workbench', async () => {
    const page = await render();
    await page.type('centre', '510900');
    await page.blur('centre');
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
