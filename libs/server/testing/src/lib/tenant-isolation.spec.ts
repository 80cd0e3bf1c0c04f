import { assertRuntimeRoleIsBoundByRls } from '@zhengwu/server/core/database';
import { DataSource } from 'typeorm';
import { connectAsOwner, connectAsRuntimeRole, RuntimeConnection } from './runtime-connection';
import { TENANT_TABLE_FIXTURES } from './tenant-table-fixtures';
import { testDatabaseFromEnv } from './test-database';

const SUINING = '510900';
const SHEHONG = '510981';

/**
 * The database itself, not the repositories, keeps centres apart: connected as the runtime role,
 * with queries that "forget" their tenant filter, one centre can neither read, change, delete nor
 * create another centre's rows, in every tenant table.
 */
describe('two-tenant isolation by row-level security', () => {
  let db: RuntimeConnection;
  let tenantTables: string[];

  beforeAll(async () => {
    db = await connectAsRuntimeRole();
    const owner = await connectAsOwner();
    try {
      const { rows } = await owner.query<{ table_name: string }>(
        `SELECT c.table_name FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
         WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
         ORDER BY 1`,
      );
      tenantTables = rows.map((r) => r.table_name);
    } finally {
      await owner.end();
    }
  });
  afterAll(() => db.end());

  it('finds the tenant tables and has an isolation fixture for every one of them', () => {
    expect(tenantTables.length).toBeGreaterThanOrEqual(2);
    expect(tenantTables.filter((table) => !TENANT_TABLE_FIXTURES[table])).toEqual([]);
  });

  it('enables and forces RLS with a USING and WITH CHECK policy on app.tenant_id for every tenant table', async () => {
    const owner = await connectAsOwner();
    try {
      for (const table of tenantTables) {
        const rls = await owner.query('SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = $1::regclass', [table]);
        expect({ table, ...rls.rows[0] }).toEqual({ table, relrowsecurity: true, relforcerowsecurity: true });
        // The one permissive policy is the tenant's: it is what grants anything. Restrictive
        // policies may be added (routing's retention narrows what may be deleted); they can only
        // take rows away from what the tenant policy allows.
        const policies = await owner.query<{ qual: string; with_check: string; cmd: string }>(
          `SELECT qual, with_check, cmd FROM pg_policies WHERE schemaname = $1 AND tablename = $2 AND permissive = 'PERMISSIVE'`,
          ['public', table],
        );
        expect({ table, policies: policies.rows }).toEqual({
          table,
          policies: [{ cmd: 'ALL', qual: expect.stringContaining("current_setting('app.tenant_id'"), with_check: expect.stringContaining("current_setting('app.tenant_id'") }],
        });
      }
    } finally {
      await owner.end();
    }
  });

  it('connects the runtime role without SUPERUSER or BYPASSRLS, and refuses to run as a superuser', async () => {
    const { rows } = await db.client.query('SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user');
    expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
    const superuser = new DataSource({ type: 'postgres', url: testDatabaseFromEnv().adminUrl });
    await superuser.initialize();
    try {
      await expect(assertRuntimeRoleIsBoundByRls(superuser)).rejects.toThrow(/row-level security would not apply/);
    } finally {
      await superuser.destroy();
    }
  });

  describe.each(Object.keys(TENANT_TABLE_FIXTURES))('table %s', (table) => {
    const fixture = TENANT_TABLE_FIXTURES[table];

    it("cannot read, update, delete or create another centre's rows", async () => {
      const shehongRow = await db.scoped({ 'app.tenant_id': SHEHONG }, (c) => fixture.insert(c, SHEHONG), true);
      const suiningRow = await db.scoped({ 'app.tenant_id': SUINING }, (c) => fixture.insert(c, SUINING), true);

      await db.asTenant(SUINING, async (c) => {
        const byKey = await c.query(`SELECT * FROM ${table} WHERE ${shehongRow.where}`, shehongRow.params);
        expect(byKey.rowCount).toBe(0);
        const byTenant = await c.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [SHEHONG]);
        expect(byTenant.rows[0].n).toBe(0);
        const everything = await c.query(`SELECT DISTINCT tenant_id FROM ${table}`);
        expect(everything.rows.map((r) => r.tenant_id)).toEqual([SUINING]);
      });

      await db.asTenant(SUINING, async (c) => {
        expect(await affectedOrDenied(c.query(`UPDATE ${table} SET ${fixture.updateSet} WHERE ${shehongRow.where}`, shehongRow.params))).toBe(0);
      });
      await db.asTenant(SUINING, async (c) => {
        // No WHERE at all: whatever is updated (then rolled back) belongs to Suining only.
        const touched = await returnedOrDenied(c.query(`UPDATE ${table} SET ${fixture.updateSet} RETURNING tenant_id`));
        expect(touched.filter((tenant) => tenant !== SUINING)).toEqual([]);
      });
      await db.asTenant(SUINING, async (c) => {
        const removed = await returnedOrDenied(c.query(`DELETE FROM ${table} RETURNING tenant_id`));
        expect(removed.filter((tenant) => tenant !== SUINING)).toEqual([]);
      });
      await db.asTenant(SUINING, async (c) => {
        expect(await affectedOrDenied(c.query(`DELETE FROM ${table} WHERE ${shehongRow.where}`, shehongRow.params))).toBe(0);
      });
      await db.asTenant(SUINING, async (c) => {
        await expect(fixture.insert(c, SHEHONG)).rejects.toMatchObject({ code: '42501' });
      });
      await db.asTenant(SUINING, async (c) => {
        const shifted = suiningRow.where.replace(/\$(\d+)/g, (_m, n: string) => `$${Number(n) + 1}`);
        const moved = c.query(`UPDATE ${table} SET tenant_id = $1 WHERE ${shifted}`, [SHEHONG, ...suiningRow.params]);
        await expect(moved).rejects.toMatchObject({ code: '42501' });
      });
      await db.scoped({}, async (c) => {
        const unscoped = await c.query(`SELECT count(*)::int AS n FROM ${table}`);
        expect(unscoped.rows[0].n).toBe(0);
      });

      await db.asTenant(SHEHONG, async (c) => {
        const stillThere = await c.query(`SELECT * FROM ${table} WHERE ${shehongRow.where}`, shehongRow.params);
        expect(stillThere.rowCount).toBe(1);
        expect(stillThere.rows[0].tenant_id).toBe(SHEHONG);
      });
    });
  });
});

/** Rows affected, or 0 when the runtime role lacks the privilege (append-only tables). */
async function affectedOrDenied(query: Promise<{ rowCount: number | null }>): Promise<number> {
  try {
    return (await query).rowCount ?? 0;
  } catch (error) {
    if ((error as { code?: string }).code === '42501') {
      return 0;
    }
    throw error;
  }
}

/** The tenant ids a statement returned, or none when the runtime role lacks the privilege. */
async function returnedOrDenied(query: Promise<{ rows: Array<{ tenant_id: string }> }>): Promise<string[]> {
  try {
    return (await query).rows.map((row) => row.tenant_id);
  } catch (error) {
    if ((error as { code?: string }).code === '42501') {
      return [];
    }
    throw error;
  }
}
