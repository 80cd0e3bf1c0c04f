import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ApplicationView } from '@zhengwu/shared/contracts';
import { applicationViewFixture } from '@zhengwu/web/approval/data-access';
import { provideI18nTesting } from '@zhengwu/web/shared/i18n';
import en from '../../../public/i18n/en.json';
import zh from '../../../public/i18n/zh-CN.json';
import { MaterialUploadComponent } from './material-upload.component';

const PDF_HEAD = [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34];
const UPLOAD_URL = '/api/v1/centres/510900/applications/app-1/materials/YYZZ';

describe('MaterialUploadComponent', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideI18nTesting({ 'zh-CN': zh, en })] });
  });

  async function render() {
    const view = applicationViewFixture();
    const fixture = TestBed.createComponent(MaterialUploadComponent);
    fixture.componentRef.setInput('centreCode', '510900');
    fixture.componentRef.setInput('applicationId', 'app-1');
    fixture.componentRef.setInput('material', view.materials[1]);
    const uploaded: ApplicationView[] = [];
    fixture.componentInstance.uploaded.subscribe((next) => uploaded.push(next));
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement, uploaded, backend: TestBed.inject(HttpTestingController) };
  }

  function choose(element: HTMLElement, file: File): void {
    const input = element.querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
  }

  /** The file check reads the first bytes asynchronously (FileReader in jsdom). */
  async function settle(fixture: { whenStable(): Promise<unknown> }, until: () => boolean): Promise<void> {
    for (let i = 0; i < 50 && !until(); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      await fixture.whenStable();
    }
  }

  const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  it('checks the file, then shows the upload progress and hands the new view over', async () => {
    const { fixture, element, uploaded, backend } = await render();
    choose(element, new File([new Uint8Array([...PDF_HEAD, 0x0a])], '营业执照.pdf', { type: 'application/pdf' }));
    // The request goes out when the progress bar appears (`match` would consume it).
    await settle(fixture, () => !!element.querySelector('mat-progress-bar'));
    const request = backend.expectOne(UPLOAD_URL);
    request.event({ type: HttpEventType.UploadProgress, loaded: 300, total: 1000 });
    await fixture.whenStable();
    const bar = element.querySelector('mat-progress-bar');
    expect(bar?.getAttribute('aria-label')).toBe('“营业执照”上传进度');
    expect(bar?.getAttribute('aria-valuenow')).toBe('30');
    expect(text(element)).toContain('已上传 30%');
    expect(element.querySelector('button[disabled]')).not.toBeNull();

    const next = applicationViewFixture({ version: 4 });
    request.flush(next);
    await fixture.whenStable();
    expect(uploaded).toEqual([next]);
    expect(element.querySelector('mat-progress-bar')).toBeNull();
    expect(text(element.querySelector('[aria-live="polite"]'))).toBe('“营业执照”已上传：营业执照.pdf。');
  });

  it('refuses a file of the wrong type or size before sending anything', async () => {
    const { fixture, element, backend } = await render();
    choose(element, new File(['hello'], 'notes.pdf', { type: 'application/pdf' }));
    await settle(fixture, () => !!element.querySelector('[role="alert"]'));
    expect(text(element.querySelector('[role="alert"]'))).toBe('只能上传 PDF、OFD、JPEG 或 PNG 文件（按文件内容判断，不看扩展名）。');

    const huge = new File([new Uint8Array(PDF_HEAD)], 'big.pdf', { type: 'application/pdf' });
    Object.defineProperty(huge, 'size', { value: 21 * 1024 * 1024 });
    choose(element, huge);
    await settle(fixture, () => text(element.querySelector('[role="alert"]')).includes('超过'));
    expect(text(element.querySelector('[role="alert"]'))).toMatch(/^文件大小为 21(\.0)? MB，超过了 20(\.0)? MB 的限制/);
    backend.expectNone(UPLOAD_URL);
  });

  it("shows the server's own message when it refuses the upload", async () => {
    const { fixture, element, uploaded, backend } = await render();
    choose(element, new File([new Uint8Array(PDF_HEAD)], '营业执照.pdf', { type: 'application/pdf' }));
    await settle(fixture, () => !!element.querySelector('mat-progress-bar'));
    backend.expectOne(UPLOAD_URL).flush(
      { code: 'UPLOAD_TYPE_NOT_ALLOWED', message: { zh: '文件内容不是允许的格式。', en: 'The file content is not an allowed format.' } },
      { status: 415, statusText: 'Unsupported Media Type' },
    );
    await fixture.whenStable();
    expect(text(element.querySelector('[role="alert"]'))).toBe('文件内容不是允许的格式。');
    expect(uploaded).toEqual([]);
  });
});
