import { TestBed } from '@angular/core/testing';
import type { TimelineEntry } from '@zhengwu/shared/contracts';
import { provideI18nTesting } from '@zhengwu/web/shared/i18n';
import en from '../../../public/i18n/en.json';
import zh from '../../../public/i18n/zh-CN.json';
import { CaseTimelineComponent, stepState } from './case-timeline.component';

function step(overrides: Partial<TimelineEntry>): TimelineEntry {
  return {
    seq: 1,
    position: 1,
    code: 'SL',
    name: '受理',
    post: 'window_clerk',
    handler: '李**',
    startedAt: '2026-11-27T01:00:00.000Z',
    due: '2026-11-27',
    dueProvisional: false,
    finishedAt: '2026-11-27T02:00:00.000Z',
    outcome: 'passed',
    rated: false,
    ...overrides,
  };
}

describe('CaseTimelineComponent', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideI18nTesting({ 'zh-CN': zh, en })] });
  });

  async function render(timeline: TimelineEntry[], rateable = true) {
    const fixture = TestBed.createComponent(CaseTimelineComponent);
    fixture.componentRef.setInput('timeline', timeline);
    fixture.componentRef.setInput('rateable', rateable);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  it('shows each step in order with its post, masked handler, dates and outcome', async () => {
    const { element } = await render([
      step({ seq: 2, position: 2, code: 'SH', name: '审核', post: 'reviewer', handler: null, finishedAt: null, outcome: null, due: '2026-12-04' }),
      step({ seq: 1 }),
    ]);
    const steps = Array.from(element.querySelectorAll('li.portal-timeline-step'));
    expect(steps.map((li) => li.querySelector('h3')?.textContent?.trim())).toEqual(['受理', '审核']);

    const [first, second] = steps;
    expect(first.classList).toContain('portal-timeline-done');
    expect(text(first)).toContain('窗口受理');
    expect(text(first.querySelector('.portal-timeline-handler'))).toBe('李**');
    expect(text(first.querySelector('.portal-timeline-outcome'))).toBe('通过');
    expect(text(first)).toContain('2026年11月27日');

    expect(second.classList).toContain('portal-timeline-current');
    expect(text(second)).toContain('办理中');
    expect(text(second.querySelector('.portal-timeline-handler'))).toBe('待分配');
    expect(text(second)).toContain('尚未完成');
    expect(text(second.querySelector('.portal-timeline-due'))).toBe('2026年12月4日');
  });

  it('marks a provisional due date and explains it', async () => {
    const { element } = await render([step({ due: '2027-01-05', dueProvisional: true, finishedAt: null, outcome: null })]);
    const marker = element.querySelector('.portal-provisional');
    expect(marker?.textContent?.trim()).toBe('暂定');
    expect(marker?.getAttribute('title')).toContain('法定节假日安排尚未公布');
  });

  it('offers a rating for finished steps not yet rated, and says so for rated ones', async () => {
    const { fixture, element } = await render([
      step({ seq: 1, rated: true }),
      step({ seq: 2, name: '审核', rated: false }),
      step({ seq: 3, name: '审批', finishedAt: null, outcome: null }),
    ]);
    const rated: TimelineEntry[] = [];
    fixture.componentInstance.rate.subscribe((entry) => rated.push(entry));
    const buttons = Array.from(element.querySelectorAll<HTMLButtonElement>('button'));
    expect(buttons.map((button) => button.getAttribute('aria-label'))).toEqual(['评价环节“审核”']);
    expect(text(element)).toContain('您已评价此环节。');
    buttons[0].click();
    expect(rated.map((entry) => entry.seq)).toEqual([2]);
  });

  it('offers no rating where the page does not allow it, and says when there are no steps yet', async () => {
    const { element } = await render([step({})], false);
    expect(element.querySelectorAll('button')).toHaveLength(0);
    const empty = await render([]);
    expect(text(empty.element)).toBe('受理后这里会显示每个办理环节。');
  });

  it('tells ended steps from finished ones', () => {
    expect(stepState(step({ outcome: 'terminated' }))).toBe('ended');
    expect(stepState(step({ outcome: 'returned' }))).toBe('done');
    expect(stepState(step({ finishedAt: null, outcome: null }))).toBe('current');
  });
});
