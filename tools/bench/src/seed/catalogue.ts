import type { Client } from 'pg';

/**
 * Item pools the seed picks from (`bench_pick.pool`): any online item; promised items with at
 * least three steps (a case can wait at a middle step); and those whose second step is the
 * reviewer's (what the step-pass scenario acts on).
 */
export const POOL = { any: 0, promised: 1, review: 2 } as const;

export interface CentreCatalogue {
  centre: string;
  /** Items per pool, indexed by POOL. */
  poolSizes: [number, number, number];
  /** An online item and its required materials, for the drafts made through the API. */
  firstItem: { id: string; name: string; materials: string[] };
}

/** Session temporary tables holding the centre being seeded: its items, their steps, its staff. */
export const CATALOGUE_TABLES_SQL = `
  CREATE TEMP TABLE IF NOT EXISTS bench_items (
    idx integer PRIMARY KEY, id uuid NOT NULL, name text NOT NULL, item_type text NOT NULL, case_type text NOT NULL,
    department_name text NOT NULL, promised_value integer NOT NULL, promised_unit text NOT NULL,
    legal_value integer NOT NULL, legal_unit text NOT NULL, originals_required boolean NOT NULL,
    originals_point text NOT NULL, version_id uuid NOT NULL, step_count integer NOT NULL, materials text[] NOT NULL);
  CREATE TEMP TABLE IF NOT EXISTS bench_steps (
    item_idx integer NOT NULL, position integer NOT NULL, code text NOT NULL, name text NOT NULL, post text NOT NULL,
    limit_days integer NOT NULL, PRIMARY KEY (item_idx, position));
  CREATE TEMP TABLE IF NOT EXISTS bench_pick (pool smallint NOT NULL, n integer NOT NULL, item_idx integer NOT NULL, PRIMARY KEY (pool, n));
  CREATE TEMP TABLE IF NOT EXISTS bench_staff (post text PRIMARY KEY, id uuid NOT NULL, name text NOT NULL);`;

/**
 * Loads one centre's published online items (with their published procedure and required
 * materials) and its demo staff into the temporary tables. Runs inside the caller's transaction,
 * with app.tenant_id set: every catalogue table is under forced row-level security.
 */
export async function loadCatalogue(client: Client, centre: string): Promise<CentreCatalogue> {
  await client.query('TRUNCATE bench_items, bench_steps, bench_pick, bench_staff');
  await client.query(
    `INSERT INTO bench_items
     SELECT (row_number() OVER (ORDER BY i.name, i.id) - 1)::int, i.id, i.name, i.item_type, i.case_type, d.name,
            i.promised_limit_value, i.promised_limit_unit, i.legal_limit_value, i.legal_limit_unit,
            i.originals_check_required, i.originals_check_point, v.id,
            (SELECT count(*) FROM procedure_steps s WHERE s.tenant_id = v.tenant_id AND s.version_id = v.id),
            ARRAY(SELECT m.code FROM material_requirements m
                   WHERE m.tenant_id = i.tenant_id AND m.item_id = i.id AND m.required ORDER BY m.ordering, m.code)
       FROM items i
       JOIN departments d ON d.tenant_id = i.tenant_id AND d.id = i.department_id
       JOIN procedure_versions v ON v.tenant_id = i.tenant_id AND v.item_id = i.id AND v.status = 'published'
      WHERE i.tenant_id = $1 AND i.status = 'published' AND i.online_applicable`,
    [centre],
  );
  await client.query(
    `INSERT INTO bench_steps
     SELECT b.idx, s.position - 1, s.code, s.name, s.post, s.limit_working_days
       FROM bench_items b JOIN procedure_steps s ON s.tenant_id = $1 AND s.version_id = b.version_id`,
    [centre],
  );
  await client.query(`
    INSERT INTO bench_pick SELECT ${POOL.any}, row_number() OVER (ORDER BY idx) - 1, idx FROM bench_items;
    INSERT INTO bench_pick SELECT ${POOL.promised}, row_number() OVER (ORDER BY idx) - 1, idx FROM bench_items
     WHERE case_type = 'promised' AND step_count >= 3;
    INSERT INTO bench_pick SELECT ${POOL.review}, row_number() OVER (ORDER BY idx) - 1, idx FROM bench_items b
     WHERE case_type = 'promised' AND step_count >= 3
       AND EXISTS (SELECT 1 FROM bench_steps s WHERE s.item_idx = b.idx AND s.position = 1 AND s.post = 'reviewer')`);
  // The demo accounts (clerk, reviewer, approver) when present: they are the ones the scenarios log in as.
  await client.query(
    `INSERT INTO bench_staff
     SELECT DISTINCT ON (post) post, s.id, s.name
       FROM staff s CROSS JOIN LATERAL unnest(s.roles) AS post
      WHERE s.tenant_id = $1 AND s.active AND post IN ('window_clerk', 'reviewer', 'approver')
      ORDER BY post, s.username NOT IN ('clerk', 'reviewer', 'approver'), s.created_at`,
    [centre],
  );

  const pools = await client.query<{ pool: number; n: string }>('SELECT pool, count(*) AS n FROM bench_pick GROUP BY pool');
  const poolSizes: [number, number, number] = [0, 0, 0];
  for (const row of pools.rows) poolSizes[row.pool as 0 | 1 | 2] = Number(row.n);
  const staff = await client.query<{ post: string }>('SELECT post FROM bench_staff');
  const first = await client.query<{ id: string; name: string; materials: string[] }>(
    'SELECT id, name, materials FROM bench_items ORDER BY idx LIMIT 1',
  );
  const missing = [
    ...(poolSizes[POOL.promised] === 0 ? ['a published online promised item with three or more steps'] : []),
    ...(poolSizes[POOL.review] === 0 ? ["such an item whose second step is the reviewer's"] : []),
    ...['window_clerk', 'reviewer', 'approver'].filter((post) => !staff.rows.some((row) => row.post === post)).map((post) => `an active ${post}`),
  ];
  const firstItem = first.rows[0];
  if (!firstItem || missing.length > 0) {
    throw new Error(`Centre ${centre} lacks ${missing.join(', ') || 'published online items'}: is it a demo centre (SEED_DEMO)?`);
  }
  return { centre, poolSizes, firstItem };
}
