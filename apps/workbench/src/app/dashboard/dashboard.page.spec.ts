import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { StaffRole } from '@zhengwu/shared/contracts';
import { AUTH_CONFIG, AuthStore, staffTokenResponse } from '@zhengwu/web/shared/auth';
import { provideI18nTesting } from '@zhengwu/web/shared/i18n';
import en from '../../../public/i18n/en.json';
import zh from '../../../public/i18n/zh-CN.json';
import { DashboardPage } from './dashboard.page';

describe('DashboardPage', () => {
  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideRouter([]),
        provideHttpClientTesting(),
        provideI18nTesting({ 'zh-CN': zh, en }),
        { provide: AUTH_CONFIG, useValue: { kind: 'staff', loginPath: '/login', homePath: '/' } },
      ],
    });
  });

  it('greets the user, names the centre and shows a card per post held', async () => {
    const response = staffTokenResponse();
    TestBed.inject(AuthStore).startStaffSession({
      ...response,
      profile: { ...response.profile, roles: [StaffRole.Supervisor, StaffRole.WindowClerk] },
    });
    const fixture = TestBed.createComponent(DashboardPage);
    await fixture.whenStable();
    const backend = TestBed.inject(HttpTestingController);
    backend.expectOne('/api/v1/centres').flush([{ code: '510900', name: '遂宁市', level: 'city', parentCode: '510000' }]);
    backend.expectOne('/api/v1/auth/me').flush({ ...response.profile, roles: [StaffRole.Supervisor, StaffRole.WindowClerk] });
    // A window clerk's home carries the inbox: its item filter and first page.
    backend.expectOne((request) => request.url.endsWith('/items')).flush({ items: [], total: 0, page: 1, pageSize: 100 });
    backend.expectOne((request) => request.url.endsWith('/inbox')).flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await fixture.whenStable();

    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('李四，您好');
    expect(element.textContent).toContain('所在中心：遂宁市（510900）');
    expect(element.querySelector('#inbox-heading')?.textContent?.trim()).toBe('待办事项');
    expect(element.textContent).toContain('没有符合条件的办件。');
    expect(Array.from(element.querySelectorAll('mat-chip')).map((chip) => chip.textContent?.trim())).toEqual(['窗口人员', '监督人员']);
    expect(Array.from(element.querySelectorAll('.wb-card-title')).map((title) => title.textContent?.trim())).toEqual([
      '窗口受理',
      '效能监督',
    ]);
  });
});
