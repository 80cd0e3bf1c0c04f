import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';

/** One step of one case: what the overdue-risk model learns from (finished) and asks about (open). */
export interface StepRecord {
  applicationId: string;
  caseNumber: string | null;
  itemId: string;
  itemName: string;
  stepSeq: number;
  stepCode: string;
  stepName: string;
  post: string;
  holderName: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  /** The step's own due date (YYYY-MM-DD), when it has a limit. */
  due: string | null;
  outcome: string | null;
  /** The case's clock is running (a paused or stopped case is not at risk of anything). */
  clockRunning: boolean;
}

interface StepRow {
  application_id: string;
  case_number: string | null;
  item_id: string;
  item_name: string;
  seq: number;
  code: string;
  name: string;
  post: string;
  holder_name: string | null;
  started_at: Date;
  finished_at: Date | null;
  due: string | null;
  outcome: string | null;
  clock_running: boolean;
}

/**
 * Reads a centre's steps from the approval core's tables for the predicted overdue risk: the open
 * steps it is asked about and the recently finished ones it learns from. Under the centre's
 * row-level security, read-only.
 */
@Injectable()
export class StepHistoryReader {
  constructor(private readonly uow: UnitOfWork) {}

  /** Every open step of the centre's cases (at most `limit`), oldest first. */
  async openSteps(tenantId: string, limit: number): Promise<StepRecord[]> {
    return this.read(tenantId, 's.finished_at IS NULL', 's.started_at ASC', [limit]);
  }

  /** Steps finished since `since`, newest first, at most `limit`: what the model is fitted on. */
  async finishedSince(tenantId: string, since: Date, limit: number): Promise<StepRecord[]> {
    return this.read(tenantId, 's.finished_at IS NOT NULL AND s.finished_at >= $3', 's.finished_at DESC', [limit, since]);
  }

  private async read(tenantId: string, condition: string, order: string, parameters: unknown[]): Promise<StepRecord[]> {
    const rows: StepRow[] = await this.uow.manager({ tenantId }).query(
      `SELECT s.application_id, a.case_number, a.item_id::text AS item_id, a.item_name, s.seq, s.code, s.name, s.post,
              s.assignee_name AS holder_name, s.started_at, s.finished_at, s.due::text AS due, s.outcome,
              a.clock_state = 'running' AS clock_running
         FROM application_steps s
         JOIN applications a ON a.tenant_id = s.tenant_id AND a.id = s.application_id
        WHERE s.tenant_id = $1 AND ${condition}
        ORDER BY ${order}
        LIMIT $2`,
      [tenantId, ...parameters],
    );
    return rows.map((row) => ({
      applicationId: row.application_id,
      caseNumber: row.case_number,
      itemId: row.item_id,
      itemName: row.item_name,
      stepSeq: Number(row.seq),
      stepCode: row.code,
      stepName: row.name,
      post: row.post,
      holderName: row.holder_name,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      due: row.due,
      outcome: row.outcome,
      clockRunning: row.clock_running,
    }));
  }
}
