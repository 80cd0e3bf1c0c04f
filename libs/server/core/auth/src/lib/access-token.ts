import type { StaffRole } from '@zhengwu/shared/contracts';

export const TOKEN_AUDIENCE = 'zhengwu';

/** Claims of an access token beyond the registered ones (sub, iss, aud, iat, exp, jti). */
export type AccessTokenClaims =
  /**
   * `ak` (natural or legal person) and `idm` (the masked identity number) travel in the token so
   * every deployment can record who applied without holding the applicant's account.
   */
  | { kind: 'applicant'; name: string; ak: 'natural_person' | 'legal_person'; idm: string }
  | { kind: 'staff'; name: string; tid: string; roles: StaffRole[] };

export interface VerifiedAccessToken {
  subject: string;
  issuer: string;
  expiresAt: Date;
  claims: AccessTokenClaims;
}

export interface IssuedAccessToken {
  token: string;
  expiresIn: number;
}
