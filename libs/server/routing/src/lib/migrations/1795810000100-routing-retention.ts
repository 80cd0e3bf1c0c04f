import { RUNTIME_GROUP_ROLE } from '@zhengwu/server/core/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention (RoutingPruner): the runtime role may now delete outbox and inbox rows, but only the
 * finished ones. The restrictive policies hold on top of the tenant policy, so even a buggy caller
 * cannot delete an envelope still to publish (pending, failed), one given up on (dead, it is what
 * the operator's alert points at), or an inbox row whose handler refused the envelope (the only
 * copy of what was refused). Rejections and alerts stay append-only.
 */
export class RoutingRetention1795810000100 implements MigrationInterface {
  name = 'RoutingRetention1795810000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE POLICY routing_outbox_delete_published_only ON routing_outbox AS RESTRICTIVE FOR DELETE USING (status = 'published')`);
    await runner.query(`CREATE POLICY routing_inbox_delete_applied_only ON routing_inbox AS RESTRICTIVE FOR DELETE USING (status = 'applied')`);
    await runner.query(`GRANT DELETE ON routing_outbox, routing_inbox TO ${RUNTIME_GROUP_ROLE}`);
    // Without it the pruner reads every row a centre ever published to find the old ones (EXPLAIN:
    // a bitmap heap scan of the whole centre). The inbox's counterpart is migration 1795810000200.
    await runner.query(`CREATE INDEX routing_outbox_tenant_published_idx ON routing_outbox (tenant_id, published_at) WHERE status = 'published'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX routing_outbox_tenant_published_idx');
    await runner.query(`REVOKE DELETE ON routing_outbox, routing_inbox FROM ${RUNTIME_GROUP_ROLE}`);
    await runner.query('DROP POLICY routing_inbox_delete_applied_only ON routing_inbox');
    await runner.query('DROP POLICY routing_outbox_delete_published_only ON routing_outbox');
  }
}
