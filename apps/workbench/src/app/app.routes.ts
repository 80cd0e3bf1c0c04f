import { Route } from '@angular/router';
import { Permission } from '@zhengwu/shared/contracts';
import { guestOnly, requireLogin } from '@zhengwu/web/shared/auth';
import { requirePermission } from './shared/staff-access';

/** A signed-in page: the session is re-checked in place when it expires (provideZhengwuAuth re-navigates). */
function staffPage(route: Route, permission?: Permission): Route {
  return {
    ...route,
    canActivate: permission ? [requireLogin, requirePermission(permission)] : [requireLogin],
    runGuardsAndResolvers: 'always',
  };
}

// `title` values are translation keys (TranslatedTitleStrategy). Paths are relative to the base
// href `/workbench/`.
export const appRoutes: Route[] = [
  {
    path: 'login',
    title: 'login.title',
    canActivate: [guestOnly],
    loadComponent: () => import('./login/login.page').then((m) => m.LoginPage),
  },
  staffPage({
    path: '',
    pathMatch: 'full',
    title: 'dashboard.title',
    loadComponent: () => import('./dashboard/dashboard.page').then((m) => m.DashboardPage),
  }),
  staffPage(
    { path: 'cases/:id', title: 'case.title', loadComponent: () => import('./case/case.page').then((m) => m.CasePage) },
    Permission.ApplicationView,
  ),
  staffPage(
    { path: 'originals', title: 'originals.title', loadComponent: () => import('./originals/originals-queue.page').then((m) => m.OriginalsQueuePage) },
    Permission.OriginalsCheck,
  ),
  staffPage(
    { path: 'originals/:taskId', title: 'originals.taskTitle', loadComponent: () => import('./originals/originals-task.page').then((m) => m.OriginalsTaskPage) },
    Permission.OriginalsCheck,
  ),
  staffPage(
    { path: 'counter', title: 'counter.title', loadComponent: () => import('./counter/counter-intakes.page').then((m) => m.CounterIntakesPage) },
    Permission.CounterIntake,
  ),
  staffPage(
    { path: 'counter/new', title: 'counter.newTitle', loadComponent: () => import('./counter/counter-intake-new.page').then((m) => m.CounterIntakeNewPage) },
    Permission.CounterIntake,
  ),
  staffPage(
    { path: 'counter/:intakeId', title: 'counter.intakeTitle', loadComponent: () => import('./counter/counter-intake.page').then((m) => m.CounterIntakePage) },
    Permission.CounterIntake,
  ),
  staffPage(
    { path: 'supervision', title: 'supervision.title', loadComponent: () => import('./supervision/supervision.page').then((m) => m.SupervisionPage) },
    Permission.Supervise,
  ),
  staffPage(
    {
      path: 'supervision/notices',
      title: 'supervision.notices.title',
      loadComponent: () => import('./supervision/supervision-notices.page').then((m) => m.SupervisionNoticesPage),
    },
    Permission.Supervise,
  ),
  staffPage(
    {
      path: 'notices',
      title: 'supervision.notices.answerTitle',
      loadComponent: () => import('./supervision/supervision-notices.page').then((m) => m.SupervisionNoticesPage),
    },
    Permission.StepHandle,
  ),
  staffPage(
    {
      path: 'supervision/accountability',
      title: 'supervision.accountability.title',
      loadComponent: () => import('./supervision/supervision-accountability.page').then((m) => m.SupervisionAccountabilityPage),
    },
    Permission.Supervise,
  ),
  staffPage(
    {
      path: 'supervision/rectifications',
      title: 'supervision.rectificationsTitle',
      loadComponent: () => import('./supervision/supervision-rectifications.page').then((m) => m.SupervisionRectificationsPage),
    },
    Permission.Supervise,
  ),
  staffPage(
    {
      path: 'supervision/statistics',
      title: 'supervision.stats.title',
      loadComponent: () => import('./supervision/supervision-statistics.page').then((m) => m.SupervisionStatisticsPage),
    },
    Permission.Supervise,
  ),
  staffPage(
    {
      path: 'supervision/rollup',
      title: 'supervision.rollup.title',
      loadComponent: () => import('./supervision/supervision-rollup.page').then((m) => m.SupervisionRollupPage),
    },
    Permission.Supervise,
  ),
  staffPage(
    {
      path: 'supervision/rules',
      title: 'supervision.rules.title',
      loadComponent: () => import('./supervision/supervision-rules.page').then((m) => m.SupervisionRulesPage),
    },
    Permission.Supervise,
  ),
  staffPage(
    { path: 'admin/staff', title: 'staff.title', loadComponent: () => import('./admin/staff.page').then((m) => m.StaffPage) },
    Permission.StaffRead,
  ),
  staffPage(
    {
      path: 'admin/department-heads',
      title: 'departmentHeads.title',
      loadComponent: () => import('./admin/department-heads.page').then((m) => m.DepartmentHeadsPage),
    },
    Permission.StaffManage,
  ),
  staffPage(
    { path: 'admin/items', title: 'items.title', loadComponent: () => import('./admin/items.page').then((m) => m.ItemsPage) },
    Permission.CatalogueManage,
  ),
  staffPage(
    { path: 'admin/items/:itemId', title: 'items.itemTitle', loadComponent: () => import('./admin/item.page').then((m) => m.ItemPage) },
    Permission.CatalogueManage,
  ),
  staffPage(
    { path: 'admin/procedures/:versionId', title: 'procedure.title', loadComponent: () => import('./admin/procedure.page').then((m) => m.ProcedurePage) },
    Permission.CatalogueManage,
  ),
  staffPage(
    { path: 'admin/displays', title: 'display.admin.title', loadComponent: () => import('./admin/hall-displays.page').then((m) => m.HallDisplaysPage) },
    Permission.CatalogueManage,
  ),
  // The screen in the centre's hall: no staff login, its display token comes in the link's fragment.
  { path: 'display/:centreCode', title: 'display.title', loadComponent: () => import('./display/hall-display.page').then((m) => m.HallDisplayPage) },
  { path: '**', redirectTo: '' },
];
