import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatCardModule } from '@angular/material/card';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthStore, CurrentUserApi } from '@zhengwu/web/shared/auth';
import { UiLanguageService } from '@zhengwu/web/shared/i18n';

@Component({
  selector: 'portal-me-page',
  imports: [MatCardModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './me.page.html',
  styleUrl: './me.page.scss',
})
export class MePage {
  private readonly language = inject(UiLanguageService);
  protected readonly profile = inject(AuthStore).applicantProfile;
  protected readonly refreshFailed = signal(false);
  protected readonly createdAt = computed(() => {
    const profile = this.profile();
    if (!profile) return '';
    // Dates are shown as they were in China, wherever the browser is.
    return new Intl.DateTimeFormat(this.language.current(), { dateStyle: 'long', timeZone: 'Asia/Shanghai' }).format(
      new Date(profile.createdAt),
    );
  });

  constructor() {
    const store = inject(AuthStore);
    // The profile saved at login may be stale (changed elsewhere); ask the API for the current one.
    inject(CurrentUserApi)
      .me()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (profile) => {
          if ('kind' in profile) store.updateProfile(profile);
        },
        error: () => this.refreshFailed.set(true),
      });
  }
}
