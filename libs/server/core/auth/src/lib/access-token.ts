import type { StaffRole } from '@zhengwu/shared/contracts';

export const TOKEN_AUDIENCE = 'zhengwu';

/** Claims of an access token beyond the registered ones (sub, iss, aud, iat, exp, jti). */
export type AccessTokenClaims =
  | { kind: 'applicant'; name: string }
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
