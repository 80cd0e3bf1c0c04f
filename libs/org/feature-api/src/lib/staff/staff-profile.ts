import type { StaffEntity } from '@zhengwu/org/data-access';
import type { StaffProfile } from '@zhengwu/shared/contracts';

export function staffProfile(account: StaffEntity): StaffProfile {
  return {
    id: account.id,
    centreCode: account.tenantId,
    username: account.username,
    name: account.name,
    roles: account.roles,
    active: account.active,
    createdAt: account.createdAt.toISOString(),
  };
}
