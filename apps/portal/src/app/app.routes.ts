import { Route } from '@angular/router';
import { guestOnly, requireLogin } from '@zhengwu/web/shared/auth';

// `title` values are translation keys (TranslatedTitleStrategy).
export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', title: 'home.title', loadComponent: () => import('./home/home.page').then((m) => m.HomePage) },
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
    // Re-run the guard when the session expires on this page (provideZhengwuAuth re-navigates).
    runGuardsAndResolvers: 'always',
    loadComponent: () => import('./me/me.page').then((m) => m.MePage),
  },
  { path: '**', redirectTo: '' },
];
