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
  /** Departments, windows, items, materials, sample documents, procedure versions, calendar. */
  CatalogueManage = 'catalogue:manage',
  /** An applicant's own applications: drafts, uploads, submit, withdraw, progress, ratings. */
  ApplicationApply = 'application:apply',
  /** One application and its materials: its applicant, or staff of its centre (RLS decides which rows). */
  ApplicationView = 'application:view',
  /** Staff: the centre's inbox and lists of applications. */
  ApplicationRead = 'application:read',
  /** Window clerks: pre-review (accept, return with the one-time notice, not accept). */
  PreReview = 'application:pre-review',
  /** The holder of a step's post: pass or return the step, special procedures. */
  StepHandle = 'application:step',
  /** Approvers: approve, deny, extend the legal limit, complete. */
  Decide = 'application:decide',
  /** Window clerks: check paper originals against the uploaded copies (for any centre's case). */
  OriginalsCheck = 'originals:check',
  /** Window clerks: file an application for a walk-in applicant, for any centre's item (窗口代收). */
  CounterIntake = 'application:counter-intake',
  /** Supervisors: override the one-time-notice rule with a written reason. */
  NoticeOverride = 'notice:override',
  /** Supervisors: rectification cases opened by bad ratings; verification of event chains. */
  Supervise = 'supervision:read',
}

export const APPLICANT_PERMISSIONS: readonly Permission[] = [Permission.ProfileRead, Permission.ApplicationApply, Permission.ApplicationView];

export const ROLE_PERMISSIONS: Readonly<Record<StaffRole, readonly Permission[]>> = {
  [StaffRole.WindowClerk]: [
    Permission.ProfileRead,
    Permission.ApplicationView,
    Permission.ApplicationRead,
    Permission.PreReview,
    Permission.StepHandle,
    Permission.OriginalsCheck,
    Permission.CounterIntake,
  ],
  [StaffRole.Reviewer]: [Permission.ProfileRead, Permission.ApplicationView, Permission.ApplicationRead, Permission.StepHandle],
  [StaffRole.Approver]: [Permission.ProfileRead, Permission.ApplicationView, Permission.ApplicationRead, Permission.StepHandle, Permission.Decide],
  [StaffRole.Supervisor]: [
    Permission.ProfileRead,
    Permission.StaffRead,
    Permission.ApplicationView, Permission.ApplicationRead,
    Permission.NoticeOverride,
    Permission.Supervise,
  ],
  [StaffRole.CentreAdmin]: [
    Permission.ProfileRead,
    Permission.StaffRead,
    Permission.StaffManage,
    Permission.CatalogueManage,
    Permission.ApplicationView, Permission.ApplicationRead,
    Permission.Supervise,
  ],
};

export function permissionsOfRoles(roles: readonly StaffRole[]): Permission[] {
  return [...new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role] ?? []))];
}
