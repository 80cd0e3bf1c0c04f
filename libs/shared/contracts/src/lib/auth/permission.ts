import { StaffRole } from './role';

/**
 * Every HTTP handler declares one of these (or is explicitly public). Names are `<resource>:<action>`.
 * Applicant permissions are granted to every authenticated applicant; staff permissions come from
 * the roles on the staff token.
 */
export enum Permission {
  ApplicantProfileRead = 'applicant-profile:read',
  StaffProfileRead = 'staff-profile:read',
  StaffRead = 'staff:read',
  StaffManage = 'staff:manage',
}

export const APPLICANT_PERMISSIONS: readonly Permission[] = [Permission.ApplicantProfileRead];

export const ROLE_PERMISSIONS: Readonly<Record<StaffRole, readonly Permission[]>> = {
  [StaffRole.WindowClerk]: [Permission.StaffProfileRead],
  [StaffRole.Reviewer]: [Permission.StaffProfileRead],
  [StaffRole.Approver]: [Permission.StaffProfileRead],
  [StaffRole.Supervisor]: [Permission.StaffProfileRead, Permission.StaffRead],
  [StaffRole.CentreAdmin]: [Permission.StaffProfileRead, Permission.StaffRead, Permission.StaffManage],
};

export function permissionsOfRoles(roles: readonly StaffRole[]): Permission[] {
  return [...new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role] ?? []))];
}
