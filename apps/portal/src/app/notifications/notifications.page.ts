import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslocoPipe } from '@jsverse/transloco';
import type { NotificationPage, NotificationView } from '@zhengwu/shared/contracts';
import { NotificationsApi } from '@zhengwu/web/approval/data-access';
import { describeHttpError } from '@zhengwu/web/shared/auth';
import { LocalDatePipe, LocalizedTextPipe, Translatable } from '@zhengwu/web/shared/i18n';
import { FormErrorComponent } from '@zhengwu/web/shared/ui';
import { BehaviorSubject, catchError, of, switchMap, tap } from 'rxjs';
import { CentreNamePipe } from '../shared/directory';
import { UnreadNotifications } from '../shared/unread-notifications';

export const NOTIFICATIONS_PAGE_SIZE = 20;

interface ListQuery {
  unread: boolean;
  page: number;
}

/** 消息通知: what the centres told the applicant about their cases, newest first. */
@Component({
  selector: 'portal-notifications-page',
  imports: [
    MatButtonModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    TranslocoPipe,
    LocalizedTextPipe,
    LocalDatePipe,
    FormErrorComponent,
    CentreNamePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './notifications.page.html',
})
export class NotificationsPage {
  private readonly api = inject(NotificationsApi);
  private readonly unreadBadge = inject(UnreadNotifications);
  private readonly query = new BehaviorSubject<ListQuery>({ unread: false, page: 1 });

  protected readonly result = signal<NotificationPage | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<Translatable | null>(null);
  protected readonly actionError = signal<Translatable | null>(null);
  protected readonly marking = signal<string | null>(null);
  protected readonly unreadOnly = signal(false);

  constructor() {
    this.query
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.error.set(null);
        }),
        switchMap((query) =>
          this.api.list({ unread: query.unread, page: query.page, pageSize: NOTIFICATIONS_PAGE_SIZE }).pipe(
            catchError((error: unknown) => {
              this.error.set(describeHttpError(error).message);
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        this.result.set(result);
      });
  }

  protected setUnreadOnly(unread: boolean): void {
    this.unreadOnly.set(unread);
    this.query.next({ unread, page: 1 });
  }

  protected changePage(event: PageEvent): void {
    this.query.next({ ...this.query.value, page: event.pageIndex + 1 });
  }

  protected reload(): void {
    this.query.next(this.query.value);
  }

  protected markRead(notification: NotificationView): void {
    if (notification.readAt || this.marking()) return;
    this.marking.set(notification.id);
    this.actionError.set(null);
    this.api.markRead(notification.id).subscribe({
      next: (updated) => {
        this.marking.set(null);
        this.result.update((page) => page && { ...page, items: page.items.map((item) => (item.id === updated.id ? updated : item)) });
        this.unreadBadge.refresh();
      },
      error: (error: unknown) => {
        this.marking.set(null);
        this.actionError.set(describeHttpError(error).message);
      },
    });
  }
}
