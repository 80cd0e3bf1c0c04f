import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { generateResidentIdNumber } from '@zhengwu/shared/util';
import { applicantTokenResponse } from '@zhengwu/web/shared/auth';
import { provideI18nTesting } from '@zhengwu/web/shared/i18n';
import en from '../../../public/i18n/en.json';
import zh from '../../../public/i18n/zh-CN.json';
import { NaturalPersonFormComponent } from './natural-person-form.component';

const validId = generateResidentIdNumber({ divisionCode: '510903', birthDate: '1985-12-01', sequence: 42 });

describe('NaturalPersonFormComponent', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideI18nTesting({ 'zh-CN': zh, en })],
    });
  });

  async function render() {
    const fixture = TestBed.createComponent(NaturalPersonFormComponent);
    const registered = jest.fn();
    fixture.componentInstance.registered.subscribe(registered);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const input = (name: string) => element.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`) as HTMLInputElement;
    const type = async (name: string, value: string) => {
      input(name).value = value;
      input(name).dispatchEvent(new Event('input'));
      input(name).dispatchEvent(new Event('blur'));
      await fixture.whenStable();
    };
    const errorOf = (name: string) => input(name).closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim() ?? null;
    const fill = async (overrides: Record<string, string> = {}) => {
      const values = { name: '王五', idNumber: validId, mobile: '13912345678', password: 'secret-123', passwordConfirm: 'secret-123', ...overrides };
      for (const [name, value] of Object.entries(values)) await type(name, value);
    };
    const submit = async () => {
      element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await fixture.whenStable();
    };
    return { fixture, element, input, type, errorOf, fill, submit, registered };
  }

  it('checks the ID number, the mobile number and the password confirmation as you type', async () => {
    const form = await render();
    await form.type('idNumber', validId.slice(0, 10));
    expect(form.errorOf('idNumber')).toBe('公民身份号码应为 18 位。');
    await form.type('mobile', '12345678901');
    expect(form.errorOf('mobile')).toBe('请输入 11 位中国大陆手机号码。');
    await form.type('password', 'short');
    expect(form.errorOf('password')).toBe('至少需要 8 个字符。');
    await form.type('password', 'secret-123');
    await form.type('passwordConfirm', 'secret-124');
    expect(form.errorOf('passwordConfirm')).toBe('两次输入的密码不一致。');
    await form.type('password', 'secret-124'); // changing the password re-checks the confirmation
    expect(form.errorOf('passwordConfirm')).toBeNull();
  });

  it('registers with normalised values', async () => {
    const form = await render();
    await form.fill({ name: ' 王五 ', idNumber: ` ${validId.toLowerCase()} ` });
    await form.submit();
    const request = TestBed.inject(HttpTestingController).expectOne('/api/v1/auth/applicants/register/natural-person');
    expect(request.request.body).toEqual({ name: '王五', idNumber: validId, mobile: '13912345678', password: 'secret-123' });
    request.flush(applicantTokenResponse(), { status: 201, statusText: 'Created' });
    expect(form.registered).toHaveBeenCalledWith(applicantTokenResponse());
  });

  it('puts VALIDATION_FAILED details on the fields and focuses the first one', async () => {
    const form = await render();
    await form.fill();
    await form.submit();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/v1/auth/applicants/register/natural-person')
      .flush(
        {
          code: 'VALIDATION_FAILED',
          message: { zh: '提交的内容有误', en: 'The request is invalid' },
          details: [{ property: 'mobile', constraints: { matches: 'mobile must be an 11-digit mainland mobile number' } }],
        },
        { status: 400, statusText: 'Bad Request' },
      );
    await form.fixture.whenStable();
    expect(form.element.querySelector('[role="alert"]')?.textContent?.trim()).toBe('提交的内容有误');
    expect(form.errorOf('mobile')).toBe('填写的内容格式不正确。');
    expect(document.activeElement).toBe(form.input('mobile'));

    await form.type('mobile', '13912345679'); // editing the field clears the server's complaint
    expect(form.errorOf('mobile')).toBeNull();
  });

  it('shows an already-registered conflict and focuses the message', async () => {
    const form = await render();
    await form.fill();
    await form.submit();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/v1/auth/applicants/register/natural-person')
      .flush(
        { code: 'APPLICANT_ALREADY_REGISTERED', message: { zh: '该证件号码已注册', en: 'This ID number is already registered' } },
        { status: 409, statusText: 'Conflict' },
      );
    await form.fixture.whenStable();
    const alert = form.element.querySelector('[role="alert"]');
    expect(alert?.textContent?.trim()).toBe('该证件号码已注册');
    expect(document.activeElement).toBe(alert);
    expect(form.registered).not.toHaveBeenCalled();
  });
});
