import { connect } from './postgres';
import type { WorkingDays } from './seed/working-days';

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the two statements behind one inbox page (ApplicationRepository.inbox:
 * TypeORM's getManyAndCount issues the page and a COUNT(1) with the same WHERE), run as the
 * runtime role inside a transaction with app.tenant_id set, as the API runs them, so the plans
 * include the row-level security predicate. The SQL mirrors the query builder's; keep them in step.
 */
export async function explainInbox(runtimeUrl: string, centre: string, days: WorkingDays): Promise<string> {
  // The API counts from today's date in China; day 0 is today, or the next working day when today is not one.
  const dueWithin5 = days.at(5);
  const where = (extra: string) =>
    `a.tenant_id = '${centre}' AND a.current_post IN ('reviewer') AND a.status IN (30)${extra}`;
  const statements: Array<[string, string]> = [
    [
      'inbox page: status=30&dueWithin=5&page=1&pageSize=20',
      `SELECT a.* FROM applications a WHERE ${where(` AND a.current_step_due <= '${dueWithin5}'`)}
       ORDER BY a.current_step_due ASC NULLS LAST, a.submitted_at ASC LIMIT 20 OFFSET 0`,
    ],
    ['its count', `SELECT COUNT(1) AS cnt FROM applications a WHERE ${where(` AND a.current_step_due <= '${dueWithin5}'`)}`],
    [
      'inbox page: status=30&page=5&pageSize=20',
      `SELECT a.* FROM applications a WHERE ${where('')} ORDER BY a.current_step_due ASC NULLS LAST, a.submitted_at ASC LIMIT 20 OFFSET 80`,
    ],
    ['its count', `SELECT COUNT(1) AS cnt FROM applications a WHERE ${where('')}`],
  ];
  const client = await connect(runtimeUrl);
  const out: string[] = [];
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [centre]);
    for (const [title, sql] of statements) {
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
      out.push(`-- ${title} (centre ${centre})`, ...rows.map((row) => row['QUERY PLAN']), '');
    }
    await client.query('ROLLBACK');
  } finally {
    await client.end();
  }
  return out.join('\n');
}
