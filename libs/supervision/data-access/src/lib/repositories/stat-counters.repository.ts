import { Injectable } from '@nestjs/common';
import type { CivilDate } from '@zhengwu/calendar/domain';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { type CounterDelta, type StatCounters, type StatDimension, type StatEvent } from '@zhengwu/supervision/domain';

interface EventRow {
  seq: string;
  action: string;
  actor_kind: StatEvent['actorKind'];
  actor_id: string | null;
  from_status: number;
  to_status: number;
  day: string;
  case_type: StatEvent['caseType'];
  department_name: string;
  item_id: string;
  item_name: string;
  promised_due: string | null;
  accepted_at: Date | null;
  occurred_at: Date;
}

/** The statistics counters and the per-centre watermark of the event log folded into them. */
@Injectable()
export class StatCountersRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** The watermark, locked for this transaction (the sweep already holds the centre's lease). */
  async lockWatermark(tenantId: string): Promise<number> {
    const manager = this.uow.manager({ tenantId });
    await manager.query('INSERT INTO supervision_stat_watermarks (tenant_id) VALUES ($1) ON CONFLICT (tenant_id) DO NOTHING', [tenantId]);
    const [row]: Array<{ last_event_seq: string }> = await manager.query(
      'SELECT last_event_seq FROM supervision_stat_watermarks WHERE tenant_id = $1 FOR UPDATE',
      [tenantId],
    );
    return Number(row?.last_event_seq ?? 0);
  }

  async watermark(tenantId: string): Promise<number> {
    const [row]: Array<{ last_event_seq: string }> = await this.uow.manager({ tenantId }).query(
      'SELECT last_event_seq FROM supervision_stat_watermarks WHERE tenant_id = $1',
      [tenantId],
    );
    return Number(row?.last_event_seq ?? 0);
  }

  /** Events after the watermark, in order, with the case facts the counters need. */
  async eventsAfter(tenantId: string, seq: number, limit: number): Promise<StatEvent[]> {
    const rows: EventRow[] = await this.uow.manager({ tenantId }).query(
      `SELECT e.seq, e.action, e.actor_kind, e.actor_id, e.from_status, e.to_status,
              (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date::text AS day,
              a.case_type, a.department_name, a.item_id, a.item_name, a.promised_due::text AS promised_due, a.accepted_at, e.occurred_at
         FROM application_events e
         JOIN applications a ON a.tenant_id = e.tenant_id AND a.id = e.application_id
        WHERE e.tenant_id = $1 AND e.seq > $2
        ORDER BY e.seq
        LIMIT $3`,
      [tenantId, seq, limit],
    );
    return rows.map((row) => ({
      seq: Number(row.seq),
      action: row.action,
      actorKind: row.actor_kind,
      actorId: row.actor_id,
      fromStatus: Number(row.from_status),
      toStatus: Number(row.to_status),
      day: row.day as CivilDate,
      caseType: row.case_type,
      departmentName: row.department_name,
      itemId: row.item_id,
      itemName: row.item_name,
      promisedDue: row.promised_due as CivilDate | null,
      acceptedAt: row.accepted_at,
      occurredAt: row.occurred_at,
    }));
  }

  async add(tenantId: string, deltas: readonly CounterDelta[]): Promise<void> {
    const manager = this.uow.manager({ tenantId });
    for (const delta of deltas) {
      const c = delta.counters;
      await manager.query(
        `INSERT INTO supervision_stat_counters AS s (tenant_id, dimension, key, day, label, received, accepted, completed, completed_on_time,
           overdue_completed, handling_working_days, immediate_received, staff_actions)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (tenant_id, dimension, key, day) DO UPDATE SET
           received = s.received + EXCLUDED.received, accepted = s.accepted + EXCLUDED.accepted,
           completed = s.completed + EXCLUDED.completed, completed_on_time = s.completed_on_time + EXCLUDED.completed_on_time,
           overdue_completed = s.overdue_completed + EXCLUDED.overdue_completed,
           handling_working_days = s.handling_working_days + EXCLUDED.handling_working_days,
           immediate_received = s.immediate_received + EXCLUDED.immediate_received, staff_actions = s.staff_actions + EXCLUDED.staff_actions`,
        [tenantId, delta.dimension, delta.key, delta.day, delta.label, c.received, c.accepted, c.completed, c.completedOnTime,
          c.overdueCompleted, c.handlingWorkingDays, c.immediateReceived, c.staffActions],
      );
    }
  }

  async moveWatermark(tenantId: string, seq: number): Promise<void> {
    await this.uow.manager({ tenantId }).query('UPDATE supervision_stat_watermarks SET last_event_seq = $2, updated_at = now() WHERE tenant_id = $1', [tenantId, seq]);
  }

  /** A period's sums per key of one dimension (staff rows labelled with the staff member's name). */
  async period(tenantId: string, dimension: StatDimension, from: string, to: string): Promise<Array<{ key: string; label: string; counters: StatCounters }>> {
    const rows: Array<Record<string, string>> = await this.uow.manager({ tenantId }).query(
      `SELECT s.key, coalesce(max(st.name), max(s.label)) AS label,
              sum(s.received) AS received, sum(s.accepted) AS accepted, sum(s.completed) AS completed,
              sum(s.completed_on_time) AS completed_on_time, sum(s.overdue_completed) AS overdue_completed,
              sum(s.handling_working_days) AS handling_working_days, sum(s.immediate_received) AS immediate_received,
              sum(s.staff_actions) AS staff_actions
         FROM supervision_stat_counters s
         LEFT JOIN staff st ON s.dimension = 'staff' AND st.tenant_id = s.tenant_id AND st.id::text = s.key
        WHERE s.tenant_id = $1 AND s.dimension = $2 AND s.day BETWEEN $3 AND $4
        GROUP BY s.key
        ORDER BY s.key`,
      [tenantId, dimension, from, to],
    );
    return rows.map((row) => ({
      key: row['key'],
      label: row['label'] ?? '',
      counters: {
        received: Number(row['received']),
        accepted: Number(row['accepted']),
        completed: Number(row['completed']),
        completedOnTime: Number(row['completed_on_time']),
        overdueCompleted: Number(row['overdue_completed']),
        handlingWorkingDays: Number(row['handling_working_days']),
        immediateReceived: Number(row['immediate_received']),
        staffActions: Number(row['staff_actions']),
      },
    }));
  }
}
