import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideI18nTesting } from './i18n.testing';
import { Translatable } from './translatable';
import { TranslatableTextPipe } from './translatable-text.pipe';
import { UiLanguageService } from './ui-language.service';

@Component({
  imports: [TranslatableTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<p>{{ text() | zwText }}</p>',
})
class Host {
  readonly text = signal<Translatable>({ key: 'greeting', params: { name: '李雷' } });
}

describe('zwText', () => {
  it('renders keys and server messages in the active language, and follows switches', async () => {
    TestBed.configureTestingModule({
      providers: [provideI18nTesting({ 'zh-CN': { greeting: '你好，{{name}}' }, en: { greeting: 'Hello, {{name}}' } })],
    });
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const text = (): string => (fixture.nativeElement as HTMLElement).textContent?.trim() ?? '';
    expect(text()).toBe('你好，李雷');

    await TestBed.inject(UiLanguageService).use('en');
    await fixture.whenStable();
    expect(text()).toBe('Hello, 李雷');

    fixture.componentInstance.text.set({ localized: { zh: '账号或密码错误', en: 'Wrong account or password' } });
    await fixture.whenStable();
    expect(text()).toBe('Wrong account or password');
  });
});
