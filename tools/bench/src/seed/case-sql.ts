import { CASE_KINDS, type CaseKindName } from './case-kinds';
import type { WorkingDays } from './working-days';

/*
 * The set-based SQL that writes a batch of cases for one centre. A batch is first planned into the
 * temporary table `bench_batch` (one row per case: kind, item, applicant, working-day numbers of
 * its transitions, case number), then each table is filled from the plan with one INSERT … SELECT:
 * applications, step records, material versions, one-time notices and, staged for hash-chaining,
 * events. Every value is what the workflow would have written for the same history (see
 * ApplicationWorkflow.perform and the services calling it), so the API reads and changes these
 * cases exactly like cases it made itself.
 *
 * The timeline of a case, in working-day numbers (0 = today, negative = past), all in the past:
 *   submitted on s, accepted on a (the next working day; the same day for a 即办件, decided on the
 *   spot); step 0 (受理 at the window) is passed at acceptance, step j ≥ 1 starts on a + 2(j - 1);
 *   the decision falls on d = a + 2(stepCount - 1) and completion on d + 1. A step is due
 *   `limit` working days after it started, so the cases waiting at a step are due on working days
 *   spread around today: some overdue, some due within days.
 */

const KIND = Object.fromEntries(CASE_KINDS.map((k) => [k.name, k.kind])) as Record<CaseKindName, number>;
const STATUS_OF_KIND = `CASE r.kind ${CASE_KINDS.map((k) => `WHEN ${k.kind} THEN ${k.status}`).join(' ')} END`;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN_NAMES = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞'];
const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const DENY_REASON = '经审查，申请人不符合法定条件（行政许可法第三十八条）';
const NOT_ACCEPTED_REASON = '申请事项依法不属于本机关职权范围';
const NOTICE_EXPLANATION = '扫描件不清晰，请上传清晰完整的彩色扫描件';

export const BATCH_TABLES_SQL = `
  CREATE TEMP TABLE IF NOT EXISTS bench_batch (
    k integer PRIMARY KEY, kind integer NOT NULL, id uuid NOT NULL, item_idx integer NOT NULL, item_type text NOT NULL,
    applicant_id uuid NOT NULL, applicant_name text NOT NULL, identity_masked text NOT NULL,
    u_b double precision NOT NULL, minute integer NOT NULL, jitter integer NOT NULL,
    status smallint NOT NULL, step_count integer NOT NULL, immediate boolean NOT NULL, cur_step integer, last_step integer,
    s_idx integer, a_idx integer, d_idx integer, e_idx integer, case_seq integer, case_number text,
    created_at timestamptz NOT NULL, t_submit timestamptz, t_accept timestamptz, t_decide timestamptz, t_end timestamptz);
  CREATE TEMP TABLE IF NOT EXISTS bench_events (
    eid bigserial PRIMARY KEY, k integer NOT NULL, ord integer NOT NULL, occurred_at timestamptz NOT NULL,
    application_id uuid NOT NULL, applicant_id uuid NOT NULL, case_number text, actor_kind text NOT NULL, actor_id text,
    actor_post text, action text NOT NULL, from_status smallint NOT NULL, to_status smallint NOT NULL,
    from_step integer, to_step integer, comment text);
  -- An instant on a working day, in China: 08:30 plus the case's minute of the day and jitter (whole milliseconds,
  -- as JavaScript dates have, so that the events hash the same when the API reads them back).
  -- A version 7 UUID for an instant, as the API's uuidv7() makes them: ids sort by creation time.
  CREATE OR REPLACE FUNCTION pg_temp.bench_uuid7(at timestamptz) RETURNS uuid LANGUAGE sql VOLATILE AS $$
    SELECT (lpad(to_hex(floor(extract(epoch FROM at) * 1000)::bigint), 12, '0') || '7' || lpad(to_hex(floor(random() * 4096)::int), 3, '0')
            || to_hex(8 + floor(random() * 4)::int) || lpad(to_hex(floor(random() * 4096)::int), 3, '0')
            || lpad(to_hex(floor(random() * 281474976710656)::bigint), 12, '0'))::uuid $$;
  CREATE OR REPLACE FUNCTION pg_temp.bench_at(day date, minute integer, jitter integer) RETURNS timestamptz
    LANGUAGE sql STABLE AS $$ SELECT ((day + make_interval(mins => 510 + minute)) AT TIME ZONE 'Asia/Shanghai') + jitter * interval '1 millisecond' $$;`;

/** The ISO 7064 MOD 11-2 check character of 22 digits (as `mod11_2CheckCharacter`), inline so it costs no function call. */
function checkCharacterSql(digits: string, length = 22): string {
  // Horner's rule unrolled: digit i (1-based) is weighted by 2^(length - i + 1) mod 11.
  const terms = Array.from({ length }, (_, i) => `(ascii(substr(${digits}, ${i + 1}, 1)) - 48) * ${2 ** (length - i) % 11}`);
  return `substr('10X98765432', 1 + (${terms.join(' + ')}) % 11, 1)`;
}

function queryCodeSql(): string {
  return Array.from({ length: 8 }, () => `substr('${QUERY_CODE_ALPHABET}', 1 + floor(random() * ${QUERY_CODE_ALPHABET.length})::int, 1)`).join(' || ');
}

export interface PlanParams {
  centre: string;
  fromK: number;
  toK: number;
  days: WorkingDays;
  applicants: { ids: string[]; names: string[]; masked: string[] };
  bounds: number[];
  historyDays: number;
  poolSizes: [number, number, number];
  /** Every n-th case belongs to a registered applicant (1: all of them). */
  registeredEvery: number;
  /** How many made-up applicants own the other cases. */
  syntheticApplicants: number;
}

/** Plans a batch into bench_batch. */
export function planSql(days: WorkingDays): { text: string; values: (p: PlanParams) => unknown[] } {
  const day = (index: string) => days.sql(4, index);
  const at = (index: string) => `pg_temp.bench_at(${day(index)}, q.minute, q.jitter)`;
  const text = `
    INSERT INTO bench_batch
    SELECT q.k, q.kind, pg_temp.bench_uuid7(t.created_at), q.item_idx, q.item_type, q.applicant_id, q.applicant_name, q.identity_masked, q.u_b, q.minute, q.jitter,
           q.status, q.step_count, q.immediate, q.cur_step, q.last_step, q.s_idx, q.a_idx, q.d_idx, q.e_idx, q.case_seq,
           CASE WHEN q.case_seq IS NOT NULL THEN dg.digits || ${checkCharacterSql('dg.digits')} END,
           t.created_at,
           ${at('q.s_idx')},
           ${at('q.a_idx')} + CASE WHEN q.a_idx = q.s_idx THEN interval '30 minutes' ELSE interval '0' END,
           CASE WHEN q.kind = ${KIND.completed} AND q.immediate THEN ${at('q.a_idx')} + interval '30 minutes' ELSE ${at('q.d_idx')} END,
           CASE WHEN q.kind = ${KIND.completed} AND q.immediate THEN ${at('q.a_idx')} + interval '30 minutes' ELSE ${at('q.e_idx')} END
      FROM (
        SELECT p.*,
               CASE WHEN p.s_idx IS NOT NULL
                    THEN coalesce(c.last_value, 0) + row_number() OVER (PARTITION BY p.s_idx ORDER BY p.k) END AS case_seq
          FROM (
            SELECT r.k, r.kind, it.idx AS item_idx, it.item_type, ap.applicant_id, ap.applicant_name,
                   ap.identity_masked, r.u_a, r.u_b, r.minute, r.jitter, st.status, it.step_count,
                   it.case_type = 'immediate' AS immediate, st.cur_step, st.last_step, sx.s_idx, ac.a_idx, sx.d_idx,
                   CASE WHEN r.kind IN (${KIND.returned}, ${KIND.notAccepted}, ${KIND.withdrawn}) THEN sx.s_idx + 1
                        WHEN r.kind = ${KIND.completed} AND it.case_type <> 'immediate' THEN sx.d_idx + 1
                        WHEN r.kind = ${KIND.completed} THEN ac.a_idx END AS e_idx
              FROM (
                SELECT g.*, CASE WHEN g.kind IN (${KIND.inSteps}, ${KIND.approved}, ${KIND.denied}) THEN 1
                                 WHEN g.kind = ${KIND.atReview} THEN 2 ELSE 0 END AS pool
                  FROM (SELECT k, width_bucket(random(), $8::float8[]) + 1 AS kind, random() AS u_item, random() AS u_a,
                               random() AS u_b, floor(random() * 420)::int AS minute, floor(random() * 60000)::int AS jitter
                          FROM generate_series($2::int, $3::int) AS k) g
              ) r
              JOIN bench_pick pk ON pk.pool = r.pool AND pk.n = floor(r.u_item * ($10::int[])[r.pool + 1])::int
              JOIN bench_items it ON it.idx = pk.item_idx
              CROSS JOIN LATERAL (
                SELECT CASE WHEN r.k % $11 = 0 THEN ($5::uuid[])[1 + (r.k / $11) % cardinality($5::uuid[])]
                            ELSE md5($1 || '/' || (r.k % $12))::uuid END AS applicant_id,
                       CASE WHEN r.k % $11 = 0 THEN ($6::text[])[1 + (r.k / $11) % cardinality($6::text[])]
                            ELSE substr('${SURNAMES}', 1 + (r.k % $12) % ${SURNAMES.length}, 1)
                                 || (ARRAY['${GIVEN_NAMES.join("','")}'])[1 + ((r.k % $12) / ${SURNAMES.length}) % ${GIVEN_NAMES.length}] END AS applicant_name,
                       CASE WHEN r.k % $11 = 0 THEN ($7::text[])[1 + (r.k / $11) % cardinality($7::text[])]
                            ELSE $1 || '********' || lpad(((r.k % $12) * 7919 % 10000)::text, 4, '0') END AS identity_masked
              ) ap
              CROSS JOIN LATERAL (
                SELECT (${STATUS_OF_KIND})::smallint AS status,
                       CASE r.kind WHEN ${KIND.inSteps} THEN 1 + floor(r.u_b * (it.step_count - 1))::int WHEN ${KIND.atReview} THEN 1 END AS cur_step
              ) st0
              CROSS JOIN LATERAL (
                SELECT st0.status, st0.cur_step,
                       CASE WHEN st0.cur_step IS NOT NULL THEN st0.cur_step
                            WHEN r.kind IN (${KIND.approved}, ${KIND.denied}) OR (r.kind = ${KIND.completed} AND it.case_type <> 'immediate')
                            THEN it.step_count - 1 END AS last_step
              ) st
              CROSS JOIN LATERAL (
                SELECT CASE r.kind
                         WHEN ${KIND.inSteps} THEN -1 - floor(r.u_a * r.u_a * 6)::int - 2 * (st.cur_step - 1)
                         WHEN ${KIND.atReview} THEN -1 - floor(r.u_a * 3)::int
                         WHEN ${KIND.approved} THEN -(2 * it.step_count + 1) - floor(r.u_a * 5)::int
                         WHEN ${KIND.denied} THEN -(2 * it.step_count + 1) - floor(r.u_a * 5)::int
                         WHEN ${KIND.completed} THEN
                           CASE WHEN it.case_type = 'immediate' THEN -1 - floor(r.u_a * ($9 - 1))::int
                                ELSE -(2 * it.step_count + 2) - floor(r.u_a * greatest($9 - 2 * it.step_count - 2, 1))::int END
                       END AS a_idx
              ) ac
              CROSS JOIN LATERAL (
                SELECT CASE WHEN r.kind IN (${KIND.draft}, ${KIND.draftComplete}) THEN NULL
                            WHEN r.kind = ${KIND.submitted} THEN -1 - floor(r.u_a * 7)::int
                            WHEN r.kind = ${KIND.returned} THEN -2 - floor(r.u_a * 10)::int
                            WHEN r.kind IN (${KIND.notAccepted}, ${KIND.withdrawn}) THEN -2 - floor(r.u_a * ($9 - 2))::int
                            WHEN r.kind = ${KIND.completed} AND it.case_type = 'immediate' THEN ac.a_idx
                            ELSE ac.a_idx - 1 END AS s_idx,
                       CASE WHEN r.kind IN (${KIND.approved}, ${KIND.denied}) OR (r.kind = ${KIND.completed} AND it.case_type <> 'immediate')
                            THEN ac.a_idx + 2 * (it.step_count - 1)
                            WHEN r.kind = ${KIND.completed} THEN ac.a_idx END AS d_idx
              ) sx
          ) p
          LEFT JOIN case_number_sequences c ON c.tenant_id = $1 AND c.day = ${days.sql(4, 'p.s_idx')}
      ) q
      CROSS JOIN LATERAL (
        SELECT $1 || to_char(${day('q.s_idx')}, 'YYYYMMDD') || q.item_type || lpad(q.case_seq::text, 6, '0') AS digits
      ) dg
      CROSS JOIN LATERAL (
        SELECT CASE WHEN q.s_idx IS NULL THEN date_trunc('milliseconds', now() - (0.01 + q.u_a * 20) * interval '1 day')
                    ELSE ${at('q.s_idx')} - interval '2 hours' END AS created_at
      ) t`;
  return {
    text,
    values: (p) => [
      p.centre,
      p.fromK,
      p.toK,
      p.days.days,
      p.applicants.ids,
      p.applicants.names,
      p.applicants.masked,
      p.bounds,
      p.historyDays,
      p.poolSizes,
      p.registeredEvery,
      p.syntheticApplicants,
    ],
  };
}

/** The applications of the planned batch. Parameters: $1 centre, $2 working days. */
export function applicationsSql(days: WorkingDays): string {
  const day = (index: string) => days.sql(2, index);
  const at = (index: string) => `pg_temp.bench_at(${day(index)}, b.minute, b.jitter)`;
  return `
    INSERT INTO applications (
      tenant_id, id, applicant_id, applicant_kind, applicant_name, applicant_identity_masked, item_id, item_name, item_type_code,
      department_name, case_type, procedure_version_id, step_count, case_number, query_code, receiving_centre, verification_centre,
      status, clock_state, supervision_level, result_type, delivery_mode, current_step, current_post, current_step_due,
      current_assignee_id, originals_check_required, originals_check_point, originals_verified, extension_used,
      extension_working_days, open_special_procedure, notices_sent, promised_limit_value, promised_limit_unit,
      legal_limit_value, legal_limit_unit, promised_due, legal_due, deadlines_provisional, form_data, created_at,
      submitted_at, accepted_at, decided_at, completed_at, deemed_accepted_at, updated_at, version)
    SELECT $1, b.id, b.applicant_id, 'natural_person', b.applicant_name, b.identity_masked, it.id, it.name, it.item_type,
           it.department_name, it.case_type, it.version_id, it.step_count, b.case_number,
           CASE WHEN b.case_number IS NOT NULL THEN ${queryCodeSql()} END,
           $1, CASE WHEN it.originals_required THEN $1 END,
           b.status,
           CASE WHEN b.status < 30 THEN 'not_started' WHEN b.status = 30 THEN 'running' ELSE 'stopped' END,
           CASE WHEN b.status <> 30 THEN 'normal' WHEN cur.due_idx < 0 THEN 'red' WHEN cur.due_idx <= 2 THEN 'yellow' ELSE 'normal' END,
           CASE WHEN b.status = 90 AND b.immediate THEN 'completed' WHEN b.status = 90 THEN 'certificate_issued' END,
           'electronic', b.cur_step,
           CASE WHEN b.status = 12 THEN 'window_clerk' WHEN b.status = 30 THEN cs.post END,
           CASE WHEN b.status = 30 THEN ${day('cur.due_idx')} END,
           NULL, it.originals_required, it.originals_point,
           -- Originals seen before acceptance were checked while the case waited for pre-review; those
           -- seen after approval, before the certificate of a completed case.
           CASE WHEN NOT it.originals_required THEN false WHEN it.originals_point = 'before_acceptance' THEN b.status <> 10
                ELSE b.status = 90 END,
           false, 0, NULL,
           CASE WHEN b.status = 14 THEN 1 ELSE 0 END,
           it.promised_value, it.promised_unit, it.legal_value, it.legal_unit,
           CASE WHEN b.a_idx IS NULL THEN NULL WHEN it.promised_unit = 'working_day' THEN ${day('b.a_idx + it.promised_value')}
                ELSE ${day('b.a_idx')} + it.promised_value END,
           CASE WHEN b.a_idx IS NULL THEN NULL WHEN it.legal_unit = 'working_day' THEN ${day('b.a_idx + it.legal_value')}
                ELSE ${day('b.a_idx')} + it.legal_value END,
           false, jsonb_build_object('contactName', b.applicant_name, 'purpose', it.name),
           b.created_at, b.t_submit, b.t_accept,
           CASE WHEN b.status IN (40, 50, 90) THEN b.t_decide END,
           CASE WHEN b.status IN (90, 97) THEN b.t_end END,
           CASE WHEN b.status = 12 AND b.s_idx <= -6 THEN ${at('b.s_idx + 6')} END,
           greatest(b.created_at, b.t_submit, b.t_accept, b.t_decide, b.t_end, cur.started_at),
           CASE b.status WHEN 10 THEN 1 WHEN 12 THEN 2 WHEN 30 THEN 3 + b.cur_step WHEN 40 THEN b.step_count + 3
                         WHEN 50 THEN b.step_count + 3 WHEN 90 THEN CASE WHEN b.immediate THEN 3 ELSE b.step_count + 4 END
                         ELSE 3 END
      FROM bench_batch b
      JOIN bench_items it ON it.idx = b.item_idx
      LEFT JOIN bench_steps cs ON cs.item_idx = b.item_idx AND cs.position = b.cur_step
      CROSS JOIN LATERAL (
        SELECT b.a_idx + greatest(0, 2 * (b.cur_step - 1)) + cs.limit_days AS due_idx,
               CASE WHEN b.cur_step = 1 THEN b.t_accept + interval '5 milliseconds' ELSE ${at('b.a_idx + 2 * (b.cur_step - 1)')} END AS started_at
      ) cur
     ORDER BY b.id`;
}

/** The start (and end) of step j of a planned case, as SQL over b (bench_batch) and j. */
function stepTimes(at: (index: string) => string): { start: string; finish: string } {
  return {
    start: `CASE WHEN j = 0 THEN b.t_accept WHEN j = 1 THEN b.t_accept + interval '5 milliseconds' ELSE ${at('b.a_idx + 2 * (j - 1)')} END`,
    finish: `CASE WHEN j = 0 THEN b.t_accept + interval '5 milliseconds' WHEN j < b.last_step THEN ${at('b.a_idx + 2 * j')}
                  WHEN b.status = 30 THEN NULL ELSE b.t_decide END`,
  };
}

/** One record per step worked on: finished ones with their handler, the open one without. $1 centre, $2 working days. */
export function stepsSql(days: WorkingDays): string {
  const at = (index: string) => `pg_temp.bench_at(${days.sql(2, index)}, b.minute, b.jitter)`;
  const times = stepTimes(at);
  return `
    INSERT INTO application_steps (
      tenant_id, application_id, seq, applicant_id, position, code, name, post, limit_working_days, started_at, due,
      due_provisional, finished_at, assignee_id, assignee_name, outcome, handler_id, handler_name, comment)
    SELECT $1, b.id, j + 1, b.applicant_id, j, s.code, s.name, s.post, s.limit_days, w.started_at,
           ${days.sql(2, 'b.a_idx + greatest(0, 2 * (j - 1)) + s.limit_days')}, false, w.finished_at,
           -- Acting on an unassigned step makes the actor its holder; the window's auto-pass at acceptance does not.
           CASE WHEN j > 0 AND w.finished_at IS NOT NULL THEN f.id END,
           CASE WHEN j > 0 AND w.finished_at IS NOT NULL THEN f.name END,
           CASE WHEN w.finished_at IS NULL THEN NULL WHEN j < b.last_step THEN 'passed' WHEN b.status = 40 THEN 'denied' ELSE 'approved' END,
           CASE WHEN w.finished_at IS NOT NULL THEN f.id END,
           CASE WHEN w.finished_at IS NOT NULL THEN f.name END,
           CASE WHEN b.status = 40 AND j = b.last_step THEN '${DENY_REASON}' END
      FROM bench_batch b
      CROSS JOIN LATERAL generate_series(0, b.last_step) AS j
      JOIN bench_steps s ON s.item_idx = b.item_idx AND s.position = j
      JOIN bench_staff f ON f.post = s.post
      CROSS JOIN LATERAL (SELECT ${times.start} AS started_at, ${times.finish} AS finished_at) w
     WHERE b.last_step IS NOT NULL
     ORDER BY b.id, j`;
}

/**
 * Version 1 of each required material (a draft has uploaded some of them), all pointing at one
 * object that really is in the platform's material store. $1 centre, $2 sha256, $3 size, $4 media type.
 */
export const MATERIALS_SQL = `
  INSERT INTO application_materials (
    tenant_id, application_id, applicant_id, material_code, version, sha256, size_bytes, media_type, file_name,
    uploaded_at, uploaded_by_kind, uploaded_by)
  SELECT $1, b.id, b.applicant_id, m.code, 1, $2, $3, $4, m.code || '.pdf', b.created_at + interval '10 minutes',
         'applicant', b.applicant_id::text
    FROM bench_batch b
    JOIN bench_items it ON it.idx = b.item_idx
    CROSS JOIN LATERAL unnest(it.materials) WITH ORDINALITY AS m(code, n)
   WHERE b.kind <> ${KIND.draft} OR m.n <= floor(b.u_b * (cardinality(it.materials) + 1))
   ORDER BY b.id, m.code`;

/** 一次性告知 of the returned cases. $1 centre. */
export const NOTICES_SQL = `
  INSERT INTO application_notices (tenant_id, application_id, seq, applicant_id, sent_at, sent_by, defects)
  SELECT $1, b.id, 1, b.applicant_id, b.t_end, f.id,
         jsonb_build_array(jsonb_build_object('materialCode', it.materials[1], 'kind', 'illegible', 'explanation', '${NOTICE_EXPLANATION}'))
    FROM bench_batch b
    JOIN bench_items it ON it.idx = b.item_idx
    JOIN bench_staff f ON f.post = 'window_clerk'
   WHERE b.status = 14`;

/** Continues each day's case-number sequence after the numbers this batch used. $1 centre, $2 working days. */
export function caseNumberSequencesSql(days: WorkingDays): string {
  return `
    INSERT INTO case_number_sequences (tenant_id, day, last_value)
    SELECT $1, ${days.sql(2, 'b.s_idx')}, max(b.case_seq) FROM bench_batch b WHERE b.case_seq IS NOT NULL GROUP BY b.s_idx
    ON CONFLICT (tenant_id, day) DO UPDATE SET last_value = greatest(case_number_sequences.last_value, excluded.last_value)`;
}

/**
 * The transitions that led to each planned case, staged in bench_events until they are appended
 * to the centre's hash chain (event-chain.ts). $1 working days.
 */
export function stagedEventsSql(days: WorkingDays): string {
  const at = (index: string) => `pg_temp.bench_at(${days.sql(1, index)}, b.minute, b.jitter)`;
  const passAt = `CASE WHEN j = 0 THEN b.t_accept + interval '5 milliseconds' ELSE ${at('b.a_idx + 2 * j')} END`;
  return `
    INSERT INTO bench_events (k, ord, occurred_at, application_id, applicant_id, case_number, actor_kind, actor_id, actor_post,
                              action, from_status, to_status, from_step, to_step, comment)
    SELECT b.k, e.ord, e.occurred_at, b.id, b.applicant_id, b.case_number, e.actor_kind, e.actor_id, e.actor_post, e.action,
           e.from_status, e.to_status, e.from_step, e.to_step, e.comment
      FROM bench_batch b
      CROSS JOIN (SELECT id::text AS id FROM bench_staff WHERE post = 'window_clerk') clerk
      CROSS JOIN (SELECT id::text AS id FROM bench_staff WHERE post = 'approver') approver
      CROSS JOIN LATERAL (
        SELECT 0 AS ord, b.t_submit AS occurred_at, 'applicant' AS actor_kind, b.applicant_id::text AS actor_id, NULL::text AS actor_post,
               'submit' AS action, 10::smallint AS from_status, 12::smallint AS to_status, NULL::int AS from_step, NULL::int AS to_step,
               NULL::text AS comment
         WHERE b.status <> 10
        UNION ALL
        SELECT 1, b.t_end, 'staff', clerk.id, 'window_clerk', 'return_with_notice', 12, 14, NULL, NULL, NULL WHERE b.status = 14
        UNION ALL
        SELECT 1, b.t_end, 'staff', clerk.id, 'window_clerk', 'not_accept', 12, 97, NULL, NULL, '${NOT_ACCEPTED_REASON}' WHERE b.status = 97
        UNION ALL
        SELECT 1, b.t_end, 'applicant', b.applicant_id::text, NULL, 'withdraw', 12, 98, NULL, NULL, NULL WHERE b.status = 98
        UNION ALL
        SELECT 1, b.t_accept, 'staff', clerk.id, 'window_clerk', 'accept', 12, CASE WHEN b.immediate THEN 90 ELSE 30 END,
               NULL, CASE WHEN b.immediate THEN NULL ELSE 0 END, NULL
         WHERE b.a_idx IS NOT NULL
        UNION ALL
        SELECT 2 + j, ${passAt}, 'staff', f.id::text, s.post, 'pass_step', 30, 30, j, j + 1, NULL
          FROM generate_series(0, coalesce(b.last_step, 0) - 1) AS j
          JOIN bench_steps s ON s.item_idx = b.item_idx AND s.position = j
          JOIN bench_staff f ON f.post = s.post
        UNION ALL
        SELECT 100, b.t_decide, 'staff', approver.id, 'approver', CASE WHEN b.status = 40 THEN 'deny' ELSE 'approve' END, 30,
               CASE WHEN b.status = 40 THEN 40 ELSE 50 END, b.last_step, NULL, CASE WHEN b.status = 40 THEN '${DENY_REASON}' END
         WHERE b.status IN (40, 50) OR (b.status = 90 AND NOT b.immediate)
        UNION ALL
        SELECT 101, b.t_end, 'staff', approver.id, 'approver', 'complete', 50, 90, NULL, NULL, NULL
         WHERE b.status = 90 AND NOT b.immediate
      ) e`;
}
