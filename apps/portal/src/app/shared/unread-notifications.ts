import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router } from '@angular/router';
import { NotificationsApi } from '@zhengwu/web/approval/data-access';
import { AuthStore } from '@zhengwu/web/shared/auth';
import { catchError, filter, map, merge, of, Subject, switchMap, timer } from 'rxjs';

/** How often the badge asks while a page stays open (notifications arrive with case transitions). */
export const UNREAD_POLL_MS = 60_000;

/**
 * The unread count shown on the shell's notifications link: asked when the applicant signs in, on
 * every navigation, every minute, and when a page says something changed (`refresh()`); zero and
 * silent while nobody is signed in. A failed request keeps the last count rather than flashing 0.
 */
@Injectable({ providedIn: 'root' })
export class UnreadNotifications {
  private readonly api = inject(NotificationsApi);
  private readonly refreshes = new Subject<void>();
  private readonly count = signal(0);

  readonly unread = this.count.asReadonly();

  constructor() {
    const store = inject(AuthStore);
    const navigations = inject(Router).events.pipe(filter((event) => event instanceof NavigationEnd));
    toObservable(store.isLoggedIn)
      .pipe(
        switchMap((loggedIn) =>
          loggedIn
            ? merge(timer(0, UNREAD_POLL_MS), navigations, this.refreshes).pipe(
                switchMap(() =>
                  this.api.unreadCount().pipe(
                    map((response) => response.unread),
                    catchError(() => of(null)),
                  ),
                ),
                filter((unread): unread is number => unread !== null),
              )
            : of(0),
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((unread) => this.count.set(unread));
  }

  refresh(): void {
    this.refreshes.next();
  }
}
