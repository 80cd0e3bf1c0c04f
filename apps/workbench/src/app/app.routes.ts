import { Route } from '@angular/router';
import { guestOnly, requireLogin } from '@zhengwu/web/shared/auth';

// `title` values are translation keys (TranslatedTitleStrategy). Paths are relative to the base
// href `/workbench/`.
export const appRoutes: Route[] = [
  {
    path: 'login',
    title: 'login.title',
    canActivate: [guestOnly],
    loadComponent: () => import('./login/login.page').then((m) => m.LoginPage),
  },
  {
    path: '',
    pathMatch: 'full',
    title: 'dashboard.title',
    canActivate: [requireLogin],
    // Re-run the guard when the session expires on this page (provideZhengwuAuth re-navigates).
    runGuardsAndResolvers: 'always',
    loadComponent: () => import('./dashboard/dashboard.page').then((m) => m.DashboardPage),
  },
  { path: '**', redirectTo: '' },
];
