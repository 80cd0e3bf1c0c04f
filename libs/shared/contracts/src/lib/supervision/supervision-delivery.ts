import type { SupervisionAlertView } from './supervision-views';

/*
 * Delivery of alerts to the recipients a rule names (`notify`): the department heads a centre
 * admin assigns, and each staff member's own open alerts (`…/supervision/my-alerts`).
 */

/** Why an alert reached the caller: they hold the work (`handler`) or head its department. */
export type MyAlertReason = 'handler' | 'department_head';
export const MY_ALERT_REASONS: readonly MyAlertReason[] = ['handler', 'department_head'];

/** An open alert addressed to the caller; `reasons` holds both when both apply. */
export interface MyAlertView extends SupervisionAlertView {
  reasons: MyAlertReason[];
}

export interface DepartmentHeadView {
  staffId: string;
  staffName: string;
  /** A deactivated account stays listed until the admin replaces it (it cannot sign in to read its alerts). */
  active: boolean;
  assignedAt: string;
}

/** `GET …/supervision/department-heads`: every department of the centre, each with its heads. */
export interface DepartmentHeadsView {
  centreCode: string;
  departments: Array<{ departmentId: string; departmentCode: string; departmentName: string; heads: DepartmentHeadView[] }>;
}

/** `PUT …/supervision/department-heads/{departmentId}`: the department's heads from now on (empty: none). */
export interface PutDepartmentHeadsBody {
  staffIds: string[];
}
