import { Inject, Injectable, Optional } from '@nestjs/common';
import { TRUSTED_IDENTITY_ISSUER, TrustedIdentityIssuer } from '@zhengwu/server/core/auth';
import { AppConfig } from '@zhengwu/server/core/config';
import { OrgError } from '../org-errors';

/**
 * Applicant accounts are kept by one deployment (the identity issuer of the signed directory); the
 * others verify its tokens and refuse registration and login with a pointer to it.
 */
@Injectable()
export class IdentityIssuerCheck {
  constructor(
    private readonly config: AppConfig,
    @Optional() @Inject(TRUSTED_IDENTITY_ISSUER) private readonly issuer?: TrustedIdentityIssuer,
  ) {}

  isHere(): boolean {
    const current = this.issuer?.current();
    return !current || current.deploymentId === this.config.DEPLOYMENT_ID;
  }

  assertHere(): void {
    if (!this.isHere()) {
      throw OrgError.APPLICANT_ACCOUNTS_ELSEWHERE({ deploymentId: this.issuer?.current()?.deploymentId });
    }
  }
}
