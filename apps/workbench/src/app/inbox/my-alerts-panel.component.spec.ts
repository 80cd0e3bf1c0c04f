import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MyAlertView, SupervisionPage } from '@zhengwu/shared/contracts';
import { AuthStore } from '@zhengwu/web/shared/auth';
import { provideI18nTesting, UiLanguageService } from '@zhengwu/web/shared/i18n';
import { SupervisionApi } from '@zhengwu/web/workbench/data-access';
import { Subject } from 'rxjs';
import en from '../../../public/i18n/en.json';
import zh from '../../../public/i18n/zh-CN.json';
import { MY_ALERTS_SHOWN, MyAlertsPanelComponent } from './my-alerts-panel.component';

function alert(overrides: Partial<MyAlertView>): MyAlertView {
  return {
    id: 'alert-1',
    ruleId: 'step-overdue',
    level: 'red',
    subjectKind: 'step',
    applicationId: 'app-1',
    caseNumber: '51090020261128010000001',
    itemName: '食品经营许可（新办）',
    departmentName: '市场监督管理局',
    stepSeq: 2,
    stepName: '审核',
    post: 'reviewer',
    due: '2026-10-09',
    workingDays: 3,
    provisional: false,
    notify: ['handler', 'department_head', 'supervisor'],
    holderId: 'staff-1',
    holderName: '审核员戊',
    raisedAt: '2026-10-10T04:00:00.000Z',
    resolvedAt: null,
    reasons: ['handler'],
    ...overrides,
  };
}

const red = alert({ reasons: ['handler', 'department_head'] });
const yellow = alert({ id: 'alert-2', ruleId: 'step-due-soon', level: 'yellow', applicationId: 'app-2', caseNumber: '51090020261128010000002', due: '2026-10-14', workingDays: 1 });
const verification = alert({ id: 'alert-3', subjectKind: 'verification', applicationId: null, caseNumber: '51098120261128010000003', stepName: null, post: null, reasons: ['department_head'] });

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();
/** A cell's parts (text, link, lines) joined by a space: the template's whitespace is stripped between elements. */
const cellText = (cell: Element) =>
  Array.from(cell.childNodes)
    .filter((node) => node.nodeType === Node.TEXT_NODE || node.nodeType === Node.ELEMENT_NODE)
    .map((node) => node.textContent?.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(' ');

describe('MyAlertsPanelComponent', () => {
  let answers: Array<Subject<SupervisionPage<MyAlertView>>>;
  let asked: Array<{ centreCode: string; limit?: number }>;

  beforeEach(() => {
    answers = [];
    asked = [];
    const api: Pick<SupervisionApi, 'myAlerts'> = {
      myAlerts: (centreCode, query = {}) => {
        asked.push({ centreCode, limit: query.limit });
        const answer = new Subject<SupervisionPage<MyAlertView>>();
        answers.push(answer);
        return answer.asObservable();
      },
    };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideI18nTesting({ 'zh-CN': zh, en }),
        { provide: SupervisionApi, useValue: api },
        { provide: AuthStore, useValue: { staffProfile: signal({ centreCode: '510900', roles: ['reviewer'] }) } },
      ],
    });
  });

  async function settle(fixture: ComponentFixture<MyAlertsPanelComponent>) {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  async function answer(fixture: ComponentFixture<MyAlertsPanelComponent>, page: SupervisionPage<MyAlertView>, index = 0) {
    answers[index].next(page);
    answers[index].complete();
    await settle(fixture);
  }

  it("shows progress, then the caller's warnings: count, level, linked case, step, deadline and why each reached them", async () => {
    const fixture = TestBed.createComponent(MyAlertsPanelComponent);
    const root = fixture.nativeElement as HTMLElement;
    await settle(fixture);
    expect(asked).toEqual([{ centreCode: '510900', limit: MY_ALERTS_SHOWN }]);
    expect(root.querySelector('[data-testid="my-alerts-loading"]')).not.toBeNull();

    await answer(fixture, { items: [red, yellow, verification], total: 3 });
    expect(root.querySelector('[data-testid="my-alerts-loading"]')).toBeNull();
    expect(text(root.querySelector('h2'))).toBe('我的预警 （共 3 条）');
    const rows = Array.from(root.querySelectorAll('tbody tr'));
    expect(rows.map((row) => row.className)).toEqual(['wb-row-red', 'wb-row-yellow', 'wb-row-red']);
    const cells = (row: Element) => Array.from(row.querySelectorAll('td')).map(cellText);
    expect(cells(rows[0])).toEqual(['红牌', '51090020261128010000001 食品经营许可（新办）', '审核 审查人员', '2026-10-09 已超期 3 个工作日', '我经办 我负责的部门 市场监督管理局']);
    expect(rows[0].querySelector('a')?.getAttribute('href')).toBe('/cases/app-1');
    expect(cells(rows[1])[3]).toBe('2026-10-14 剩余 1 个工作日');
    expect(cells(rows[1])[4]).toBe('我经办 市场监督管理局');
    // An originals check for another centre has no case page here: the number, no link.
    expect(rows[2].querySelector('a')).toBeNull();
    expect(cells(rows[2]).slice(1, 3)).toEqual(['51098120261128010000003 食品经营许可（新办）', '原件核验']);
    expect(root.querySelector('[data-testid="my-alerts-showing"]')).toBeNull();
  });

  it('says when only the most urgent are listed', async () => {
    const fixture = TestBed.createComponent(MyAlertsPanelComponent);
    await settle(fixture);
    await answer(fixture, { items: [red, yellow], total: 45 });
    const root = fixture.nativeElement as HTMLElement;
    expect(text(root.querySelector('[data-testid="my-alerts-showing"]'))).toBe('按紧急程度显示前 2 条，共 45 条。');
  });

  it('shows an error with a retry, then an empty state, and refreshes on demand', async () => {
    const fixture = TestBed.createComponent(MyAlertsPanelComponent);
    const root = fixture.nativeElement as HTMLElement;
    await settle(fixture);
    answers[0].error(new HttpErrorResponse({ status: 0, url: '/api/v1/centres/510900/supervision/my-alerts' }));
    await settle(fixture);
    expect(text(root.querySelector('[data-testid="my-alerts-error"]'))).toContain('无法连接服务器');
    expect(root.querySelector('table')).toBeNull();

    (root.querySelector('[data-testid="my-alerts-retry"]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(asked).toHaveLength(2);
    expect(root.querySelector('[data-testid="my-alerts-error"]')).toBeNull();
    await answer(fixture, { items: [], total: 0 }, 1);
    expect(text(root.querySelector('[data-testid="my-alerts-empty"]'))).toBe('目前没有需要您关注的预警。');
    expect(text(root.querySelector('[data-testid="my-alerts-count"]'))).toBe('（共 0 条）');

    const refresh = root.querySelector('[data-testid="my-alerts-refresh"]') as HTMLButtonElement;
    expect(refresh.tagName).toBe('BUTTON');
    refresh.click();
    await settle(fixture);
    expect(asked).toHaveLength(3);
    // While a load runs the refresh is disabled: no second request is fired.
    expect(refresh.disabled).toBe(true);
    await answer(fixture, { items: [yellow], total: 1 }, 2);
    expect(root.querySelectorAll('tbody tr')).toHaveLength(1);
  });

  it('speaks English when the user switches', async () => {
    const fixture = TestBed.createComponent(MyAlertsPanelComponent);
    await settle(fixture);
    await answer(fixture, { items: [red], total: 1 });
    await TestBed.inject(UiLanguageService).use('en');
    await settle(fixture);
    const root = fixture.nativeElement as HTMLElement;
    expect(text(root.querySelector('h2'))).toBe('My warnings (1 in all)');
    const cells = Array.from(root.querySelectorAll('tbody td')).map(cellText);
    expect(cells[3]).toBe('2026-10-09 3 working days overdue');
    expect(cells[4]).toBe('You handle it Your department 市场监督管理局');
  });
});
