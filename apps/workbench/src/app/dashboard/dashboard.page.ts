import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { TranslocoPipe } from '@jsverse/transloco';
import { STAFF_ROLES } from '@zhengwu/shared/contracts';
import { AuthStore, CurrentUserApi } from '@zhengwu/web/shared/auth';
import { centreLabel } from '../centre-label';

/**
 * Placeholder home of a staff member: who and where they are, and one card per post they hold.
 * Later issues turn each card into the entry to that post's work queue.
 */
@Component({
  selector: 'wb-dashboard-page',
  imports: [MatCardModule, MatChipsModule, TranslocoPipe],
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
