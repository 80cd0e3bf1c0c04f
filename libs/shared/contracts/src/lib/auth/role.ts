/** Staff posts of a centre (岗位). A staff account may hold several. */
export enum StaffRole {
  WindowClerk = 'window_clerk',
  Reviewer = 'reviewer',
  Approver = 'approver',
  Supervisor = 'supervisor',
  CentreAdmin = 'centre_admin',
}

export const STAFF_ROLES: readonly StaffRole[] = Object.values(StaffRole);
