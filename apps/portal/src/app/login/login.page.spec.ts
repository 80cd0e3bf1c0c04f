import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { generateResidentIdNumber, generateUscc } from '@zhengwu/shared/util';
import { applicantTokenResponse, AUTH_CONFIG, authInterceptor, AuthStore } from '@zhengwu/web/shared/auth';
import { provideI18nTesting, UiLanguageService } from '@zhengwu/web/shared/i18n';
import en from '../../../public/i18n/en.json';
import zh from '../../../public/i18n/zh-CN.json';
import { LoginPage, normaliseLoginIdentifier } from './login.page';

@Component({ template: '' })
class MePage {}

const validId = generateResidentIdNumber({ divisionCode: '510981', birthDate: '1990-03-07', sequence: 123 });
const wrongCheckDigit = validId.slice(0, 17) + (validId.endsWith('0') ? '1' : '0');

describe('LoginPage', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', component: LoginPage },
          { path: 'me', component: MePage },
          { path: 'applications/:id', component: MePage },
        ]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideI18nTesting({ 'zh-CN': zh, en }),
        { provide: AUTH_CONFIG, useValue: { kind: 'applicant', loginPath: '/login', homePath: '/me' } },
      ],
    });
  });

  async function render(returnUrl?: string) {
    const fixture = TestBed.createComponent(LoginPage);
    if (returnUrl) fixture.componentRef.setInput('returnUrl', returnUrl);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const input = (name: string) => element.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`) as HTMLInputElement;
    const type = async (name: string, value: string) => {
      const field = input(name);
      field.value = value;
      field.dispatchEvent(new Event('input'));
      field.dispatchEvent(new Event('blur'));
      await fixture.whenStable();
    };
    const errors = () => Array.from(element.querySelectorAll('mat-error')).map((e) => e.textContent?.trim());
    const submit = async () => {
      element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await fixture.whenStable();
    };
    return { fixture, element, input, type, errors, submit };
  }

  it('labels every field and marks it for password managers', async () => {
    const { element, input } = await render();
    expect(Array.from(element.querySelectorAll('mat-label')).map((l) => l.textContent?.trim())).toEqual(['证件号码或手机号码', '密码']);
    expect(input('identifier').getAttribute('autocomplete')).toBe('username');
    expect(input('password').getAttribute('autocomplete')).toBe('current-password');
  });

  it('explains a wrong ID check digit in the current language', async () => {
    const page = await render();
    await page.type('identifier', wrongCheckDigit);
    expect(page.errors()).toEqual(['公民身份号码校验位不正确，请核对每一位数字。']);

    await TestBed.inject(UiLanguageService).use('en');
    await page.fixture.whenStable();
    expect(page.errors()).toEqual(['The check digit of the resident ID number does not match. Please check every digit.']);
  });

  it('explains an impossible birth date and a wrong USCC check character', async () => {
    const page = await render();
    await page.type('identifier', `51098119900230${validId.slice(14)}`);
    expect(page.errors()).toEqual(['公民身份号码中的出生日期（第 7 至 14 位）不是有效日期。']);

    const uscc = generateUscc({ divisionCode: '510900', serial: 12345678 });
    const wrongUscc = `${uscc.slice(0, 17)}${uscc.endsWith('A') ? 'B' : 'A'}`;
    await page.type('identifier', wrongUscc);
    expect(page.errors()).toEqual(['统一社会信用代码校验位不正确，请核对每一位字符。']);
  });

  it('accepts valid identifiers and explains other lengths', async () => {
    const page = await render();
    for (const value of [validId, validId.slice(0, 17) + validId.slice(17).toLowerCase(), '13812345678']) {
      await page.type('identifier', value);
      expect(page.errors()).toEqual([]);
    }
    await page.type('identifier', '12345');
    expect(page.errors()).toEqual(['请输入 18 位身份证号码、18 位统一社会信用代码或 11 位手机号码。']);
  });

  it('refuses an empty form without calling the API and focuses the first field', async () => {
    const page = await render();
    await page.submit();
    await page.fixture.whenStable();
    expect(page.errors()).toEqual(['此项为必填项。', '此项为必填项。']);
    expect(document.activeElement).toBe(page.input('identifier'));
    TestBed.inject(HttpTestingController).verify();
  });

  it('logs in, keeps the session and goes to the return URL', async () => {
    const page = await render('/applications/42');
    await page.type('identifier', validId.slice(0, 17) + validId.slice(17).toLowerCase());
    await page.type('password', 'secret-123');
    await page.submit();

    const backend = TestBed.inject(HttpTestingController);
    const request = backend.expectOne('/api/v1/auth/applicants/login');
    expect(request.request.body).toEqual({ identifier: validId.toUpperCase(), password: 'secret-123' });
    expect(page.element.querySelector('mat-progress-bar')).not.toBeNull();
    expect(page.element.querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).toBe(true);

    await page.submit(); // a second click while pending sends nothing
    backend.expectNone('/api/v1/auth/applicants/login');

    request.flush(applicantTokenResponse());
    await page.fixture.whenStable();
    expect(TestBed.inject(AuthStore).applicantProfile()?.name).toBe('张三');
    expect(TestBed.inject(Router).url).toBe('/applications/42');
  });

  it('shows the server message on wrong credentials and moves focus to it', async () => {
    const page = await render();
    await page.type('identifier', '13812345678');
    await page.type('password', 'wrong-password');
    await page.submit();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/v1/auth/applicants/login')
      .flush(
        { code: 'AUTH_INVALID_CREDENTIALS', message: { zh: '账号或密码错误', en: 'Wrong account or password' } },
        { status: 401, statusText: 'Unauthorized' },
      );
    await page.fixture.whenStable();
    const alert = page.element.querySelector('[role="alert"]');
    expect(alert?.textContent?.trim()).toBe('账号或密码错误');
    expect(document.activeElement).toBe(alert);
    expect(page.element.querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).toBe(false);
  });

  it('says the network is down when the API cannot be reached', async () => {
    const page = await render();
    await page.type('identifier', '13812345678');
    await page.type('password', 'secret-123');
    await page.submit();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/v1/auth/applicants/login')
      .error(new ProgressEvent('error'), { status: 0 });
    await page.fixture.whenStable();
    expect(page.element.querySelector('[role="alert"]')?.textContent?.trim()).toBe('无法连接服务器，请检查网络后重试。');
  });
});

describe('normaliseLoginIdentifier', () => {
  it('upper-cases 18-character identifiers and trims', () => {
    expect(normaliseLoginIdentifier(' 51098119900307123x ')).toBe('51098119900307123X');
    expect(normaliseLoginIdentifier(' 13812345678 ')).toBe('13812345678');
  });
});
