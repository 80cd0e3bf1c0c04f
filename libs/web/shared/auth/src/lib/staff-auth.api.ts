import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { StaffLoginRequest, StaffTokenResponse } from '@zhengwu/shared/contracts';
import { Observable } from 'rxjs';
import { API_V1 } from './api-paths';

@Injectable({ providedIn: 'root' })
export class StaffAuthApi {
  private readonly http = inject(HttpClient);

  login(request: StaffLoginRequest): Observable<StaffTokenResponse> {
    return this.http.post<StaffTokenResponse>(`${API_V1}/auth/staff/login`, request);
  }
}
