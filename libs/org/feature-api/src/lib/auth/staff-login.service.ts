import { Injectable } from '@nestjs/common';
import { AuditLog, StaffRepository } from '@zhengwu/org/data-access';
import { AccessTokenService, AuthError, PasswordHasher } from '@zhengwu/server/core/auth';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { HostedTenants } from '@zhengwu/server/core/tenancy';
import type { StaffLoginRequest, StaffTokenResponse } from '@zhengwu/shared/contracts';
import { staffProfile } from '../staff/staff-profile';
import { isLocked, lockAfterFailure } from './login-throttle';

@Injectable()
export class StaffLoginService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
    private readonly passwords: PasswordHasher,
    private readonly tokens: AccessTokenService,
    private readonly hosted: HostedTenants,
  ) {}

  async login(request: StaffLoginRequest): Promise<StaffTokenResponse> {
    const tenantId = request.centreCode;
    if (!this.hosted.has(tenantId)) {
      await this.passwords.verify(undefined, request.password);
      throw AuthError.AUTH_INVALID_CREDENTIALS();
    }
    const now = new Date();
    const outcome = await this.uow.run({ tenantId }, async () => {
      const account = await this.staff.findByUsername(tenantId, request.username.trim().toLowerCase());
      const usable = account?.active ? account : undefined;
      if (usable && isLocked(usable.lockedUntil, now)) {
        return { error: AuthError.AUTH_ACCOUNT_LOCKED() };
      }
      if (!(await this.passwords.verify(usable?.passwordHash, request.password)) || !usable) {
        if (usable) {
          const lockedUntil = lockAfterFailure(usable.failedLogins, now);
          await this.staff.recordLoginFailure(tenantId, usable.id, lockedUntil);
          if (lockedUntil) {
            await this.audit.record(tenantId, { action: 'staff.locked', subjectType: 'staff', subjectId: usable.id });
          }
        }
        return { error: AuthError.AUTH_INVALID_CREDENTIALS() };
      }
      if (usable.failedLogins > 0) {
        await this.staff.recordLoginSuccess(tenantId, usable.id);
      }
      await this.audit.record(tenantId, { action: 'staff.login', subjectType: 'staff', subjectId: usable.id });
      return { account: usable };
    });
    // Failures are returned, not thrown, so the failure counter and audit event commit.
    if ('error' in outcome) {
      throw outcome.error;
    }
    const { account } = outcome;
    const { token, expiresIn } = await this.tokens.issue(account.id, {
      kind: 'staff',
      name: account.name,
      tid: account.tenantId,
      roles: account.roles,
    });
    return { accessToken: token, tokenType: 'Bearer', expiresIn, profile: staffProfile(account) };
  }
}
