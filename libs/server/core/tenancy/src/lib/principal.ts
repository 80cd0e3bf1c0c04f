import type { Permission, StaffRole } from '@zhengwu/shared/contracts';

/** Who is calling, as established by a verified access token. */
export type Principal = ApplicantPrincipal | StaffPrincipal;

export interface ApplicantPrincipal {
  kind: 'applicant';
  id: string;
  name: string;
  applicantKind: 'natural_person' | 'legal_person';
  /** Masked resident ID number, or the USCC (public). */
  identityMasked: string;
  permissions: readonly Permission[];
}

export interface StaffPrincipal {
  kind: 'staff';
  id: string;
  name: string;
  /** The centre the staff account belongs to; the only tenant a staff token can act in. */
  tenantId: string;
  roles: readonly StaffRole[];
  permissions: readonly Permission[];
}
