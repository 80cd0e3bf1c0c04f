import { Route } from '@angular/router';
import { guestOnly, requireLogin } from '@zhengwu/web/shared/auth';

// `title` values are translation keys (TranslatedTitleStrategy). Pages that need a session re-run
// their guard when it expires on the page (`runGuardsAndResolvers: 'always'`, provideZhengwuAuth).
export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', title: 'home.title', loadComponent: () => import('./home/home.page').then((m) => m.HomePage) },
  {
    path: 'centres/:centreCode',
    title: 'centrePage.title',
    loadComponent: () => import('./centre/centre.page').then((m) => m.CentrePage),
  },
  {
    path: 'centres/:centreCode/items/:itemId',
    title: 'guide.title',
    loadComponent: () => import('./guide/item-guide.page').then((m) => m.ItemGuidePage),
  },
  {
    path: 'centres/:centreCode/items/:itemId/apply',
    title: 'apply.title',
    canActivate: [requireLogin],
    runGuardsAndResolvers: 'always',
    loadComponent: () => import('./apply/application-form.page').then((m) => m.ApplicationFormPage),
  },
  {
    path: 'applications',
    title: 'cases.title',
    canActivate: [requireLogin],
    runGuardsAndResolvers: 'always',
    loadComponent: () => import('./cases/my-cases.page').then((m) => m.MyCasesPage),
  },
  {
    path: 'applications/:centreCode/:applicationId/edit',
    title: 'apply.title',
    canActivate: [requireLogin],
    runGuardsAndResolvers: 'always',
    loadComponent: () => import('./apply/application-form.page').then((m) => m.ApplicationFormPage),
  },
  {
    path: 'applications/:centreCode/:applicationId',
    title: 'case.title',
    canActivate: [requireLogin],
    runGuardsAndResolvers: 'always',
    loadComponent: () => import('./case/case.page').then((m) => m.CasePage),
  },
  {
    path: 'notifications',
    title: 'notifications.title',
    canActivate: [requireLogin],
    runGuardsAndResolvers: 'always',
    loadComponent: () => import('./notifications/notifications.page').then((m) => m.NotificationsPage),
  },
  { path: 'lookup', title: 'lookup.title', loadComponent: () => import('./lookup/lookup.page').then((m) => m.LookupPage) },
  {
    path: 'login',
    title: 'login.title',
    canActivate: [guestOnly],
    loadComponent: () => import('./login/login.page').then((m) => m.LoginPage),
  },
  {
    path: 'register',
    title: 'register.title',
    canActivate: [guestOnly],
    loadComponent: () => import('./register/register.page').then((m) => m.RegisterPage),
  },
  {
    path: 'me',
    title: 'me.title',
    canActivate: [requireLogin],
    runGuardsAndResolvers: 'always',
    loadComponent: () => import('./me/me.page').then((m) => m.MePage),
  },
  { path: '**', redirectTo: '' },
];
