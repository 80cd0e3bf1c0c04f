import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApplicationStatus } from '@zhengwu/approval/domain';
import type { ApplicationView } from '@zhengwu/shared/contracts';
import { applicationViewFixture, LiveApplicationSignal, LiveApplicationStream, LiveStreamError } from '@zhengwu/web/approval/data-access';
import { applicantTokenResponse, AUTH_CONFIG, AuthStore } from '@zhengwu/web/shared/auth';
import { provideI18nTesting } from '@zhengwu/web/shared/i18n';
import { Subject } from 'rxjs';
import en from '../../../public/i18n/en.json';
import zh from '../../../public/i18n/zh-CN.json';
import { CasePage, fixedSince, openNotice } from './case.page';

const VIEW_URL = '/api/v1/centres/510900/applications/app-1';

/** A notice on YYZZ sent after the first upload of SQB. */
function returnedView(overrides: Partial<ApplicationView> = {}): ApplicationView {
  const base = applicationViewFixture();
  return {
    ...base,
    status: ApplicationStatus.Returned,
    statusLabel: { zh: '已退回，一次性告知补正', en: 'Returned with a one-time notice' },
    allowedActions: ['resubmit', 'withdraw'],
    notices: [
      {
        seq: 1,
        sentAt: '2026-11-27T02:00:00.000Z',
        defects: [{ materialCode: 'YYZZ', materialName: '营业执照', kind: 'illegible', explanation: '扫描件模糊。', sampleDocumentId: 'sample-yyzz' }],
      },
    ],
    ...overrides,
  };
}

describe('CasePage', () => {
  let live: Subject<LiveApplicationSignal>;

  beforeEach(() => {
    sessionStorage.clear();
    live = new Subject<LiveApplicationSignal>();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting({ 'zh-CN': zh, en }),
        { provide: AUTH_CONFIG, useValue: { kind: 'applicant', loginPath: '/login', homePath: '/me' } },
        { provide: LiveApplicationStream, useValue: { watch: () => live.asObservable() } },
      ],
    });
    TestBed.inject(AuthStore).startApplicantSession(applicantTokenResponse());
  });

  async function render(view: ApplicationView) {
    const fixture = TestBed.createComponent(CasePage);
    fixture.componentRef.setInput('centreCode', '510900');
    fixture.componentRef.setInput('applicationId', 'app-1');
    await fixture.whenStable();
    const backend = TestBed.inject(HttpTestingController);
    backend.expectOne(VIEW_URL).flush(view);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement, backend };
  }

  /** The reference data every page asks for once (directory, code tables) and the unread badge. */
  function answerBackground(backend: HttpTestingController): void {
    for (const request of backend.match((r) => r.url === '/api/v1/centres' || r.url.includes('code-tables') || r.url.includes('notifications'))) {
      request.flush(request.request.url === '/api/v1/centres' ? [] : request.request.url.includes('unread') ? { unread: 0 } : {});
    }
  }

  const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  it('reloads the case when the live stream says it changed, and after a reconnect that missed a version', async () => {
    const { fixture, element, backend } = await render(applicationViewFixture());
    answerBackground(backend);
    expect(text(element.querySelector('.portal-live'))).toBe('正在连接实时更新……');

    live.next({ type: 'ready', id: 'app-1', version: 3, status: ApplicationStatus.Submitted });
    await fixture.whenStable();
    expect(text(element.querySelector('.portal-live'))).toBe('进度实时更新中');
    backend.expectNone(VIEW_URL);

    live.next({ type: 'changed', id: 'app-1', seq: '42' });
    await fixture.whenStable();
    backend.expectOne(VIEW_URL).flush(returnedView({ version: 4 }));
    answerBackground(backend);
    await fixture.whenStable();
    expect(element.querySelector('.portal-notice h2')?.textContent?.trim()).toBe('一次性告知：请补正以下材料');

    live.next({ type: 'reconnecting', attempt: 1, delayMs: 1500 });
    await fixture.whenStable();
    expect(text(element.querySelector('.portal-live'))).toBe('实时更新已断开，2 秒后重新连接……');
    live.next({ type: 'ready', id: 'app-1', version: 5, status: ApplicationStatus.Submitted });
    await fixture.whenStable();
    backend.expectOne(VIEW_URL).flush(applicationViewFixture({ version: 5 }));
    await fixture.whenStable();
    expect(element.querySelector('.portal-notice')).toBeNull();
  });

  it('says so when live updates stop for good, and still reloads on demand', async () => {
    const { fixture, element, backend } = await render(applicationViewFixture());
    answerBackground(backend);
    live.error(new LiveStreamError(404, true));
    await fixture.whenStable();
    expect(text(element.querySelector('.portal-live'))).toContain('暂时无法实时更新进度。');
    (element.querySelector('.portal-live button') as HTMLButtonElement).click();
    backend.expectOne(VIEW_URL).flush(applicationViewFixture());
  });

  it('offers only the flagged materials for re-upload and resubmits once, with one idempotency key, however often clicked', async () => {
    const fixed = returnedView();
    fixed.materials[1] = {
      ...fixed.materials[1],
      versions: [{ version: 1, fileName: 'yyzz.pdf', mediaType: 'application/pdf', sizeBytes: 10, sha256: 'b'.repeat(64), uploadedAt: '2026-11-27T03:00:00.000Z', uploadedBy: 'applicant' }],
    };
    const { fixture, element, backend } = await render(fixed);
    answerBackground(backend);
    const notice = element.querySelector('.portal-notice') as HTMLElement;
    expect(Array.from(notice.querySelectorAll('article.portal-material')).map((a) => a.getAttribute('data-material-code'))).toEqual(['YYZZ']);
    expect(text(notice)).toContain('扫描件模糊。');
    expect(text(notice)).toContain('“营业执照”已重新上传');

    const resubmit = notice.querySelector<HTMLButtonElement>('button.portal-resubmit') as HTMLButtonElement;
    resubmit.click();
    resubmit.click();
    await fixture.whenStable();
    const requests = backend.match(`${VIEW_URL}/submit`);
    expect(requests).toHaveLength(1);
    const key = requests[0].request.headers.get('Idempotency-Key');
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    requests[0].flush(applicationViewFixture({ version: 4 }));
    await fixture.whenStable();
    expect(element.querySelector('.portal-notice')).toBeNull();
    expect(text(element.querySelector('[aria-live="polite"]'))).toBe('已重新提交，等待中心预审。');
  });

  it('will not resubmit before every flagged material was uploaded again', async () => {
    const { fixture, element, backend } = await render(returnedView());
    answerBackground(backend);
    expect(text(element.querySelector('.portal-notice'))).toContain('“营业执照”待补正');
    (element.querySelector('button.portal-resubmit') as HTMLButtonElement).click();
    await fixture.whenStable();
    backend.expectNone(`${VIEW_URL}/submit`);
    expect(text(element.querySelector('zw-form-error'))).toBe('请先重新上传所有需要补正的材料。');
  });
});

describe('openNotice and fixedSince', () => {
  it('find the notice to act on and whether a material was uploaded after it', () => {
    const view = returnedView();
    const notice = openNotice(view);
    expect(notice?.seq).toBe(1);
    expect(openNotice(applicationViewFixture({ notices: view.notices }))).toBeNull();
    if (!notice) return;
    expect(fixedSince(view.materials[0], notice)).toBe(false);
  });
});
