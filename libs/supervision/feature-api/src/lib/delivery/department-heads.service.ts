import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type { StaffPrincipal } from '@zhengwu/server/core/tenancy';
import type { DepartmentHeadsView } from '@zhengwu/shared/contracts';
import { DepartmentHeadRepository } from '@zhengwu/supervision/data-access';
import { DeliveryError } from './delivery-errors';
import type { PutDepartmentHeadsRequest } from './delivery.dto';

/** Who heads which department of a centre, as its admin assigns them (alerts naming `department_head` reach them). */
@Injectable()
export class DepartmentHeadsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly heads: DepartmentHeadRepository,
  ) {}

  list(tenantId: string): Promise<DepartmentHeadsView> {
    return this.uow.run({ tenantId }, async () => ({ centreCode: tenantId, departments: await this.heads.list(tenantId) }));
  }

  /** Replaces the department's heads; nothing changes unless the department and every person are the centre's. */
  replace(tenantId: string, departmentId: string, body: PutDepartmentHeadsRequest, admin: StaffPrincipal, now: Date): Promise<DepartmentHeadsView> {
    return this.uow.run({ tenantId }, async () => {
      if (!(await this.heads.departmentExists(tenantId, departmentId))) throw DeliveryError.DEPARTMENT_NOT_FOUND({ departmentId });
      const active = await this.heads.activeStaffAmong(tenantId, body.staffIds);
      const unknown = body.staffIds.filter((id) => !active.has(id));
      if (unknown.length > 0) throw DeliveryError.HEAD_NOT_STAFF({ staffIds: unknown });
      await this.heads.replace(tenantId, departmentId, body.staffIds, admin.id, now);
      return { centreCode: tenantId, departments: await this.heads.list(tenantId) };
    });
  }
}
