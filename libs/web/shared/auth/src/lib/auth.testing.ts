import type { ApplicantTokenResponse, StaffTokenResponse } from '@zhengwu/shared/contracts';
import { StaffRole } from '@zhengwu/shared/contracts';

/** Token responses shaped like the API's, for unit tests. */
export function applicantTokenResponse(overrides: Partial<ApplicantTokenResponse> = {}): ApplicantTokenResponse {
  return {
    accessToken: 'applicant-token',
    tokenType: 'Bearer',
    expiresIn: 3600,
    profile: {
      id: 'a1',
      kind: 'natural_person',
      name: '张三',
      identityNumberMasked: '510981********1234',
      mobileMasked: '138****0000',
      createdAt: '2026-11-01T08:00:00.000Z',
    },
    ...overrides,
  };
}

export function staffTokenResponse(overrides: Partial<StaffTokenResponse> = {}): StaffTokenResponse {
  return {
    accessToken: 'staff-token',
    tokenType: 'Bearer',
    expiresIn: 3600,
    profile: {
      id: 's1',
      centreCode: '510900',
      username: 'clerk.li',
      name: '李四',
      roles: [StaffRole.WindowClerk],
      active: true,
      createdAt: '2026-11-01T08:00:00.000Z',
    },
    ...overrides,
  };
}
