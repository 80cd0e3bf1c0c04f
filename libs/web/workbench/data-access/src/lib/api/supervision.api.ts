import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ChainVerificationView, RectificationView } from '@zhengwu/shared/contracts';
import { Observable } from 'rxjs';
import { centrePath } from './centre-path';

/** What the supervision office reads today: open rectifications and the event chain's integrity. */
@Injectable({ providedIn: 'root' })
export class SupervisionApi {
  private readonly http = inject(HttpClient);

  rectifications(centreCode: string): Observable<RectificationView[]> {
    return this.http.get<RectificationView[]>(`${centrePath(centreCode)}/rectifications`);
  }

  verifyEventChain(centreCode: string): Observable<ChainVerificationView> {
    return this.http.get<ChainVerificationView>(`${centrePath(centreCode)}/events/verification`);
  }
}
