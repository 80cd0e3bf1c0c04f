import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Router, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { provideI18nTesting } from './i18n.testing';
import { TranslatedTitleStrategy } from './translated-title.strategy';

@Component({ template: '' })
class EmptyPage {}

describe('TranslatedTitleStrategy', () => {
  it('translates the route title key, appends the app name and follows language switches', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideI18nTesting({
          'zh-CN': { app: { title: '政务大厅' }, login: { title: '登录' } },
          en: { app: { title: 'Zhengwu Hall' }, login: { title: 'Log in' } },
        }),
        provideRouter([{ path: 'login', component: EmptyPage, title: 'login.title' }]),
        { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
      ],
    });
    await TestBed.inject(Router).navigateByUrl('/login');
    const title = TestBed.inject(Title);
    expect(title.getTitle()).toBe('登录 - 政务大厅');

    TestBed.inject(TranslocoService).setActiveLang('en');
    expect(title.getTitle()).toBe('Log in - Zhengwu Hall');
  });
});
