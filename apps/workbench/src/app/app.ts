import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Permission, permissionsOfRoles } from '@zhengwu/shared/contracts';
import { AuthStore } from '@zhengwu/web/shared/auth';
import { AppShellComponent } from '@zhengwu/web/shared/ui';
import { filter, map } from 'rxjs';
import { centreLabel } from './centre-label';

/** The hall screen (`display/:centre`) is a page of its own: no staff shell, nothing to tab into. */
export function isHallDisplay(url: string): boolean {
  return /(^|\/)display\/\d{6}/.test(url);
}

const NAV_LINKS: ReadonlyArray<{ path: string; label: string; permission: Permission }> = [
  { path: '/originals', label: 'nav.originals', permission: Permission.OriginalsCheck },
  { path: '/counter', label: 'nav.counter', permission: Permission.CounterIntake },
  { path: '/supervision', label: 'nav.supervision', permission: Permission.Supervise },
  { path: '/notices', label: 'nav.notices', permission: Permission.StepHandle },
  { path: '/admin/staff', label: 'nav.staff', permission: Permission.StaffRead },
  { path: '/admin/department-heads', label: 'nav.departmentHeads', permission: Permission.StaffManage },
  { path: '/admin/items', label: 'nav.catalogue', permission: Permission.CatalogueManage },
  { path: '/admin/displays', label: 'nav.displays', permission: Permission.CatalogueManage },
];

@Component({
  selector: 'wb-root',
  imports: [AppShellComponent, MatButtonModule, RouterLink, RouterLinkActive, RouterOutlet, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
})
export class App {
  private readonly router = inject(Router);
  protected readonly store = inject(AuthStore);
  protected readonly bare = toSignal(
    this.router.events.pipe(
      filter((event): event is NavigationEnd => event instanceof NavigationEnd),
      map((event) => isHallDisplay(event.urlAfterRedirects)),
    ),
    { initialValue: isHallDisplay(inject(DOCUMENT).location?.pathname ?? '') },
  );
  protected readonly userName = computed(() => this.store.staffProfile()?.name ?? null);
  protected readonly centre = centreLabel(computed(() => this.store.staffProfile()?.centreCode));
  /** The sections this staff member's posts open. */
  protected readonly navLinks = computed(() => {
    const permissions = new Set(permissionsOfRoles(this.store.staffProfile()?.roles ?? []));
    return NAV_LINKS.filter((link) => permissions.has(link.permission));
  });

  protected logout(): void {
    this.store.logout();
    void this.router.navigateByUrl('/login');
  }
}
