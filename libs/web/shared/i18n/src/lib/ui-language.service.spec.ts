import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { provideI18nTesting } from './i18n.testing';
import { UI_LANGUAGE_STORAGE_KEY } from './ui-language';
import { UiLanguageService } from './ui-language.service';

describe('UiLanguageService', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
  });

  function setUp(): { service: UiLanguageService; transloco: TranslocoService } {
    TestBed.configureTestingModule({
      providers: [provideI18nTesting({ 'zh-CN': { hello: '你好' }, en: { hello: 'Hello' } })],
    });
    return { service: TestBed.inject(UiLanguageService), transloco: TestBed.inject(TranslocoService) };
  }

  it('starts in zh-CN when nothing is remembered and sets <html lang>', async () => {
    const { service, transloco } = setUp();
    await service.init();
    expect(service.current()).toBe('zh-CN');
    expect(transloco.getActiveLang()).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('remembers the chosen language across page loads', async () => {
    const first = setUp();
    await first.service.use('en');
    expect(localStorage.getItem(UI_LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(first.transloco.translate('hello')).toBe('Hello');

    TestBed.resetTestingModule();
    document.documentElement.lang = '';
    const second = setUp();
    await second.service.init();
    expect(second.service.current()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('ignores a remembered value that is not a UI language', async () => {
    localStorage.setItem(UI_LANGUAGE_STORAGE_KEY, 'fr');
    const { service } = setUp();
    await service.init();
    expect(service.current()).toBe('zh-CN');
  });
});
