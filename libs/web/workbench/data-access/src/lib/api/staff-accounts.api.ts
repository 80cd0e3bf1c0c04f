import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreateStaffRequest, StaffProfile } from '@zhengwu/shared/contracts';
import { Observable } from 'rxjs';
import { centrePath } from './centre-path';

/** Staff accounts of the caller's centre (list: supervisors and admins; create: admins). */
@Injectable({ providedIn: 'root' })
export class StaffAccountsApi {
  private readonly http = inject(HttpClient);

  list(centreCode: string): Observable<StaffProfile[]> {
    return this.http.get<StaffProfile[]>(`${centrePath(centreCode)}/staff`);
  }

  create(centreCode: string, request: CreateStaffRequest): Observable<StaffProfile> {
    return this.http.post<StaffProfile>(`${centrePath(centreCode)}/staff`, request);
  }
}
