import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { type AlertLevel, AWAITING_PRE_REVIEW_STATUSES, CLOCK_STATUSES, type Finding } from '@zhengwu/supervision/domain';
import { randomUUID } from 'node:crypto';
import { SupervisionAlertEntity } from '../entities/supervision-alert.entity';
import type { WorkContext } from './open-work.reader';

export interface AlertFilter {
  level?: AlertLevel;
  state?: 'open' | 'resolved' | 'all';
  applicationId?: string;
  limit: number;
  offset: number;
}

/** Alerts raised by the sweep. Raising is idempotent: one row per rule, subject and level. */
@Injectable()
export class SupervisionAlertRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** The new alert, or null when this rule already raised this level on this subject. */
  async raise(tenantId: string, finding: Finding, context: WorkContext, now: Date): Promise<SupervisionAlertEntity | null> {
    const id = randomUUID();
    const rows: Array<{ id: string }> = await this.uow.manager({ tenantId }).query(
      `INSERT INTO supervision_alerts (tenant_id, id, rule_id, level, subject_kind, subject_key, application_id, case_number,
         step_seq, verification_task_id, item_name, department_id, department_name, step_name, post, due, working_days,
         provisional, notify, holder_id, holder_name, raised_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
       ON CONFLICT (tenant_id, rule_id, subject_key, level) DO NOTHING
       RETURNING id`,
      [
        tenantId, id, finding.ruleId, finding.level, finding.subjectKind, finding.subjectKey, finding.applicationId, finding.caseNumber,
        finding.stepSeq, finding.verificationTaskId, context.itemName, context.departmentId, context.departmentName,
        finding.subjectKind === 'case' ? null : context.stepName, context.post, finding.due, finding.workingDays,
        finding.provisional, finding.notify, context.holderId, context.holderName, now,
      ],
    );
    if (rows.length === 0) return null;
    return this.repo(tenantId).findOneByOrFail({ tenantId, id });
  }

  /**
   * Marks open alerts resolved whose condition no longer holds (the step was passed, the case
   * completed or paused): every open alert not in `stillFiring`, except those of rules that record
   * a past event (a refusal without reasons stays on the record).
   */
  async resolveAllExcept(tenantId: string, stillFiring: ReadonlyArray<{ ruleId: string; subjectKey: string; level: AlertLevel }>, keepRuleIds: readonly string[], now: Date): Promise<number> {
    const keys = stillFiring.map((f) => `${f.ruleId}|${f.subjectKey}|${f.level}`);
    const result: [unknown[], number] = await this.uow.manager({ tenantId }).query(
      `UPDATE supervision_alerts SET resolved_at = $2
        WHERE tenant_id = $1 AND resolved_at IS NULL
          AND NOT (rule_id = ANY($4::text[]))
          AND NOT ((rule_id || '|' || subject_key || '|' || level) = ANY($3::text[]))`,
      [tenantId, now, keys, keepRuleIds],
    );
    return result[1];
  }

  async list(tenantId: string, filter: AlertFilter): Promise<{ items: SupervisionAlertEntity[]; total: number }> {
    const query = this.repo(tenantId).createQueryBuilder('a').where('a.tenant_id = :tenantId', { tenantId });
    if (filter.level) query.andWhere('a.level = :level', { level: filter.level });
    if (filter.state === 'open' || filter.state === undefined) query.andWhere('a.resolved_at IS NULL');
    if (filter.state === 'resolved') query.andWhere('a.resolved_at IS NOT NULL');
    if (filter.applicationId) query.andWhere('a.application_id = :applicationId', { applicationId: filter.applicationId });
    const [items, total] = await query.orderBy('a.raised_at', 'DESC').addOrderBy('a.id').skip(filter.offset).take(filter.limit).getManyAndCount();
    return { items, total };
  }

  /** Open alerts of one level, most overdue (or soonest due) first. */
  open(tenantId: string, level: AlertLevel, limit: number, options: { withoutRedOnSameCase?: boolean } = {}): Promise<SupervisionAlertEntity[]> {
    const query = this.repo(tenantId)
      .createQueryBuilder('a')
      .where('a.tenant_id = :tenantId AND a.level = :level AND a.resolved_at IS NULL', { tenantId, level });
    if (options.withoutRedOnSameCase) {
      query.andWhere(
        `NOT EXISTS (SELECT 1 FROM supervision_alerts r WHERE r.tenant_id = a.tenant_id AND r.application_id = a.application_id
           AND r.level = 'red' AND r.resolved_at IS NULL)`,
      );
    }
    return query
      .orderBy('a.due', 'ASC', 'NULLS LAST')
      .addOrderBy('a.raised_at', 'ASC')
      .take(limit)
      .getMany();
  }

  /** Open cases by their highest open alert level (an alert on a step counts for its case). */
  /** Cases with any open alert on them (a case alert or one of its steps'). */
  async casesWithOpenAlerts(tenantId: string): Promise<Set<string>> {
    const rows: Array<{ application_id: string }> = await this.uow.manager({ tenantId }).query(
      `SELECT DISTINCT application_id FROM supervision_alerts WHERE tenant_id = $1 AND resolved_at IS NULL AND application_id IS NOT NULL`,
      [tenantId],
    );
    return new Set(rows.map((row) => row.application_id));
  }

  async openCaseLevels(tenantId: string): Promise<{ yellow: number; red: number }> {
    const rows: Array<{ level: AlertLevel; count: string }> = await this.uow.manager({ tenantId }).query(
      `SELECT top.level, count(*) AS count FROM (
         SELECT application_id, max(CASE level WHEN 'red' THEN 2 ELSE 1 END) AS rank
           FROM supervision_alerts
          WHERE tenant_id = $1 AND resolved_at IS NULL AND application_id IS NOT NULL AND subject_kind <> 'verification'
          GROUP BY application_id
       ) ranked
       CROSS JOIN LATERAL (SELECT CASE ranked.rank WHEN 2 THEN 'red' ELSE 'yellow' END AS level) top
       JOIN applications a ON a.tenant_id = $1 AND a.id = ranked.application_id AND a.status = ANY($2::smallint[])
       GROUP BY top.level`,
      [tenantId, [...AWAITING_PRE_REVIEW_STATUSES, ...CLOCK_STATUSES]],
    );
    const count = (level: AlertLevel) => Number(rows.find((row) => row.level === level)?.count ?? 0);
    return { yellow: count('yellow'), red: count('red') };
  }

  private repo(tenantId: string) {
    return this.uow.manager({ tenantId }).getRepository(SupervisionAlertEntity);
  }
}
