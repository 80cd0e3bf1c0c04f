import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ApplicantAuthApi } from './applicant-auth.api';
import { applicantTokenResponse } from './auth.testing';
import { StaffAuthApi } from './staff-auth.api';

describe('auth API clients', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });
  afterEach(() => backend.verify());

  it('posts applicant logins and registrations to the contract URLs', () => {
    const api = TestBed.inject(ApplicantAuthApi);
    const received = jest.fn();
    api.login({ identifier: '13800000000', password: 'secret-123' }).subscribe(received);
    const login = backend.expectOne({ method: 'POST', url: '/api/v1/auth/applicants/login' });
    expect(login.request.body).toEqual({ identifier: '13800000000', password: 'secret-123' });
    login.flush(applicantTokenResponse());
    expect(received).toHaveBeenCalledWith(applicantTokenResponse());

    api.registerNaturalPerson({ name: '张三', idNumber: 'x', mobile: 'y', password: 'z' }).subscribe();
    backend.expectOne({ method: 'POST', url: '/api/v1/auth/applicants/register/natural-person' });
    api.registerLegalPerson({ name: '某公司', uscc: 'x', contactName: '张三', mobile: 'y', password: 'z' }).subscribe();
    backend.expectOne({ method: 'POST', url: '/api/v1/auth/applicants/register/legal-person' });
  });

  it('posts staff logins to the contract URL', () => {
    TestBed.inject(StaffAuthApi).login({ centreCode: '510900', username: 'clerk.li', password: 'p' }).subscribe();
    expect(backend.expectOne({ method: 'POST', url: '/api/v1/auth/staff/login' }).request.body).toEqual({
      centreCode: '510900',
      username: 'clerk.li',
      password: 'p',
    });
  });
});
