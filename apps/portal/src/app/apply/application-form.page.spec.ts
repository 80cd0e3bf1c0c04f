import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CentreSummary } from '@zhengwu/shared/contracts';
import { applicationViewFixture, itemGuideFixture } from '@zhengwu/web/approval/data-access';
import { applicantTokenResponse, AUTH_CONFIG, AuthStore } from '@zhengwu/web/shared/auth';
import { provideI18nTesting } from '@zhengwu/web/shared/i18n';
import en from '../../../public/i18n/en.json';
import zh from '../../../public/i18n/zh-CN.json';
import { ApplicationFormPage, missingRequiredMaterials } from './application-form.page';

const centres: CentreSummary[] = [
  { code: '510000', name: '四川省政务服务中心', level: 'province', parentCode: null },
  { code: '510900', name: '遂宁市政务服务中心', level: 'city', parentCode: '510000' },
  { code: '510903', name: '船山区政务服务中心', level: 'county', parentCode: '510900' },
  { code: '510981', name: '射洪市政务服务中心', level: 'county', parentCode: '510900' },
];

describe('ApplicationFormPage', () => {
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
    // A resident of Chuanshan (510903).
    TestBed.inject(AuthStore).startApplicantSession(
      applicantTokenResponse({
        profile: { ...applicantTokenResponse().profile, name: '王网办', identityNumberMasked: '510903********1234' },
      }),
    );
  });

  async function render() {
    const fixture = TestBed.createComponent(ApplicationFormPage);
    fixture.componentRef.setInput('centreCode', '510900');
    fixture.componentRef.setInput('itemId', 'item-1');
    await fixture.whenStable();
    const backend = TestBed.inject(HttpTestingController);
    backend.expectOne('/api/v1/centres/510900/items/item-1').flush(itemGuideFixture());
    backend.expectOne('/api/v1/centres').flush(centres);
    for (const request of backend.match(() => true)) request.flush({});
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement, backend };
  }

  function fill(element: HTMLElement, selector: string, value: string): void {
    const input = element.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  it('defaults the originals check to the home county, lists the centres nearby, and saves a draft with the chosen one', async () => {
    const { fixture, element, backend } = await render();
    const page = fixture.componentInstance as unknown as { form: { controls: { verificationCentre: { value: string; setValue(v: string): void } } } };
    expect(page.form.controls.verificationCentre.value).toBe('510903');
    expect((element.querySelector<HTMLInputElement>('input[formcontrolname="contactName"]') as HTMLInputElement).value).toBe('王网办');

    fill(element, 'textarea[formcontrolname="description"]', '新开一家面馆');
    fill(element, 'input[formcontrolname="contactPhone"]', '13800138000');
    page.form.controls.verificationCentre.setValue('510981');
    (element.querySelector('button.portal-apply-continue') as HTMLButtonElement).click();
    (element.querySelector('button.portal-apply-continue') as HTMLButtonElement).click();
    await fixture.whenStable();
    const created = backend.match('/api/v1/centres/510900/applications');
    expect(created).toHaveLength(1);
    expect(created[0].request.body).toEqual({
      itemId: 'item-1',
      deliveryMode: 'electronic',
      formData: { description: '新开一家面馆', contactName: '王网办', contactPhone: '13800138000' },
      verificationCentre: '510981',
    });
  });

  it('defaults to the county a replaced division code became', async () => {
    const store = TestBed.inject(AuthStore);
    store.startApplicantSession(
      applicantTokenResponse({ profile: { ...applicantTokenResponse().profile, identityNumberMasked: '510922********1234' } }),
    );
    const fixture = TestBed.createComponent(ApplicationFormPage);
    fixture.componentRef.setInput('centreCode', '510900');
    fixture.componentRef.setInput('itemId', 'item-1');
    await fixture.whenStable();
    const backend = TestBed.inject(HttpTestingController);
    backend.expectOne('/api/v1/centres/510900/items/item-1').flush(itemGuideFixture());
    backend.expectOne('/api/v1/centres').flush(centres);
    backend.expectOne('/api/v1/divisions/510922').flush({
      code: '510922',
      name: '射洪县',
      level: 'county',
      parentCode: '510900',
      validFrom: '1980-01-01',
      validTo: '2019-07-01',
      successorCode: '510981',
      current: { code: '510981', name: '射洪市', level: 'county', parentCode: '510900' },
    });
    for (const request of backend.match(() => true)) request.flush({});
    await fixture.whenStable();
    const page = fixture.componentInstance as unknown as { form: { controls: { verificationCentre: { value: string } } } };
    expect(page.form.controls.verificationCentre.value).toBe('510981');
  });

  it('keeps the fields with their messages when something is missing', async () => {
    const { fixture, element, backend } = await render();
    (element.querySelector('button.portal-apply-continue') as HTMLButtonElement).click();
    await fixture.whenStable();
    backend.expectNone('/api/v1/centres/510900/applications');
    expect(element.querySelector('mat-error')?.textContent?.trim()).toBe('此项为必填项。');
  });

  it('submits a complete draft once, with an idempotency key, however often clicked', async () => {
    const { fixture, element, backend } = await render();
    fill(element, 'textarea[formcontrolname="description"]', '新开一家面馆');
    fill(element, 'input[formcontrolname="contactPhone"]', '13800138000');
    (element.querySelector('button.portal-apply-continue') as HTMLButtonElement).click();
    await fixture.whenStable();
    const complete = applicationViewFixture({ status: 10 as never, allowedActions: ['submit', 'withdraw'] });
    complete.materials[1] = { ...complete.materials[1], versions: complete.materials[0].versions };
    backend.expectOne('/api/v1/centres/510900/applications').flush(complete);
    await fixture.whenStable();

    const submit = element.querySelector('button.portal-apply-submit') as HTMLButtonElement;
    submit.click();
    submit.click();
    await fixture.whenStable();
    const requests = backend.match('/api/v1/centres/510900/applications/app-1/submit');
    expect(requests).toHaveLength(1);
    expect(requests[0].request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('missingRequiredMaterials', () => {
  it('names the required materials without an upload', () => {
    expect(missingRequiredMaterials(applicationViewFixture())).toEqual(['营业执照']);
  });
});
