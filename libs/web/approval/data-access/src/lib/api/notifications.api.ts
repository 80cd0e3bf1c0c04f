import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { NotificationPage, NotificationView, UnreadNotificationCount } from '@zhengwu/shared/contracts';
import { API_V1 } from '@zhengwu/web/shared/auth';
import { Observable } from 'rxjs';

export interface NotificationListParams {
  unread?: boolean;
  page?: number;
  pageSize?: number;
}

/** The signed-in applicant's notifications from every centre (`libs/server/notifications`). */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  list(params: NotificationListParams = {}): Observable<NotificationPage> {
    let query = new HttpParams();
    if (params.unread) query = query.set('unread', 'true');
    if (params.page) query = query.set('page', params.page);
    if (params.pageSize) query = query.set('pageSize', params.pageSize);
    return this.http.get<NotificationPage>(`${API_V1}/me/notifications`, { params: query });
  }

  unreadCount(): Observable<UnreadNotificationCount> {
    return this.http.get<UnreadNotificationCount>(`${API_V1}/me/notifications/unread-count`);
  }

  /** Idempotent on the server. */
  markRead(notificationId: string): Observable<NotificationView> {
    return this.http.post<NotificationView>(`${API_V1}/me/notifications/${encodeURIComponent(notificationId)}/read`, null);
  }
}
