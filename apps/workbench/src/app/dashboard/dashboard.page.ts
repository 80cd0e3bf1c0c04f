import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { STAFF_ROLES, StaffRole } from '@zhengwu/shared/contracts';
import { AuthStore, CurrentUserApi } from '@zhengwu/web/shared/auth';
import { centreLabel } from '../centre-label';
import { InboxComponent } from '../inbox/inbox.component';
import { MyAlertsPanelComponent } from '../inbox/my-alerts-panel.component';

interface RoleLink {
  path: string;
  fragment?: string;
  label: string;
}

/** Where each post's work is. */
const ROLE_LINKS: Readonly<Record<StaffRole, readonly RoleLink[]>> = {
  [StaffRole.WindowClerk]: [
    { path: '/', fragment: 'inbox', label: 'dashboard.links.inbox' },
    { path: '/originals', label: 'dashboard.links.originals' },
    { path: '/counter', label: 'dashboard.links.counter' },
  ],
  [StaffRole.Reviewer]: [{ path: '/', fragment: 'inbox', label: 'dashboard.links.inbox' }],
  [StaffRole.Approver]: [{ path: '/', fragment: 'inbox', label: 'dashboard.links.inbox' }],
  [StaffRole.Supervisor]: [{ path: '/supervision', label: 'dashboard.links.supervision' }],
  [StaffRole.CentreAdmin]: [
    { path: '/admin/staff', label: 'dashboard.links.staff' },
    { path: '/admin/items', label: 'dashboard.links.catalogue' },
    { path: '/supervision', label: 'dashboard.links.supervision' },
  ],
};

/**
 * Home of a staff member: who and where they are, one card per post they hold with the way to its
 * work, and the inbox of the step posts they hold (window clerk, reviewer, approver).
 */
@Component({
  selector: 'wb-dashboard-page',
  imports: [MatButtonModule, MatCardModule, MatChipsModule, RouterLink, TranslocoPipe, InboxComponent, MyAlertsPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard.page.html',
  styleUrl: './dashboard.page.scss',
})
export class DashboardPage {
  private readonly store = inject(AuthStore);
  protected readonly profile = this.store.staffProfile;
  protected readonly centre = centreLabel(computed(() => this.profile()?.centreCode));
  /** The user's roles in the contract's order, so cards always appear in the same order. */
  protected readonly roles = computed(() => {
    const held = this.profile()?.roles ?? [];
    return STAFF_ROLES.filter((role) => held.includes(role));
  });
  protected readonly holdsStepPost = computed(() =>
    this.roles().some((role) => role === StaffRole.WindowClerk || role === StaffRole.Reviewer || role === StaffRole.Approver),
  );
  protected readonly links = ROLE_LINKS;

  constructor() {
    // Posts may have changed since login (an administrator edited the account): refresh them.
    inject(CurrentUserApi)
      .me()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (profile) => {
          if ('centreCode' in profile) this.store.updateProfile(profile);
        },
        // Keep showing the profile from login; a rejected token ends the session anyway.
        error: () => undefined,
      });
  }
}
