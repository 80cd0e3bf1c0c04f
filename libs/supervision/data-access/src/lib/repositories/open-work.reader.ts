import { Injectable } from '@nestjs/common';
import type { CivilDate } from '@zhengwu/calendar/domain';
import { UnitOfWork } from '@zhengwu/server/core/database';
import {
  AWAITING_PRE_REVIEW_STATUSES,
  type CaseUnderSupervision,
  CLOCK_STATUSES,
  REFUSAL_STATUSES,
  type VerificationUnderSupervision,
} from '@zhengwu/supervision/domain';

/** What an alert needs besides the rule's verdict: names for the lists, and who holds the work. */
export interface WorkContext {
  itemName: string | null;
  departmentId: string | null;
  departmentName: string | null;
  stepName: string | null;
  post: string | null;
  holderId: string | null;
  holderName: string | null;
}

export type CaseWork = CaseUnderSupervision & WorkContext;
export type VerificationWork = VerificationUnderSupervision & WorkContext;

interface CaseRow {
  id: string;
  case_number: string | null;
  status: number;
  clock_state: CaseUnderSupervision['clockState'];
  submitted_at: Date | null;
  promised_due: string | null;
  item_name: string;
  item_code: string | null;
  department_id: string | null;
  department_code: string | null;
  department_name: string;
  step_seq: number | null;
  step_due: string | null;
  step_name: string | null;
  post: string | null;
  holder_id: string | null;
  holder_name: string | null;
  refusal_reasoned: boolean | null;
}

/**
 * Reads the centre's open work from the approval core's tables (applications, their steps and
 * events; items and departments for scopes; staff for names), in the sweep's unit of work, so the
 * same row-level security applies. Read-only: supervision never changes a case.
 */
@Injectable()
export class OpenWorkReader {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * The ids of the centre's open cases (waiting for pre-review, or accepted and not completed), in
   * id order: the sweep reads them page by page (openCasesByIds) rather than holding hundreds of
   * thousands of cases with their context in memory at once.
   */
  async openCaseIds(tenantId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.uow.manager({ tenantId }).query(
      'SELECT id FROM applications WHERE tenant_id = $1 AND status = ANY($2::smallint[]) ORDER BY id',
      [tenantId, OPEN_STATUSES],
    );
    return rows.map((row) => row.id);
  }

  /** These cases with their open step, those still open (a case may have moved on since its id was read). */
  async openCasesByIds(tenantId: string, ids: readonly string[]): Promise<CaseWork[]> {
    if (ids.length === 0) return [];
    const rows: CaseRow[] = await this.uow.manager({ tenantId }).query(
      `${CASE_SELECT}
       WHERE a.tenant_id = $1 AND a.id = ANY($2::uuid[]) AND a.status = ANY($3::smallint[])`,
      [tenantId, ids, OPEN_STATUSES],
    );
    return rows.map(toCaseWork);
  }

  /** Refusals since `since`, with whether the refusing event recorded a reason. */
  async recentRefusals(tenantId: string, since: Date, limit: number): Promise<CaseWork[]> {
    const rows: CaseRow[] = await this.uow.manager({ tenantId }).query(
      `${CASE_SELECT}
       WHERE a.tenant_id = $1 AND a.status = ANY($2::smallint[]) AND a.updated_at >= $3
       ORDER BY a.updated_at DESC
       LIMIT $4`,
      [tenantId, [...REFUSAL_STATUSES], since, limit],
    );
    return rows.map(toCaseWork);
  }

  /** Originals checks this centre does for another centre's case, still pending. */
  async pendingVerifications(tenantId: string, limit: number): Promise<VerificationWork[]> {
    const rows: Array<{ id: string; case_number: string; due: string | null; item_name: string; holder_id: string | null; holder_name: string | null }> =
      await this.uow.manager({ tenantId }).query(
        `SELECT t.id, t.case_number, t.due::text AS due, t.item_name, t.assignee_id AS holder_id, st.name AS holder_name
           FROM verification_tasks t
           LEFT JOIN staff st ON st.tenant_id = t.tenant_id AND st.id = t.assignee_id
          WHERE t.tenant_id = $1 AND t.status = 'pending' AND t.handling_centre <> t.tenant_id AND t.due IS NOT NULL
          ORDER BY t.due
          LIMIT $2`,
        [tenantId, limit],
      );
    return rows.map((row) => ({
      taskId: row.id,
      caseNumber: row.case_number,
      due: row.due as CivilDate | null,
      itemName: row.item_name,
      departmentId: null,
      departmentName: null,
      stepName: null,
      post: 'window_clerk',
      holderId: row.holder_id,
      holderName: row.holder_name,
    }));
  }

  /** Open cases of the centre (for the board's counts). */
  async openCaseCount(tenantId: string): Promise<number> {
    const [row]: Array<{ count: string }> = await this.uow.manager({ tenantId }).query(
      'SELECT count(*) AS count FROM applications WHERE tenant_id = $1 AND status = ANY($2::smallint[])',
      [tenantId, OPEN_STATUSES],
    );
    return Number(row?.count ?? 0);
  }
}

const OPEN_STATUSES = [...AWAITING_PRE_REVIEW_STATUSES, ...CLOCK_STATUSES];

// The holder is whoever holds the case's current step (claimed or assigned), else the open step
// spell's assignee. The refusal's reason is the comment of the event that made the refusal.
const CASE_SELECT = `
  SELECT a.id, a.case_number, a.status, a.clock_state, a.submitted_at, a.promised_due::text AS promised_due,
         a.item_name, i.basic_code AS item_code, d.id AS department_id, d.code AS department_code,
         coalesce(d.name, a.department_name) AS department_name,
         s.seq AS step_seq, s.due::text AS step_due, s.name AS step_name, coalesce(s.post, a.current_post) AS post,
         coalesce(a.current_assignee_id, s.assignee_id) AS holder_id,
         coalesce(holder.name, s.assignee_name) AS holder_name,
         CASE WHEN a.status IN (40, 97) THEN (
           SELECT coalesce(btrim(e.comment), '') <> ''
             FROM application_events e
            WHERE e.tenant_id = a.tenant_id AND e.application_id = a.id AND e.to_status = a.status
            ORDER BY e.seq DESC LIMIT 1
         ) END AS refusal_reasoned
    FROM applications a
    LEFT JOIN items i ON i.tenant_id = a.tenant_id AND i.id = a.item_id
    LEFT JOIN departments d ON d.tenant_id = i.tenant_id AND d.id = i.department_id
    LEFT JOIN LATERAL (
      SELECT st.seq, st.due, st.name, st.post, st.assignee_id, st.assignee_name
        FROM application_steps st
       WHERE st.tenant_id = a.tenant_id AND st.application_id = a.id AND st.finished_at IS NULL
       ORDER BY st.seq DESC LIMIT 1
    ) s ON true
    LEFT JOIN staff holder ON holder.tenant_id = a.tenant_id AND holder.id = coalesce(a.current_assignee_id, s.assignee_id)`;

function toCaseWork(row: CaseRow): CaseWork {
  return {
    applicationId: row.id,
    caseNumber: row.case_number,
    status: Number(row.status),
    clockState: row.clock_state,
    itemCode: row.item_code,
    departmentCode: row.department_code,
    submittedAt: row.submitted_at,
    promisedDue: row.promised_due as CivilDate | null,
    step: row.step_seq === null ? null : { seq: row.step_seq, due: row.step_due as CivilDate | null },
    refusalReasoned: row.refusal_reasoned ?? undefined,
    itemName: row.item_name,
    departmentId: row.department_id,
    departmentName: row.department_name,
    stepName: row.step_name,
    post: row.post,
    holderId: row.holder_id,
    holderName: row.holder_name,
  };
}
