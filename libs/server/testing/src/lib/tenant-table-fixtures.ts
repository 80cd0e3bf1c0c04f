import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';

export interface InsertedRow {
  /** SQL predicate (with $n placeholders) selecting exactly the inserted row. */
  where: string;
  params: unknown[];
}

/**
 * How to make one valid row of a tenant table, for the two-tenant isolation suite. Every table
 * with a `tenant_id` column must have an entry: the suite fails for a table without one, so a new
 * tenant table cannot skip the proof that RLS isolates it.
 */
export interface TenantRowFixture {
  insert(client: Client, tenantId: string): Promise<InsertedRow>;
  /** A harmless SET clause used to attempt an update of another tenant's row. */
  updateSet: string;
}

export const TENANT_TABLE_FIXTURES: Record<string, TenantRowFixture> = {
  staff: {
    updateSet: "name = 'changed'",
    async insert(client, tenantId) {
      const id = randomUUID();
      await client.query(
        `INSERT INTO staff (tenant_id, id, username, name, roles, password_hash)
         VALUES ($1, $2, $3, '隔离测试', ARRAY['window_clerk'], 'x')`,
        [tenantId, id, `iso${id.slice(0, 8)}`],
      );
      return { where: 'id = $1', params: [id] };
    },
  },
  audit_events: {
    updateSet: "action = 'changed'",
    async insert(client, tenantId) {
      const id = randomUUID();
      await client.query(
        `INSERT INTO audit_events (tenant_id, id, actor_kind, action, subject_type, subject_id)
         VALUES ($1, $2, 'system', 'isolation.test', 'test', 'x')`,
        [tenantId, id],
      );
      return { where: 'id = $1', params: [id] };
    },
  },
};
