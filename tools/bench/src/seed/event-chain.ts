import { ApplicationEventEntity, eventHash, GENESIS_HASH } from '@zhengwu/approval/data-access';
import type { Client } from 'pg';

/*
 * Appends the staged events (bench_events) to the centre's hash chain, oldest first, exactly as
 * EventLog.append would have one by one: each event's hash is SHA-256 over the previous hash, a
 * newline and the RFC 8785 canonical JSON of the event (`eventHash`). The canonical JSON is spelled
 * out below with its keys in code-unit order; `data` is always {} here. The chain head row is locked
 * first, so the API (whose appends lock it too) can neither interleave nor fork the chain.
 * `checkFirstEvents` recomputes a few hashes with the platform's own `eventHash`, so a change of
 * the hash format fails the run instead of seeding chains the verification endpoint rejects.
 */

export const CHAIN_FUNCTION_SQL = `
  CREATE OR REPLACE FUNCTION pg_temp.bench_chain(p_tenant text, p_first_seq bigint, p_prev_hash text)
  RETURNS TABLE (o_eid bigint, o_seq bigint, o_prev_hash text, o_hash text) LANGUAGE plpgsql AS $$
  DECLARE
    r record;
    next_seq bigint := p_first_seq;
    prev text := p_prev_hash;
    payload text;
  BEGIN
    FOR r IN SELECT * FROM bench_events ORDER BY occurred_at, k, ord LOOP
      payload := '{"action":' || to_json(r.action)::text
        || ',"actorId":' || coalesce(to_json(r.actor_id)::text, 'null')
        || ',"actorKind":' || to_json(r.actor_kind)::text
        || ',"actorPost":' || coalesce(to_json(r.actor_post)::text, 'null')
        || ',"applicantId":"' || r.applicant_id::text
        || '","applicationId":"' || r.application_id::text
        || '","caseNumber":' || coalesce(to_json(r.case_number)::text, 'null')
        || ',"comment":' || coalesce(to_json(r.comment)::text, 'null')
        || ',"data":{},"fromStatus":' || r.from_status
        || ',"fromStep":' || coalesce(r.from_step::text, 'null')
        || ',"occurredAt":"' || to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
        || '","seq":"' || next_seq
        || '","tenantId":' || to_json(p_tenant)::text
        || ',"toStatus":' || r.to_status
        || ',"toStep":' || coalesce(r.to_step::text, 'null') || '}';
      o_eid := r.eid;
      o_seq := next_seq;
      o_prev_hash := prev;
      o_hash := encode(sha256(convert_to(prev || E'\\n' || payload, 'UTF8')), 'hex');
      RETURN NEXT;
      prev := o_hash;
      next_seq := next_seq + 1;
    END LOOP;
  END $$;`;

/** Appends and empties bench_events; runs in its own transaction with app.tenant_id set. Returns the events appended. */
export async function appendStagedEvents(client: Client, centre: string): Promise<number> {
  // Temporary tables have no statistics unless analysed: without them the join below is a nested loop.
  await client.query('ANALYZE bench_events');
  await client.query('BEGIN');
  try {
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [centre]);
    await client.query(
      'INSERT INTO event_chain_heads (tenant_id, last_seq, last_hash) VALUES ($1, 0, $2) ON CONFLICT (tenant_id) DO NOTHING',
      [centre, GENESIS_HASH],
    );
    const head = await client.query<{ last_seq: string; last_hash: string }>(
      'SELECT last_seq, last_hash FROM event_chain_heads WHERE tenant_id = $1 FOR UPDATE',
      [centre],
    );
    const { last_seq: lastSeq, last_hash: lastHash } = head.rows[0] ?? { last_seq: '0', last_hash: GENESIS_HASH };
    const inserted = await client.query(
      `INSERT INTO application_events (tenant_id, seq, application_id, applicant_id, case_number, actor_kind, actor_id, actor_post,
                                       action, from_status, to_status, from_step, to_step, comment, data, occurred_at, prev_hash, hash)
       SELECT $1, c.o_seq, e.application_id, e.applicant_id, e.case_number, e.actor_kind, e.actor_id, e.actor_post, e.action,
              e.from_status, e.to_status, e.from_step, e.to_step, e.comment, '{}'::jsonb, e.occurred_at, c.o_prev_hash, c.o_hash
         FROM pg_temp.bench_chain($1, $2::bigint + 1, $3) c
         JOIN bench_events e ON e.eid = c.o_eid
        -- The chain is in time order; writing the rows grouped by case keeps the index and foreign-key work local.
        ORDER BY e.application_id, c.o_seq`,
      [centre, lastSeq, lastHash],
    );
    await client.query(
      `UPDATE event_chain_heads h SET last_seq = t.seq, last_hash = t.hash
         FROM (SELECT seq, hash FROM application_events WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1) t
        WHERE h.tenant_id = $1`,
      [centre],
    );
    await client.query('COMMIT');
    await client.query('TRUNCATE bench_events');
    return inserted.rowCount ?? 0;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** Recomputes the first events of the centre's chain with the platform's eventHash. */
export async function checkFirstEvents(client: Client, centre: string, count = 5): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [centre]);
    const { rows } = await client.query<Record<string, unknown>>(
      `SELECT tenant_id AS "tenantId", seq::text AS seq, application_id AS "applicationId", applicant_id AS "applicantId",
              case_number AS "caseNumber", actor_kind AS "actorKind", actor_id AS "actorId", actor_post AS "actorPost", action,
              from_status AS "fromStatus", to_status AS "toStatus", from_step AS "fromStep", to_step AS "toStep", comment, data,
              occurred_at AS "occurredAt", prev_hash AS "prevHash", hash
         FROM application_events WHERE tenant_id = $1 ORDER BY seq LIMIT $2`,
      [centre, count],
    );
    for (const row of rows) {
      const { prevHash, hash, ...unhashed } = row as unknown as ApplicationEventEntity;
      if (eventHash(prevHash, unhashed) !== hash) {
        throw new Error(`Seeded event ${centre}/${unhashed.seq} does not hash like EventLog does: update CHAIN_FUNCTION_SQL to the new format`);
      }
    }
  } finally {
    await client.query('COMMIT');
  }
}
