import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ApplicantLoginRequest,
  ApplicantTokenResponse,
  RegisterLegalPersonRequest,
  RegisterNaturalPersonRequest,
} from '@zhengwu/shared/contracts';
import { Observable } from 'rxjs';
import { API_V1 } from './api-paths';

@Injectable({ providedIn: 'root' })
export class ApplicantAuthApi {
  private readonly http = inject(HttpClient);

  login(request: ApplicantLoginRequest): Observable<ApplicantTokenResponse> {
    return this.http.post<ApplicantTokenResponse>(`${API_V1}/auth/applicants/login`, request);
  }

  registerNaturalPerson(request: RegisterNaturalPersonRequest): Observable<ApplicantTokenResponse> {
    return this.http.post<ApplicantTokenResponse>(`${API_V1}/auth/applicants/register/natural-person`, request);
  }

  registerLegalPerson(request: RegisterLegalPersonRequest): Observable<ApplicantTokenResponse> {
    return this.http.post<ApplicantTokenResponse>(`${API_V1}/auth/applicants/register/legal-person`, request);
  }
}
