import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { RollupNodeView, RollupOpenWorkView, RollupStatisticsView, RollupCatalogueView, SupervisionRollupView } from '@zhengwu/shared/contracts';
import { AuthStore } from '@zhengwu/web/shared/auth';
import { provideI18nTesting, UiLanguageService } from '@zhengwu/web/shared/i18n';
import { Subject } from 'rxjs';
import en from '../../../public/i18n/en.json';
import zh from '../../../public/i18n/zh-CN.json';
import { RollupTreeComponent, snapshotAge } from './rollup-tree.component';
import { SupervisionRollupApi } from './supervision-rollup.api';
import { SupervisionRollupPage } from './supervision-rollup.page';

const HOUR = 3_600_000;

const work = (open: number, yellow: number, red: number): RollupOpenWorkView => ({ open, normal: open - yellow - red, yellow, red, overdueAlerts: red, dueSoonAlerts: yellow });

function stats(received: number, completed: number, completedOnTime: number): RollupStatisticsView {
  return {
    received,
    accepted: received,
    completed,
    completedOnTime,
    overdueCompleted: completed - completedOnTime,
    handlingWorkingDays: completed * 2,
    immediateReceived: 0,
    ratings: 0,
    caseRatings: 0,
    satisfiedRatings: 0,
    badReviews: 0,
    badReviewsRectified: 0,
    badReviewsInvalid: 0,
    onTimeRate: completed ? completedOnTime / completed : null,
    averageHandlingWorkingDays: completed ? 2 : null,
    immediateShare: received ? 0 : null,
    ratingRate: null,
    satisfactionRate: null,
    rectificationRate: null,
  };
}

const catalogue = (items: number): RollupCatalogueView => ({
  items,
  onlineApplicableItems: items,
  fullyOnlineItems: 0,
  immediateItems: 0,
  limitComparableItems: 0,
  limitCompressionSum: 0,
  onlineApplicableShare: items ? 1 : null,
  fullyOnlineShare: items ? 0 : null,
  immediateItemShare: items ? 0 : null,
  limitCompression: null,
});

type Figures = { work: RollupOpenWorkView; stats: RollupStatisticsView; items: number };

/** A node whose subtree sums are what the server computes: its own figures plus its children's subtrees. */
function node(
  code: string,
  name: string,
  level: RollupNodeView['level'],
  own: Figures | null,
  extra: { missing?: boolean; ageMs?: number | null; children?: RollupNodeView[] } = {},
): RollupNodeView {
  const children = extra.children ?? [];
  const sum = (pick: (n: Figures) => number, below: (t: RollupNodeView['subtree']) => number) => (own ? pick(own) : 0) + children.reduce((s, c) => s + below(c.subtree), 0);
  const open = sum((f) => f.work.open, (t) => t.openWork.open);
  const yellow = sum((f) => f.work.yellow, (t) => t.openWork.yellow);
  const red = sum((f) => f.work.red, (t) => t.openWork.red);
  const received = sum((f) => f.stats.received, (t) => t.statistics.received);
  const completed = sum((f) => f.stats.completed, (t) => t.statistics.completed);
  const onTime = sum((f) => f.stats.completedOnTime, (t) => t.statistics.completedOnTime);
  const items = sum((f) => f.items, (t) => t.catalogue.items);
  const ageMs = extra.ageMs === undefined ? (own ? 0.25 * HOUR : null) : extra.ageMs;
  const snapshotAt = ageMs === null ? null : new Date(Date.parse('2026-11-27T08:00:00Z') - ageMs).toISOString();
  return {
    code,
    name,
    level,
    parentCode: null,
    snapshotAt,
    receivedAt: snapshotAt,
    missing: extra.missing ?? false,
    ageMs,
    periodFrom: own ? '2026-11-01' : null,
    periodTo: own ? '2026-11-27' : null,
    lastSweptAt: null,
    openWork: own?.work ?? null,
    statistics: own?.stats ?? null,
    catalogue: own ? catalogue(own.items) : null,
    subtree: {
      centres: 1 + children.reduce((s, c) => s + c.subtree.centres, 0),
      missing: (extra.missing ? 1 : 0) + children.reduce((s, c) => s + c.subtree.missing, 0),
      openWork: work(open, yellow, red),
      statistics: stats(received, completed, onTime),
      catalogue: catalogue(items),
    },
    children,
  };
}

/** The province; 遂宁 has one county reporting, one whose snapshot is 3 hours old, one never heard from. */
function provinceView(): SupervisionRollupView {
  const chuanshan = node('510903', '船山区', 'county', { work: work(4, 1, 1), stats: stats(10, 8, 6), items: 100 });
  const anju = node('510904', '安居区', 'county', { work: work(2, 0, 2), stats: stats(5, 4, 4), items: 80 }, { missing: true, ageMs: 3 * HOUR });
  const shehong = node('510981', '射洪市', 'county', null, { missing: true, ageMs: null });
  const suining = node('510900', '遂宁市', 'city', { work: work(3, 1, 0), stats: stats(6, 5, 5), items: 120 }, { children: [chuanshan, anju, shehong] });
  const neijiang = node('511000', '内江市', 'city', { work: work(1, 0, 0), stats: stats(2, 2, 2), items: 90 });
  const province = node('510000', '四川省', 'province', { work: work(0, 0, 0), stats: stats(1, 0, 0), items: 300 }, { ageMs: 0, children: [suining, neijiang] });
  return { centreCode: '510000', asOf: '2026-11-27T08:00:00.000Z', intervalMs: 5 * 60_000, graceFactor: 3, root: province, missing: ['510904', '510981'] };
}

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();

describe('RollupTreeComponent', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideI18nTesting({ 'zh-CN': zh, en })] });
  });

  async function render(): Promise<{ fixture: ComponentFixture<RollupTreeComponent>; root: HTMLElement }> {
    const fixture = TestBed.createComponent(RollupTreeComponent);
    fixture.componentRef.setInput('view', provinceView());
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, root: fixture.nativeElement as HTMLElement };
  }

  const codes = (root: HTMLElement) => Array.from(root.querySelectorAll('tbody tr')).map((row) => row.getAttribute('data-code'));
  const row = (root: HTMLElement, code: string) => root.querySelector(`tr[data-code="${code}"]`) as HTMLTableRowElement;
  const cell = (root: HTMLElement, code: string, field: string, part: 'own' | 'sum') => text(row(root, code).querySelector(`[data-field="${field}"] [data-testid="${part}"]`));
  const toggle = (root: HTMLElement, code: string) => row(root, code).querySelector('button') as HTMLButtonElement;

  async function key(fixture: ComponentFixture<RollupTreeComponent>, button: HTMLButtonElement, name: string) {
    button.focus();
    button.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
    button.dispatchEvent(new KeyboardEvent('keyup', { key: name, bubbles: true }));
    await fixture.whenStable();
    fixture.detectChanges();
  }

  it('opens on the root: the province sees its cities, with their own figures and the sums over their counties', async () => {
    const { root } = await render();
    expect(codes(root)).toEqual(['510000', '510900', '511000']);
    // 遂宁 itself has 0 red and 1 yellow; with 船山 (1 red, 1 yellow) and the stale 安居 (2 red) the subtree has 3 red, 2 yellow.
    expect(cell(root, '510900', 'openWork.red', 'own')).toBe('0');
    expect(cell(root, '510900', 'openWork.red', 'sum')).toBe('合计 3');
    expect(cell(root, '510900', 'openWork.yellow', 'sum')).toBe('合计 2');
    expect(cell(root, '510900', 'openWork.open', 'sum')).toBe('合计 9');
    expect(cell(root, '510900', 'statistics.received', 'sum')).toBe('合计 21');
    // On-time rate recomputed from the sums: (5 + 6 + 4) / (5 + 8 + 4) = 88.2%.
    expect(cell(root, '510900', 'statistics.onTimeRate', 'sum')).toBe('合计 88.2%');
    // The province's total covers every centre; a centre without centres beneath it has no total.
    expect(cell(root, '510000', 'openWork.red', 'sum')).toBe('合计 3');
    expect(cell(root, '511000', 'openWork.red', 'sum')).toBeUndefined();
    expect(row(root, '510900').querySelector('[data-field="openWork.red"]')?.classList).toContain('wb-tone-red');
    expect(text(row(root, '510900').querySelector('[data-testid="missing-below"]'))).toBe('下辖 2 个中心未上报');
    expect(text(row(root, '510000').querySelector('[data-testid="missing-below"]'))).toBe('下辖 2 个中心未上报');
    expect(text(row(root, '510900').querySelector('[data-testid="subtree-centres"]'))).toBe('共 4 个中心');
    expect(text(row(root, '510900').querySelectorAll('td')[0])).toBe('市级');
    expect(root.querySelector('[data-testid="missing-flag"]')).toBeNull();
  });

  it('expands and collapses a city from the keyboard, and flags the counties that stopped reporting with how long ago', async () => {
    const { fixture, root } = await render();
    const city = toggle(root, '510900');
    // A native button in the tab order, named by the centre, telling its state.
    expect(city.tagName).toBe('BUTTON');
    expect(city.getAttribute('type')).toBe('button');
    expect(city.hasAttribute('tabindex')).toBe(false);
    expect(text(city)).toBe('▸遂宁市');
    expect(city.getAttribute('aria-expanded')).toBe('false');
    // Leaves get no button (nothing to open).
    expect(toggle(root, '511000')).toBeNull();

    await key(fixture, city, 'Enter');
    expect(toggle(root, '510900').getAttribute('aria-expanded')).toBe('true');
    expect(codes(root)).toEqual(['510000', '510900', '510903', '510904', '510981', '511000']);

    const stale = row(root, '510904');
    expect(stale.classList).toContain('wb-rollup-missing');
    expect(text(stale.querySelector('[data-testid="missing-flag"]'))).toBe('未上报');
    expect(text(stale.querySelector('[data-testid="missing-age"]'))).toBe('已 3 小时未上报');
    expect(text(stale.querySelector('[data-testid="last-report"]'))).toBe('2026-11-27 13:00');
    const never = row(root, '510981');
    expect(text(never.querySelector('[data-testid="missing-flag"]'))).toBe('未上报');
    expect(text(never.querySelector('[data-testid="missing-age"]'))).toBe('从未收到快照');
    expect(cell(root, '510981', 'openWork.red', 'own')).toBe('—');
    const fresh = row(root, '510903');
    expect(fresh.querySelector('[data-testid="missing-flag"]')).toBeNull();
    expect(text(fresh.querySelector('[data-testid="last-report"]'))).toBe('2026-11-27 15:45 15 分钟前');

    // A click the browser derives from that Enter must not undo it; a later click toggles.
    toggle(root, '510900').click();
    fixture.detectChanges();
    expect(toggle(root, '510900').getAttribute('aria-expanded')).toBe('true');
    await new Promise((resolve) => setTimeout(resolve));

    await key(fixture, toggle(root, '510900'), ' ');
    expect(toggle(root, '510900').getAttribute('aria-expanded')).toBe('false');
    expect(codes(root)).toEqual(['510000', '510900', '511000']);

    await key(fixture, toggle(root, '510900'), 'ArrowRight');
    expect(codes(root)).toContain('510904');
    await key(fixture, toggle(root, '510900'), 'ArrowLeft');
    expect(codes(root)).not.toContain('510904');

    await key(fixture, toggle(root, '510000'), 'Enter');
    expect(codes(root)).toEqual(['510000']);
    (root.querySelector('[data-testid="expand-all"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(codes(root)).toEqual(['510000', '510900', '510903', '510904', '510981', '511000']);
  });

  it('speaks English when the clerk switches', async () => {
    const { fixture, root } = await render();
    await TestBed.inject(UiLanguageService).use('en');
    await key(fixture, toggle(root, '510900'), 'Enter');
    expect(text(row(root, '510904').querySelector('[data-testid="missing-flag"]'))).toBe('Not reported');
    expect(text(row(root, '510904').querySelector('[data-testid="missing-age"]'))).toBe('no snapshot for 3 h');
    expect(cell(root, '510900', 'openWork.red', 'sum')).toBe('Total 3');
    expect(text(row(root, '510900').querySelectorAll('td')[0])).toBe('City');
  });

  it('words a snapshot’s age in minutes, hours, then days', () => {
    expect(snapshotAge(10_000)).toEqual({ key: 'supervision.rollup.age.minutes', params: { n: 1 } });
    expect(snapshotAge(59 * 60_000)).toEqual({ key: 'supervision.rollup.age.minutes', params: { n: 59 } });
    expect(snapshotAge(47 * HOUR)).toEqual({ key: 'supervision.rollup.age.hours', params: { n: 47 } });
    expect(snapshotAge(50 * HOUR)).toEqual({ key: 'supervision.rollup.age.days', params: { n: 2 } });
  });
});

describe('SupervisionRollupPage', () => {
  let answers: Array<Subject<SupervisionRollupView>>;
  let asked: string[];

  beforeEach(() => {
    answers = [];
    asked = [];
    const api: Pick<SupervisionRollupApi, 'rollup'> = {
      rollup: (centreCode: string) => {
        asked.push(centreCode);
        const answer = new Subject<SupervisionRollupView>();
        answers.push(answer);
        return answer.asObservable();
      },
    };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideI18nTesting({ 'zh-CN': zh, en }),
        { provide: SupervisionRollupApi, useValue: api },
        { provide: AuthStore, useValue: { staffProfile: signal({ centreCode: '510000', roles: ['supervisor'] }) } },
      ],
    });
  });

  async function settle(fixture: ComponentFixture<SupervisionRollupPage>) {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  it('shows progress while the roll-up loads, an error with a retry when it fails, then the tree and the missing centres', async () => {
    const fixture = TestBed.createComponent(SupervisionRollupPage);
    const root = fixture.nativeElement as HTMLElement;
    await settle(fixture);
    expect(asked).toEqual(['510000']);
    expect(root.querySelector('[data-testid="rollup-loading"]')).not.toBeNull();

    answers[0].error(new HttpErrorResponse({ status: 0, url: '/api/v1/centres/510000/supervision/rollup' }));
    await settle(fixture);
    expect(root.querySelector('[data-testid="rollup-loading"]')).toBeNull();
    expect(text(root.querySelector('[data-testid="rollup-error"]'))).toContain('无法连接服务器');
    expect(root.querySelector('wb-rollup-tree')).toBeNull();

    (root.querySelector('[data-testid="rollup-retry"]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(asked).toEqual(['510000', '510000']);
    expect(root.querySelector('[data-testid="rollup-error"]')).toBeNull();
    expect(root.querySelector('[data-testid="rollup-loading"]')).not.toBeNull();

    answers[1].next(provinceView());
    answers[1].complete();
    await settle(fixture);
    expect(root.querySelector('[data-testid="rollup-loading"]')).toBeNull();
    const summary = root.querySelector('[data-testid="rollup-missing-summary"]');
    expect(text(summary)).toMatch(/^2 个中心未按时上报：/);
    expect(Array.from(summary?.querySelectorAll('li') ?? []).map(text)).toEqual(['安居区 · 510904', '射洪市 · 510981']);
    expect(text(root.querySelector('[data-testid="rollup-as-of"]'))).toBe('汇总时间 2026-11-27 16:00 · 超过 15 分钟未收到快照即视为未上报');
    expect(root.querySelectorAll('wb-rollup-tree tbody tr')).toHaveLength(3);
  });
});
