import { Injectable } from '@nestjs/common';
import { AuditLog, StaffEntity, StaffRepository } from '@zhengwu/org/data-access';
import { PasswordHasher } from '@zhengwu/server/core/auth';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { RequestContext } from '@zhengwu/server/core/tenancy';
import type { CreateStaffRequest, StaffProfile } from '@zhengwu/shared/contracts';
import { v7 as uuidv7 } from 'uuid';
import { isUniqueViolation, OrgError } from '../org-errors';
import { staffProfile } from './staff-profile';

/** Staff accounts of the caller's own centre (the guard has bound the request to it). */
@Injectable()
export class ManageStaffService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
    private readonly passwords: PasswordHasher,
    private readonly context: RequestContext,
  ) {}

  list(tenantId: string): Promise<StaffProfile[]> {
    return this.uow.run({ tenantId }, async () => (await this.staff.list(tenantId)).map(staffProfile));
  }

  async create(tenantId: string, request: CreateStaffRequest): Promise<StaffProfile> {
    const account: StaffEntity = {
      tenantId,
      id: uuidv7(),
      username: request.username,
      name: request.name.trim(),
      roles: [...request.roles].sort(),
      passwordHash: await this.passwords.hash(request.password),
      mobile: request.mobile ?? null,
      active: true,
      failedLogins: 0,
      lockedUntil: null,
      createdAt: new Date(),
      createdBy: this.context.principal?.id ?? null,
    };
    try {
      await this.uow.run({ tenantId }, async () => {
        await this.staff.insert(tenantId, account);
        await this.audit.record(tenantId, {
          action: 'staff.created',
          subjectType: 'staff',
          subjectId: account.id,
          details: { username: account.username, roles: account.roles },
        });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'staff_tenant_username_key')) {
        throw OrgError.STAFF_USERNAME_TAKEN({ username: request.username });
      }
      throw error;
    }
    return staffProfile(account);
  }
}
