import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthStore } from '@zhengwu/web/shared/auth';
import { AppShellComponent } from '@zhengwu/web/shared/ui';
import { UnreadNotifications } from './shared/unread-notifications';

@Component({
  selector: 'portal-root',
  imports: [AppShellComponent, MatButtonModule, RouterLink, RouterLinkActive, RouterOutlet, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
})
export class App {
  private readonly router = inject(Router);
  protected readonly store = inject(AuthStore);
  protected readonly unread = inject(UnreadNotifications);
  protected readonly userName = computed(() => this.store.applicantProfile()?.name ?? null);
  protected readonly userKind = computed(() => this.store.applicantProfile()?.kind ?? null);

  protected logout(): void {
    this.store.logout();
    void this.router.navigateByUrl('/');
  }
}
