import { APPROVAL_TABLE_FIXTURES } from './fixtures/approval.fixtures';
import { CALENDAR_TABLE_FIXTURES } from './fixtures/calendar.fixtures';
import { CATALOGUE_TABLE_FIXTURES } from './fixtures/catalogue.fixtures';
import { NOTIFICATION_TABLE_FIXTURES } from './fixtures/notification.fixtures';
import { ORG_TABLE_FIXTURES } from './fixtures/org.fixtures';
import { ROUTING_TABLE_FIXTURES } from './fixtures/routing.fixtures';
import { SUPERVISION_TABLE_FIXTURES } from './fixtures/supervision.fixtures';
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
  ...ORG_TABLE_FIXTURES,
  ...CALENDAR_TABLE_FIXTURES,
  ...CATALOGUE_TABLE_FIXTURES,
  ...NOTIFICATION_TABLE_FIXTURES,
  ...APPROVAL_TABLE_FIXTURES,
  ...ROUTING_TABLE_FIXTURES,
  ...SUPERVISION_TABLE_FIXTURES,
};
