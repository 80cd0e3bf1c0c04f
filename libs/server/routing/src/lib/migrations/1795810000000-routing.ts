import { grantToRuntime, isolateTenantTable, RUNTIME_GROUP_ROLE } from '@zhengwu/server/core/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { INBOX_STATUSES } from '../entities/routing-inbox.entity';
import { OUTBOX_STATUSES, PEER_STATUSES } from '../entities/routing-outbox.entity';

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/**
 * Routing between centres: the outbox (tenant = sender), the inbox (tenant = receiver, one row per
 * envelope ever applied), refused envelopes, alerts, reconciliation rounds, and the signed
 * directories received by message. Inbox, rejections and alerts are append-only for the runtime role.
 */
export class Routing1795810000000 implements MigrationInterface {
  name = 'Routing1795810000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE routing_outbox (
        tenant_id text NOT NULL,
        envelope_id uuid NOT NULL,
        to_tenant text NOT NULL,
        type text NOT NULL,
        envelope text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        peer_status text,
        peer_reported_at timestamptz,
        reconcile_round_id uuid,
        CONSTRAINT routing_outbox_pkey PRIMARY KEY (tenant_id, envelope_id),
        CONSTRAINT routing_outbox_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code),
        CONSTRAINT routing_outbox_to_format_check CHECK (to_tenant ~ '^[0-9]{6}$'),
        CONSTRAINT routing_outbox_status_check CHECK (status IN (${list(OUTBOX_STATUSES)})),
        CONSTRAINT routing_outbox_attempts_check CHECK (attempts >= 0),
        CONSTRAINT routing_outbox_published_check CHECK ((status = 'published') = (published_at IS NOT NULL)),
        CONSTRAINT routing_outbox_peer_status_check CHECK (peer_status IS NULL OR peer_status IN (${list(PEER_STATUSES)}))
      )`);
    // The relay's work list: only rows still to publish, per centre, soonest first.
    await runner.query(
      `CREATE INDEX routing_outbox_tenant_due_idx ON routing_outbox (tenant_id, next_attempt_at) WHERE status IN ('pending', 'failed')`,
    );
    await runner.query('CREATE INDEX routing_outbox_tenant_peer_created_idx ON routing_outbox (tenant_id, to_tenant, created_at)');
    // No DELETE: the outbox is the record of what the centre sent.
    await isolateTenantTable(runner, 'routing_outbox', ['SELECT', 'INSERT', 'UPDATE']);

    await runner.query(`
      CREATE TABLE routing_inbox (
        tenant_id text NOT NULL,
        envelope_id uuid NOT NULL,
        from_tenant text NOT NULL,
        type text NOT NULL,
        issue text,
        status text NOT NULL,
        error text,
        envelope text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT routing_inbox_pkey PRIMARY KEY (tenant_id, envelope_id),
        CONSTRAINT routing_inbox_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code),
        CONSTRAINT routing_inbox_from_format_check CHECK (from_tenant ~ '^[0-9]{6}$'),
        CONSTRAINT routing_inbox_status_check CHECK (status IN (${list(INBOX_STATUSES)})),
        CONSTRAINT routing_inbox_error_check CHECK ((status = 'failed') = (error IS NOT NULL))
      )`);
    await runner.query('CREATE INDEX routing_inbox_tenant_peer_received_idx ON routing_inbox (tenant_id, from_tenant, received_at)');
    // Append-only: an envelope applied (or refused by its handler) stays so.
    await isolateTenantTable(runner, 'routing_inbox', ['SELECT', 'INSERT']);

    await runner.query(`
      CREATE TABLE routing_rejections (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        envelope_id uuid,
        type text,
        from_tenant text,
        to_tenant text,
        reason text NOT NULL,
        detail text NOT NULL,
        raw text,
        transport text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT routing_rejections_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT routing_rejections_tenant_format_check CHECK (tenant_id ~ '^[0-9]{6}$')
      )`);
    await runner.query('CREATE INDEX routing_rejections_tenant_created_idx ON routing_rejections (tenant_id, created_at)');
    await isolateTenantTable(runner, 'routing_rejections', ['SELECT', 'INSERT']);

    await runner.query(`
      CREATE TABLE routing_alerts (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        kind text NOT NULL,
        envelope_id uuid,
        detail text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT routing_alerts_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT routing_alerts_tenant_format_check CHECK (tenant_id ~ '^[0-9]{6}$')
      )`);
    await runner.query('CREATE INDEX routing_alerts_tenant_created_idx ON routing_alerts (tenant_id, created_at)');
    await isolateTenantTable(runner, 'routing_alerts', ['SELECT', 'INSERT']);

    await runner.query(`
      CREATE TABLE routing_reconcile_rounds (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        peer text NOT NULL,
        request_hash text NOT NULL,
        envelope_count integer NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        answered_at timestamptz,
        applied_count integer,
        unknown_count integer,
        failed_count integer,
        peer_applied_total integer,
        CONSTRAINT routing_reconcile_rounds_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT routing_reconcile_rounds_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code),
        CONSTRAINT routing_reconcile_rounds_count_check CHECK (envelope_count >= 0)
      )`);
    await runner.query('CREATE INDEX routing_reconcile_rounds_tenant_peer_requested_idx ON routing_reconcile_rounds (tenant_id, peer, requested_at)');
    await runner.query('CREATE UNIQUE INDEX routing_reconcile_rounds_tenant_request_hash_key ON routing_reconcile_rounds (tenant_id, request_hash)');
    await isolateTenantTable(runner, 'routing_reconcile_rounds', ['SELECT', 'INSERT', 'UPDATE']);

    // Public, signed data of the whole province, re-verified on every read: no tenant, no RLS.
    await runner.query(`
      CREATE TABLE routing_directory_versions (
        root_key_id text NOT NULL,
        version integer NOT NULL,
        document text NOT NULL,
        envelope_id uuid,
        stored_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT routing_directory_versions_pkey PRIMARY KEY (root_key_id, version),
        CONSTRAINT routing_directory_versions_version_check CHECK (version >= 1)
      )`);
    await grantToRuntime(runner, 'routing_directory_versions', ['SELECT', 'INSERT']);

    // Which of the given centres have envelopes to publish, in one round trip (see
    // notifications_due_centres for why this is SECURITY INVOKER and stays RLS-bound).
    await runner.query(`
      CREATE FUNCTION routing_outbox_due_centres(centres text[], due_at timestamptz) RETURNS text[]
      LANGUAGE plpgsql VOLATILE SECURITY INVOKER AS $$
      DECLARE
        outer_tenant text := current_setting('app.tenant_id', true);
        centre text;
        due text[] := '{}';
      BEGIN
        FOREACH centre IN ARRAY centres LOOP
          PERFORM set_config('app.tenant_id', centre, true);
          IF EXISTS (
            SELECT 1 FROM public.routing_outbox o
            WHERE o.tenant_id = centre AND o.status IN ('pending', 'failed') AND o.next_attempt_at <= due_at
          ) THEN
            due := due || centre;
          END IF;
        END LOOP;
        PERFORM set_config('app.tenant_id', coalesce(outer_tenant, ''), true);
        RETURN due;
      END
      $$`);
    await runner.query('REVOKE ALL ON FUNCTION routing_outbox_due_centres(text[], timestamptz) FROM PUBLIC');
    await runner.query(`GRANT EXECUTE ON FUNCTION routing_outbox_due_centres(text[], timestamptz) TO ${RUNTIME_GROUP_ROLE}`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP FUNCTION routing_outbox_due_centres(text[], timestamptz)');
    for (const table of ['routing_directory_versions', 'routing_reconcile_rounds', 'routing_alerts', 'routing_rejections', 'routing_inbox', 'routing_outbox']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
