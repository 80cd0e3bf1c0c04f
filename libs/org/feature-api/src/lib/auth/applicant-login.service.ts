import { Injectable } from '@nestjs/common';
import { ApplicantRepository } from '@zhengwu/org/data-access';
import { AccessTokenService, AuthError, PasswordHasher } from '@zhengwu/server/core/auth';
import { PersonalDataProtector } from '@zhengwu/server/core/crypto';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type { ApplicantLoginRequest, ApplicantTokenResponse } from '@zhengwu/shared/contracts';
import { OrgError } from '../org-errors';
import { IdentityIssuerCheck } from './identity-issuer.guard';
import { applicantProfile, loginLookupHash } from './applicant-identity';
import { isLocked, lockAfterFailure } from './login-throttle';

@Injectable()
export class ApplicantLoginService {
  constructor(
    private readonly applicants: ApplicantRepository,
    private readonly uow: UnitOfWork,
    private readonly protector: PersonalDataProtector,
    private readonly passwords: PasswordHasher,
    private readonly tokens: AccessTokenService,
    private readonly identityIssuer: IdentityIssuerCheck,
  ) {}

  async login(request: ApplicantLoginRequest): Promise<ApplicantTokenResponse> {
    this.identityIssuer.assertHere();
    const lookup = loginLookupHash(this.protector, request.identifier);
    if (!lookup) {
      await this.passwords.verify(undefined, request.password);
      throw AuthError.AUTH_INVALID_CREDENTIALS();
    }
    const now = new Date();
    const outcome = await this.uow.run({ applicantLookup: lookup }, async () => {
      const matches = await this.applicants.findByLookup(lookup);
      if (matches.length > 1) {
        return { error: OrgError.APPLICANT_IDENTIFIER_AMBIGUOUS() };
      }
      const applicant = matches[0];
      if (applicant && isLocked(applicant.lockedUntil, now)) {
        return { error: AuthError.AUTH_ACCOUNT_LOCKED() };
      }
      if (!(await this.passwords.verify(applicant?.passwordHash, request.password)) || !applicant) {
        if (applicant) {
          await this.applicants.recordLoginFailure(lookup, applicant.id, lockAfterFailure(applicant.failedLogins, now));
        }
        return { error: AuthError.AUTH_INVALID_CREDENTIALS() };
      }
      if (applicant.failedLogins > 0) {
        await this.applicants.recordLoginSuccess(lookup, applicant.id);
      }
      return { applicant };
    });
    // Failures are returned, not thrown, so the failure counter commits.
    if ('error' in outcome) {
      throw outcome.error;
    }
    const { applicant } = outcome;
    const { token, expiresIn } = await this.tokens.issue(applicant.id, { kind: 'applicant', name: applicant.name, ak: applicant.kind, idm: applicant.identityMasked });
    return { accessToken: token, tokenType: 'Bearer', expiresIn, profile: applicantProfile(applicant) };
  }
}
