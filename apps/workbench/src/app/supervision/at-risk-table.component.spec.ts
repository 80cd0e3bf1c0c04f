import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AtRiskStepView } from '@zhengwu/shared/contracts';
import { provideI18nTesting, UiLanguageService } from '@zhengwu/web/shared/i18n';
import en from '../../../public/i18n/en.json';
import zh from '../../../public/i18n/zh-CN.json';
import { AtRiskTableComponent } from './at-risk-table.component';

const step: AtRiskStepView = {
  applicationId: 'app-7',
  caseNumber: '51090020261127010000017',
  itemName: '食品经营许可（新办）',
  stepSeq: 2,
  stepName: '审核',
  post: 'reviewer',
  holderName: null,
  due: '2026-12-07',
  probability: 0.62,
  band: 'high',
  elapsedWorkingDays: 1,
  limitWorkingDays: 6,
  queue: 4,
  basis: [{ scope: 'item_step_queue', samples: 6, breaches: 6, rate: 0.62 }],
  explanation: { zh: '预计超期概率 62%。', en: 'Estimated chance of breaching the limit: 62%.' },
};

describe('AtRiskTableComponent', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideI18nTesting({ 'zh-CN': zh, en })] });
  });

  async function render() {
    const fixture = TestBed.createComponent(AtRiskTableComponent);
    fixture.componentRef.setInput('steps', [step]);
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, row: (fixture.nativeElement as HTMLElement).querySelector('tbody tr') as HTMLTableRowElement };
  }

  it('shows the estimate, its band, the working days used and the model’s reason, with a link to the case', async () => {
    const { row } = await render();
    const cells = Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim());
    expect(row.className).toBe('wb-risk-high');
    expect(row.querySelector('strong')?.textContent).toBe('62%');
    expect(row.querySelectorAll('td')[1].querySelector('.wb-muted')?.textContent?.trim()).toBe('高');
    expect(cells[5]).toBe('2026-12-07 已用 1/6 个工作日，岗位排队 4 件');
    expect(cells[6]).toBe('预计超期概率 62%。');
    expect(row.querySelector('a')?.getAttribute('href')).toBe('/cases/app-7');
  });

  it('speaks English when the clerk switches', async () => {
    const { fixture, row } = await render();
    await TestBed.inject(UiLanguageService).use('en');
    await fixture.whenStable();
    fixture.detectChanges();
    expect(row.querySelectorAll('td')[6].textContent?.trim()).toBe('Estimated chance of breaching the limit: 62%.');
    expect(row.querySelectorAll('td')[1].querySelector('.wb-muted')?.textContent?.trim()).toBe('high');
  });
});
