import type { ApplicantProfile, StaffProfile } from '@zhengwu/shared/contracts';

interface SessionBase {
  accessToken: string;
  /** Epoch milliseconds, computed from the relative `expiresIn`, so client clock skew does not matter. */
  expiresAt: number;
}

export type ApplicantSession = SessionBase & { kind: 'applicant'; profile: ApplicantProfile };
export type StaffSession = SessionBase & { kind: 'staff'; profile: StaffProfile };
export type AuthSession = ApplicantSession | StaffSession;
