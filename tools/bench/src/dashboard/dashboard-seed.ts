import type { Client } from 'pg';
import { mixBounds, HISTORY_MIX } from '../seed/case-kinds';
import { applicationsSql, BATCH_TABLES_SQL, caseNumberSequencesSql, planSql, stepsSql } from '../seed/case-sql';
import { CATALOGUE_TABLES_SQL, loadCatalogue } from '../seed/catalogue';
import type { WorkingDays } from '../seed/working-days';

/*
 * The dashboard's seed: N cases of a year's history per centre with the approval benchmark's plan
 * (seed/case-sql.ts: the same kinds, dates, deadlines and case numbers, HISTORY_MIX: 82% completed,
 * ~5% in their steps with due dates around today, so some overdue, ~1% awaiting pre-review …), but
 * lean: the applications rows, and step records only for the cases in their steps (what the sweep
 * and the board read). No materials, notices or hash-chained events: the dashboard reads none of them.
 *
 * The statistics counters are filled from the same plan with one aggregate INSERT … SELECT …
 * GROUP BY per batch (into a temporary table, flushed per centre): exactly the deltas the sweep's
 * fold (libs/supervision/domain statistics.ts foldEvents, applied by StatCountersRepository.add)
 * would have written for the events the approval benchmark stages for the same cases
 * (seed/case-sql.ts stagedEventsSql): received on the submission day, accepted on the acceptance
 * day, completed / on time / overdue / handling working days on the completion day, per centre,
 * department, item, and per staff member credited with their own actions. How fast the fold itself
 * runs is not measured here.
 */

/** Accumulates one centre's counter deltas over its batches. */
const STAT_TABLE_SQL = `
  CREATE TEMP TABLE IF NOT EXISTS bench_stat (
    dimension text NOT NULL, key text NOT NULL, day date NOT NULL, label text NOT NULL,
    received bigint NOT NULL, accepted bigint NOT NULL, completed bigint NOT NULL, completed_on_time bigint NOT NULL,
    overdue_completed bigint NOT NULL, handling_working_days bigint NOT NULL, immediate_received bigint NOT NULL,
    staff_actions bigint NOT NULL)`;

const COUNTER_COLUMNS = [
  'received',
  'accepted',
  'completed',
  'completed_on_time',
  'overdue_completed',
  'handling_working_days',
  'immediate_received',
  'staff_actions',
] as const;

/**
 * What the fold would add for the planned batch (bench_batch), one row per event that counts:
 * submit (applicant), return_with_notice / not_accept (clerk), accept (clerk; a 即办件 is completed
 * on the spot), pass_step (the step's post), approve / deny and complete (approver). $1 working days.
 */
export function batchCountersSql(days: WorkingDays): string {
  const day = (index: string) => days.sql(1, index);
  // The promised due date as applicationsSql writes it; on time when the completion day is not after it.
  const promisedDue = `CASE WHEN it.promised_unit = 'working_day' THEN ${day('b.a_idx + it.promised_value')} ELSE ${day('b.a_idx')} + it.promised_value END`;
  const onTime = (dayIndex: string) => `(${day(dayIndex)} <= ${promisedDue})`;
  return `
    INSERT INTO bench_stat (dimension, key, day, label, ${COUNTER_COLUMNS.join(', ')})
    WITH clerk AS (SELECT id FROM bench_staff WHERE post = 'window_clerk'),
         approver AS (SELECT id FROM bench_staff WHERE post = 'approver'),
         ev (item_idx, staff_id, day, received, accepted, completed, on_time, overdue, handling, immediate, action) AS (
      SELECT b.item_idx, NULL::uuid, ${day('b.s_idx')}, 1, 0, 0, 0, 0, 0, b.immediate::int, 0
        FROM bench_batch b WHERE b.s_idx IS NOT NULL
      UNION ALL
      SELECT b.item_idx, clerk.id, ${day('b.e_idx')}, 0, 0, 0, 0, 0, 0, 0, 1
        FROM bench_batch b CROSS JOIN clerk WHERE b.status IN (14, 97)
      UNION ALL
      SELECT b.item_idx, clerk.id, ${day('b.a_idx')}, 0, 1, b.immediate::int,
             (b.immediate AND ${onTime('b.a_idx')})::int, (b.immediate AND NOT ${onTime('b.a_idx')})::int, 0, 0, 1
        FROM bench_batch b JOIN bench_items it ON it.idx = b.item_idx CROSS JOIN clerk WHERE b.a_idx IS NOT NULL
      UNION ALL
      SELECT b.item_idx, f.id, ${day('CASE WHEN j = 0 THEN b.a_idx ELSE b.a_idx + 2 * j END')}, 0, 0, 0, 0, 0, 0, 0, 1
        FROM bench_batch b
        CROSS JOIN LATERAL generate_series(0, coalesce(b.last_step, 0) - 1) AS j
        JOIN bench_steps s ON s.item_idx = b.item_idx AND s.position = j
        JOIN bench_staff f ON f.post = s.post
      UNION ALL
      SELECT b.item_idx, approver.id, ${day('b.d_idx')}, 0, 0, 0, 0, 0, 0, 0, 1
        FROM bench_batch b CROSS JOIN approver WHERE b.status IN (40, 50) OR (b.status = 90 AND NOT b.immediate)
      UNION ALL
      SELECT b.item_idx, approver.id, ${day('b.e_idx')}, 0, 0, 1, ${onTime('b.e_idx')}::int, (NOT ${onTime('b.e_idx')})::int,
             greatest(0, b.e_idx - b.a_idx), 0, 1
        FROM bench_batch b JOIN bench_items it ON it.idx = b.item_idx CROSS JOIN approver WHERE b.status = 90 AND NOT b.immediate
    )
    SELECT d.dimension, d.key, ev.day, max(d.label), sum(ev.received), sum(ev.accepted), sum(ev.completed), sum(ev.on_time),
           sum(ev.overdue), sum(ev.handling), sum(ev.immediate), sum(CASE WHEN d.dimension = 'staff' THEN ev.action ELSE 0 END)
      FROM ev
      JOIN bench_items it ON it.idx = ev.item_idx
      CROSS JOIN LATERAL (VALUES ('centre', '', ''), ('department', it.department_name, it.department_name),
                                 ('item', it.id::text, it.name), ('staff', ev.staff_id::text, '')) AS d (dimension, key, label)
     WHERE CASE WHEN d.dimension = 'staff' THEN ev.staff_id IS NOT NULL ELSE ev.received + ev.accepted + ev.completed > 0 END
     GROUP BY d.dimension, d.key, ev.day`;
}

/** Adds the centre's accumulated deltas to the daily and the monthly counters (as the fold's upserts do), then empties them. $1 centre. */
const FLUSH_SQL = (() => {
  const columns = COUNTER_COLUMNS.join(', ');
  const sums = COUNTER_COLUMNS.map((c) => `sum(${c})`).join(', ');
  const add = COUNTER_COLUMNS.map((c) => `${c} = s.${c} + EXCLUDED.${c}`).join(', ');
  return [
    `INSERT INTO supervision_stat_counters AS s (tenant_id, dimension, key, day, label, ${columns})
     SELECT $1, dimension, key, day, max(label), ${sums} FROM bench_stat GROUP BY dimension, key, day
     ON CONFLICT (tenant_id, dimension, key, day) DO UPDATE SET ${add}`,
    `INSERT INTO supervision_stat_counters_monthly AS s (tenant_id, dimension, key, month, label, ${columns})
     SELECT $1, dimension, key, date_trunc('month', day)::date, max(label), ${sums} FROM bench_stat
      GROUP BY dimension, key, date_trunc('month', day)
     ON CONFLICT (tenant_id, dimension, key, month) DO UPDATE SET ${add}`,
  ];
})();

/** A made-up applicant for the plan's "registered" slot: the dashboard needs no applicant to log in. */
const NOBODY = { ids: ['00000000-0000-4000-8000-000000000001'], names: ['王伟'], masked: ['510981********0001'] };

export interface CentreSeedResult {
  centre: string;
  cases: number;
  seconds: number;
  counterRows: { daily: number; monthly: number };
}

/**
 * Seeds one centre's cases on one connection (as the schema owner, one transaction per batch with
 * app.tenant_id set, so row-level security checks every row), and its counters.
 */
export async function seedCentre(
  client: Client,
  centre: string,
  count: number,
  batch: number,
  days: WorkingDays,
  historyDays: number,
  progress: (message: string) => void,
  checkpoint: () => void,
): Promise<CentreSeedResult> {
  const start = Date.now();
  const inCentre = async <T>(run: () => Promise<T>): Promise<T> => {
    await client.query('BEGIN');
    try {
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [centre]);
      const result = await run();
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  };
  const catalogue = await inCentre(() => loadCatalogue(client, centre));
  await client.query('TRUNCATE bench_stat');
  const plan = planSql(days);
  const counters = batchCountersSql(days);
  for (let done = 0; done < count; ) {
    checkpoint();
    const size = Math.min(batch, count - done);
    const batchStart = Date.now();
    await inCentre(async () => {
      await client.query('TRUNCATE bench_batch');
      await client.query(
        plan.text,
        plan.values({
          centre,
          fromK: done,
          toK: done + size - 1,
          days,
          applicants: NOBODY,
          bounds: mixBounds(HISTORY_MIX),
          historyDays,
          poolSizes: catalogue.poolSizes,
          registeredEvery: 2 ** 30,
          // At most 250,000: the plan's masked identity multiplies the applicant number by 7919 in 32-bit integers.
          syntheticApplicants: Math.min(250_000, Math.max(1, Math.floor(count / 3))),
        }),
      );
      await client.query(applicationsSql(days), [centre, days.days]);
      await client.query(caseNumberSequencesSql(days), [centre, days.days]);
      await client.query(counters, [days.days]);
      // Step records only for the cases in their steps (the sweep reads their open step's due date).
      await client.query('DELETE FROM bench_batch WHERE status <> 30');
      await client.query(stepsSql(days), [centre, days.days]);
    });
    // Fresh planner statistics as the tables grow: the API's sweep (every 60 s) plans its open-work
    // query while the seed runs, and with the statistics of an empty table it picks nested loops
    // that run for minutes (see docs/benchmarks.md). Autovacuum would catch up, later.
    await client.query('ANALYZE applications, application_steps');
    done += size;
    const seconds = (Date.now() - batchStart) / 1000;
    progress(`${centre}: ${done.toLocaleString('en')} / ${count.toLocaleString('en')} cases (${Math.round(size / seconds).toLocaleString('en')} cases/s)`);
  }
  const counterRows = await inCentre(async () => {
    const daily = await client.query(FLUSH_SQL[0] as string, [centre]);
    const monthly = await client.query(FLUSH_SQL[1] as string, [centre]);
    return { daily: daily.rowCount ?? 0, monthly: monthly.rowCount ?? 0 };
  });
  await client.query('TRUNCATE bench_stat');
  progress(`${centre}: counters filled (${counterRows.daily.toLocaleString('en')} daily rows, ${counterRows.monthly.toLocaleString('en')} monthly rows)`);
  return { centre, cases: count, seconds: (Date.now() - start) / 1000, counterRows };
}

/** The session setup of a seeding connection: memory for the big batches, the temporary tables. */
export async function prepareSeedSession(client: Client): Promise<void> {
  await client.query(`SET temp_buffers = '256MB'; SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'`);
  await client.query(CATALOGUE_TABLES_SQL);
  await client.query(BATCH_TABLES_SQL);
  await client.query(STAT_TABLE_SQL);
}
