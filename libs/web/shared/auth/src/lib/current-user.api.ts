import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ApplicantProfile, StaffProfile } from '@zhengwu/shared/contracts';
import { Observable } from 'rxjs';
import { API_V1 } from './api-paths';

/** `GET /auth/me`: the profile behind the bearer token (applicant or staff, by token kind). */
@Injectable({ providedIn: 'root' })
export class CurrentUserApi {
  private readonly http = inject(HttpClient);

  me(): Observable<ApplicantProfile | StaffProfile> {
    return this.http.get<ApplicantProfile | StaffProfile>(`${API_V1}/auth/me`);
  }
}
