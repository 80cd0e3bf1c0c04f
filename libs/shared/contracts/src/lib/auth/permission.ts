import { StaffRole } from './role';

/**
 * Every HTTP handler declares one of these (or is explicitly public). Names are `<resource>:<action>`.
 * Applicant permissions are granted to every authenticated applicant; staff permissions come from
 * the roles on the staff token.
 */
export enum Permission {
  /** One's own account (applicants and every staff role). */
  ProfileRead = 'profile:read',
  StaffRead = 'staff:read',
  StaffManage = 'staff:manage',
}

export const APPLICANT_PERMISSIONS: readonly Permission[] = [Permission.ProfileRead];

export const ROLE_PERMISSIONS: Readonly<Record<StaffRole, readonly Permission[]>> = {
  [StaffRole.WindowClerk]: [Permission.ProfileRead],
  [StaffRole.Reviewer]: [Permission.ProfileRead],
  [StaffRole.Approver]: [Permission.ProfileRead],
  [StaffRole.Supervisor]: [Permission.ProfileRead, Permission.StaffRead],
  [StaffRole.CentreAdmin]: [Permission.ProfileRead, Permission.StaffRead, Permission.StaffManage],
};

export function permissionsOfRoles(roles: readonly StaffRole[]): Permission[] {
  return [...new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role] ?? []))];
}
