import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { type AlertLevel, AWAITING_PRE_REVIEW_STATUSES, CLOCK_STATUSES, type Finding } from '@zhengwu/supervision/domain';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { SupervisionAlertEntity } from '../entities/supervision-alert.entity';
import type { WorkContext } from './open-work.reader';

/** An alert's identity: one alert per rule, subject and level (the table's unique key). */
export function alertKey(alert: { ruleId: string; subjectKey: string; level: AlertLevel }): string {
  return `${alert.ruleId}|${alert.subjectKey}|${alert.level}`;
}

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

  /**
   * Raises these alerts in one statement and returns the new ones; a finding this rule already
   * raised at this level on this subject (open or resolved) inserts nothing (the unique key), so
   * concurrent or repeated sweeps never double an alert.
   */
  async raiseMany(tenantId: string, found: ReadonlyArray<{ finding: Finding; context: WorkContext }>, now: Date): Promise<SupervisionAlertEntity[]> {
    if (found.length === 0) return [];
    const rows = found.map(({ finding, context }) => ({
      tenant_id: tenantId,
      id: randomUUID(),
      rule_id: finding.ruleId,
      level: finding.level,
      subject_kind: finding.subjectKind,
      subject_key: finding.subjectKey,
      application_id: finding.applicationId,
      case_number: finding.caseNumber,
      step_seq: finding.stepSeq,
      verification_task_id: finding.verificationTaskId,
      item_name: context.itemName,
      department_id: context.departmentId,
      department_name: context.departmentName,
      step_name: finding.subjectKind === 'case' ? null : context.stepName,
      post: context.post,
      due: finding.due,
      working_days: finding.workingDays,
      provisional: finding.provisional,
      notify: finding.notify,
      holder_id: context.holderId,
      holder_name: context.holderName,
      raised_at: now.toISOString(),
      resolved_at: null,
    }));
    const columns = Object.keys(rows[0] as object).join(', ');
    const inserted: Array<{ id: string }> = await this.uow.manager({ tenantId }).query(
      `INSERT INTO supervision_alerts (${columns})
       SELECT ${columns} FROM jsonb_populate_recordset(NULL::supervision_alerts, $1::jsonb)
       ON CONFLICT (tenant_id, rule_id, subject_key, level) DO NOTHING
       RETURNING id`,
      [JSON.stringify(rows)],
    );
    if (inserted.length === 0) return [];
    return this.repo(tenantId).findBy({ tenantId, id: In(inserted.map((row) => row.id)) });
  }

  /**
   * Marks open alerts resolved whose condition no longer holds (the step was passed, the case
   * completed or paused): every open alert not in `stillFiring`, except those of rules that record
   * a past event (a refusal without reasons stays on the record).
   */
  async resolveAllExcept(tenantId: string, stillFiring: ReadonlyArray<{ ruleId: string; subjectKey: string; level: AlertLevel }>, keepRuleIds: readonly string[], now: Date): Promise<number> {
    const keys = stillFiring.map(alertKey);
    // An anti-join against the keys, not `<> ALL(array)`: with a hundred thousand open alerts the
    // array test compares every alert with every key.
    const result: [unknown[], number] = await this.uow.manager({ tenantId }).query(
      `UPDATE supervision_alerts a SET resolved_at = $2
        WHERE a.tenant_id = $1 AND a.resolved_at IS NULL
          AND NOT (a.rule_id = ANY($4::text[]))
          AND NOT EXISTS (SELECT 1 FROM unnest($3::text[]) AS firing (key) WHERE firing.key = a.rule_id || '|' || a.subject_key || '|' || a.level)`,
      [tenantId, now, keys, keepRuleIds],
    );
    return result[1];
  }

  /** The keys (alertKey) of the centre's open alerts: the sweep raises only findings not among them. */
  async openKeys(tenantId: string): Promise<Set<string>> {
    const rows: Array<{ key: string }> = await this.uow.manager({ tenantId }).query(
      `SELECT rule_id || '|' || subject_key || '|' || level AS key FROM supervision_alerts WHERE tenant_id = $1 AND resolved_at IS NULL`,
      [tenantId],
    );
    return new Set(rows.map((row) => row.key));
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

  /** Cases with any open alert on them (a case alert or one of its steps'). */
  async casesWithOpenAlerts(tenantId: string): Promise<Set<string>> {
    const rows: Array<{ application_id: string }> = await this.uow.manager({ tenantId }).query(
      `SELECT DISTINCT application_id FROM supervision_alerts WHERE tenant_id = $1 AND resolved_at IS NULL AND application_id IS NOT NULL`,
      [tenantId],
    );
    return new Set(rows.map((row) => row.application_id));
  }

  /**
   * Open red alerts, and open yellow ones of cases without a red one (the board's two lists,
   * counted). One pass grouped by case, no join: a correlated "has this case a red one?" probe
   * degrades to a walk of every red alert per yellow one when the planner's statistics are stale.
   */
  async openAlertCounts(tenantId: string): Promise<{ red: number; dueSoon: number }> {
    const [row]: Array<{ red: string | null; due_soon: string | null }> = await this.uow.manager({ tenantId }).query(
      `SELECT sum(reds) AS red, sum(yellows) FILTER (WHERE application_id IS NULL OR reds = 0) AS due_soon
         FROM (SELECT application_id, count(*) FILTER (WHERE level = 'red') AS reds, count(*) FILTER (WHERE level = 'yellow') AS yellows
                 FROM supervision_alerts WHERE tenant_id = $1 AND resolved_at IS NULL
                GROUP BY application_id) per_case`,
      [tenantId],
    );
    return { red: Number(row?.red ?? 0), dueSoon: Number(row?.due_soon ?? 0) };
  }

  /** Refreshes the planner's statistics of the alerts (after a sweep that changed many; see migration 1795820001200). */
  async refreshStatistics(tenantId: string): Promise<void> {
    await this.uow.manager({ tenantId }).query('SELECT supervision_refresh_alert_statistics()');
  }

  /** Open cases by their highest open alert level (an alert on a step counts for its case). */
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
