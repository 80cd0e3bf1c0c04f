import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pruner deletes a centre's applied inbox rows received before the cutoff. The inbox's
 * (tenant_id, from_tenant, received_at) index cannot seek on received_at without a peer, so each
 * batch walked the centre's whole index range; this one finds the old applied rows directly.
 */
export class RoutingInboxRetentionIndex1795810000200 implements MigrationInterface {
  name = 'RoutingInboxRetentionIndex1795810000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX routing_inbox_tenant_applied_idx ON routing_inbox (tenant_id, received_at) WHERE status = 'applied'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX routing_inbox_tenant_applied_idx');
  }
}
