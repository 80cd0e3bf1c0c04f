import { TestBed } from '@angular/core/testing';
import { provideI18nTesting } from './i18n.testing';
import { formatLocalDate, LocalDatePipe, LocalizedTextPipe } from './local-date.pipe';
import { UiLanguageService } from './ui-language.service';

describe('formatLocalDate', () => {
  it('shows instants in China time', () => {
    // 16:30 UTC on 30 September is already 1 October in China.
    expect(formatLocalDate('2026-09-30T16:30:00.000Z', 'zh-CN', 'date')).toBe('2026年10月1日');
    // ICU puts a narrow no-break space before AM/PM.
    expect(formatLocalDate('2026-09-30T16:30:00.000Z', 'en', 'dateTime').replace(/\s/g, ' ')).toBe('Oct 1, 2026, 12:30 AM');
  });

  it('never shifts a civil date, and passes through what it cannot read', () => {
    expect(formatLocalDate('2026-12-11', 'zh-CN')).toBe('2026年12月11日');
    expect(formatLocalDate('2026-12-11', 'en')).toBe('Dec 11, 2026');
    expect(formatLocalDate(null, 'en')).toBe('');
    expect(formatLocalDate('soon', 'en')).toBe('soon');
  });
});

describe('LocalDatePipe and LocalizedTextPipe', () => {
  it('follow the active language', async () => {
    TestBed.configureTestingModule({ providers: [provideI18nTesting()] });
    const date = TestBed.runInInjectionContext(() => new LocalDatePipe());
    const text = TestBed.runInInjectionContext(() => new LocalizedTextPipe());
    expect(date.transform('2026-12-11')).toBe('2026年12月11日');
    expect(text.transform({ zh: '已受理', en: 'Accepted' })).toBe('已受理');
    await TestBed.inject(UiLanguageService).use('en');
    expect(date.transform('2026-12-11')).toBe('Dec 11, 2026');
    expect(text.transform({ zh: '已受理', en: 'Accepted' })).toBe('Accepted');
  });
});
