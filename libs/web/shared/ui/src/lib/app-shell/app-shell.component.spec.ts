import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideI18nTesting, UiLanguageService } from '@zhengwu/web/shared/i18n';
import { AppShellComponent } from './app-shell.component';

@Component({
  imports: [AppShellComponent],
  template: `
    <zw-app-shell appTitle="政务大厅" [userName]="userName()" (logout)="loggedOut = true">
      <a zwShellNav href="/x">nav</a>
      <h1>page</h1>
    </zw-app-shell>
  `,
})
class Host {
  readonly userName = signal<string | null>(null);
  loggedOut = false;
}

describe('AppShellComponent', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideI18nTesting()] });
  });

  async function render() {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('has a skip link that focuses the main landmark holding the page', async () => {
    const { element } = await render();
    const skip = element.querySelector<HTMLAnchorElement>('a.zw-skip-link');
    expect(skip?.textContent?.trim()).toBe('跳到主要内容');
    skip?.click();
    const main = element.querySelector('main');
    expect(document.activeElement).toBe(main);
    expect(main?.querySelector('h1')?.textContent).toBe('page');
    expect(element.querySelector('nav a')?.textContent).toBe('nav');
  });

  it('shows the user menu only when someone is logged in, and emits logout', async () => {
    const { fixture, element } = await render();
    expect(element.querySelector('.zw-user-button')).toBeNull();

    fixture.componentInstance.userName.set('张三');
    await fixture.whenStable();
    const userButton = element.querySelector<HTMLButtonElement>('.zw-user-button');
    expect(userButton?.getAttribute('aria-label')).toBe('张三的账号菜单');
    userButton?.click();
    await fixture.whenStable();
    const logout = Array.from(document.querySelectorAll<HTMLButtonElement>('[mat-menu-item]')).find(
      (item) => item.textContent?.trim() === '退出登录',
    );
    logout?.click();
    expect(fixture.componentInstance.loggedOut).toBe(true);
  });

  it('switches the language from the toolbar', async () => {
    const { fixture, element } = await render();
    const english = Array.from(element.querySelectorAll<HTMLButtonElement>('.zw-language-switch button')).find(
      (button) => button.textContent?.trim() === 'English',
    );
    english?.click();
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(TestBed.inject(UiLanguageService).current()).toBe('en');
    expect(element.querySelector('a.zw-skip-link')?.textContent?.trim()).toBe('Skip to main content');
    expect(document.documentElement.lang).toBe('en');
  });
});
