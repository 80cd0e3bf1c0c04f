import { Injectable } from '@nestjs/common';
import type { CivilDate } from '@zhengwu/calendar/domain';
import { UnitOfWork } from '@zhengwu/server/core/database';
import {
  type CatalogueFigures,
  type CounterDelta,
  monthStart,
  periodParts,
  type RatingChange,
  STAT_COUNTER_FIELDS,
  type StatCounters,
  type StatDimension,
  type StatEvent,
  type StatRatingLevel,
  sumCounters,
} from '@zhengwu/supervision/domain';

/** The counters' columns, in STAT_COUNTER_FIELDS order. */
const COLUMNS: Readonly<Record<keyof StatCounters, string>> = {
  received: 'received',
  accepted: 'accepted',
  completed: 'completed',
  completedOnTime: 'completed_on_time',
  overdueCompleted: 'overdue_completed',
  handlingWorkingDays: 'handling_working_days',
  immediateReceived: 'immediate_received',
  staffActions: 'staff_actions',
  ratings: 'ratings',
  caseRatings: 'case_ratings',
  satisfiedRatings: 'satisfied_ratings',
  badReviews: 'bad_reviews',
  badReviewsRectified: 'bad_reviews_rectified',
  badReviewsInvalid: 'bad_reviews_invalid',
};
const COLUMN_LIST = STAT_COUNTER_FIELDS.map((field) => COLUMNS[field]);

interface InboxRow {
  kind: 'rating' | 'rectification';
  day: string;
  level: string | null;
  case_rating: boolean | null;
  staff_id: string | null;
  from_status: string | null;
  to_status: string | null;
  department_name: string;
  item_id: string;
  item_name: string;
}

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

  /** Adds the deltas to the daily counters and to the monthly ones, in the caller's transaction. */
  async add(tenantId: string, deltas: readonly CounterDelta[]): Promise<void> {
    const manager = this.uow.manager({ tenantId });
    const placeholders = COLUMN_LIST.map((_, i) => `$${i + 6}`).join(', ');
    const updates = COLUMN_LIST.map((column) => `${column} = s.${column} + EXCLUDED.${column}`).join(', ');
    const daily = `INSERT INTO supervision_stat_counters AS s (tenant_id, dimension, key, day, label, ${COLUMN_LIST.join(', ')})
         VALUES ($1, $2, $3, $4, $5, ${placeholders})
         ON CONFLICT (tenant_id, dimension, key, day) DO UPDATE SET ${updates}`;
    const monthly = `INSERT INTO supervision_stat_counters_monthly AS s (tenant_id, dimension, key, month, label, ${COLUMN_LIST.join(', ')})
         VALUES ($1, $2, $3, $4, $5, ${placeholders})
         ON CONFLICT (tenant_id, dimension, key, month) DO UPDATE SET ${updates}`;
    // Deltas of one fold are merged per day; merging them per month first halves the monthly writes.
    const months = new Map<string, CounterDelta>();
    for (const delta of deltas) {
      const values = STAT_COUNTER_FIELDS.map((field) => delta.counters[field]);
      await manager.query(daily, [tenantId, delta.dimension, delta.key, delta.day, delta.label, ...values]);
      const month = monthStart(delta.day);
      const id = `${month}|${delta.dimension}|${delta.key}`;
      const existing = months.get(id);
      if (existing) existing.counters = sumCounters(existing.counters, delta.counters);
      else months.set(id, { ...delta, day: month, counters: { ...delta.counters } });
    }
    for (const delta of months.values()) {
      await manager.query(monthly, [tenantId, delta.dimension, delta.key, delta.day, delta.label, ...STAT_COUNTER_FIELDS.map((field) => delta.counters[field])]);
    }
  }

  /**
   * Takes up to `limit` queued rating and rectification changes off the centre's inbox (deleted in
   * this transaction: they are counted once, with the counters written in the same transaction),
   * with the case facts the counters need.
   */
  async takeRatingChanges(tenantId: string, limit: number): Promise<RatingChange[]> {
    const rows: InboxRow[] = await this.uow.manager({ tenantId }).query(
      `WITH batch AS (
         SELECT id FROM supervision_stat_inbox WHERE tenant_id = $1 ORDER BY id LIMIT $2
       ), taken AS (
         DELETE FROM supervision_stat_inbox i USING batch WHERE i.tenant_id = $1 AND i.id = batch.id
         RETURNING i.*
       )
       SELECT t.kind, (t.occurred_at AT TIME ZONE 'Asia/Shanghai')::date::text AS day, t.level, t.case_rating,
              t.staff_id::text AS staff_id, t.from_status, t.to_status, a.department_name, a.item_id::text AS item_id, a.item_name
         FROM taken t
         JOIN applications a ON a.tenant_id = t.tenant_id AND a.id = t.application_id
        ORDER BY t.id`,
      [tenantId, limit],
    );
    return rows.map((row): RatingChange => {
      const common = { day: row.day as CivilDate, departmentName: row.department_name, itemId: row.item_id, itemName: row.item_name };
      return row.kind === 'rating'
        ? { kind: 'rating', ...common, level: row.level as StatRatingLevel, caseRating: row.case_rating === true, handlerId: row.staff_id }
        : { kind: 'rectification', ...common, fromStatus: row.from_status, toStatus: row.to_status ?? '', responsibleStaffId: row.staff_id };
    });
  }

  /**
   * The catalogue's figures of the centre's published items, per key of a dimension (the centre:
   * key ''; a department: its name, as recorded on cases; an item: its id). A centre's catalogue is
   * hundreds of items, read through its (tenant_id, status, name) index.
   */
  async catalogue(tenantId: string, dimension: 'centre' | 'department' | 'item'): Promise<Map<string, CatalogueFigures>> {
    const key = dimension === 'centre' ? `''` : dimension === 'department' ? 'd.name' : 'i.id::text';
    const rows: Array<Record<string, string>> = await this.uow.manager({ tenantId }).query(
      `SELECT ${key} AS key, count(*) AS items,
              count(*) FILTER (WHERE i.online_applicable) AS online_applicable,
              count(*) FILTER (WHERE i.fully_online) AS fully_online,
              count(*) FILTER (WHERE i.case_type = 'immediate') AS immediate,
              count(*) FILTER (WHERE i.legal_limit_value > 0 AND i.legal_limit_unit = i.promised_limit_unit) AS comparable,
              coalesce(sum((i.legal_limit_value - i.promised_limit_value)::float8 / i.legal_limit_value)
                FILTER (WHERE i.legal_limit_value > 0 AND i.legal_limit_unit = i.promised_limit_unit), 0) AS compression
         FROM items i
         JOIN departments d ON d.tenant_id = i.tenant_id AND d.id = i.department_id
        WHERE i.tenant_id = $1 AND i.status = 'published'
        GROUP BY 1`,
      [tenantId],
    );
    return new Map(
      rows.map((row) => [
        row['key'],
        {
          items: Number(row['items']),
          onlineApplicableItems: Number(row['online_applicable']),
          fullyOnlineItems: Number(row['fully_online']),
          immediateItems: Number(row['immediate']),
          limitComparableItems: Number(row['comparable']),
          limitCompressionSum: Number(row['compression']),
        },
      ]),
    );
  }

  /** The centre's name (for report titles). */
  async centreName(tenantId: string): Promise<string> {
    const [row]: Array<{ name: string }> = await this.uow.manager({ tenantId }).query('SELECT name FROM centres WHERE code = $1', [tenantId]);
    return row?.name ?? tenantId;
  }

  async moveWatermark(tenantId: string, seq: number): Promise<void> {
    await this.uow.manager({ tenantId }).query('UPDATE supervision_stat_watermarks SET last_event_seq = $2, updated_at = now() WHERE tenant_id = $1', [tenantId, seq]);
  }

  /**
   * A period's sums per key of one dimension (staff rows labelled with the staff member's name):
   * whole months from the monthly counters, the partial months at either end from the daily ones.
   */
  async period(tenantId: string, dimension: StatDimension, from: string, to: string): Promise<Array<{ key: string; label: string; counters: StatCounters }>> {
    const parts = periodParts(from as CivilDate, to as CivilDate);
    // An empty range is written as from > to, which BETWEEN never matches.
    const none = { from: '9999-12-31', to: '0001-01-01' };
    const [head = none, tail = none] = parts.days;
    const months = parts.months ?? none;
    const columns = COLUMN_LIST.join(', ');
    const rows: Array<Record<string, string>> = await this.uow.manager({ tenantId }).query(
      `WITH parts AS (
         SELECT key, label, ${columns} FROM supervision_stat_counters
          WHERE tenant_id = $1 AND dimension = $2 AND (day BETWEEN $3 AND $4 OR day BETWEEN $5 AND $6)
         UNION ALL
         SELECT key, label, ${columns} FROM supervision_stat_counters_monthly
          WHERE tenant_id = $1 AND dimension = $2 AND month BETWEEN $7 AND $8
       )
       SELECT p.key, coalesce(max(st.name), max(p.label)) AS label,
              ${COLUMN_LIST.map((column) => `sum(p.${column}) AS ${column}`).join(', ')}
         FROM parts p
         LEFT JOIN staff st ON $2 = 'staff' AND st.tenant_id = $1 AND st.id::text = p.key
        GROUP BY p.key
        ORDER BY p.key`,
      [tenantId, dimension, head.from, head.to, tail.from, tail.to, months.from, months.to],
    );
    return rows.map((row) => {
      const counters = {} as StatCounters;
      for (const field of STAT_COUNTER_FIELDS) counters[field] = Number(row[COLUMNS[field]]);
      return { key: row['key'], label: row['label'] ?? '', counters };
    });
  }
}
