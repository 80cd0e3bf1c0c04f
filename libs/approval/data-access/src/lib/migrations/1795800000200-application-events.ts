import { isolateApplicantOwnedTenantTable, isolateTenantTable } from '@zhengwu/server/core/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The immutable record of every transition. Each centre's events form one hash chain (each event's
 * hash covers the previous event's hash), so a changed, removed or reordered event is detectable;
 * `event_chain_heads` holds the chain's tip and serialises appends per centre. The runtime role may
 * insert and read events, never change or delete them.
 */
export class ApplicationEvents1795800000200 implements MigrationInterface {
  name = 'ApplicationEvents1795800000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE application_events (
        tenant_id text NOT NULL,
        seq bigint NOT NULL,
        application_id uuid NOT NULL,
        applicant_id uuid NOT NULL,
        case_number text,
        actor_kind text NOT NULL,
        actor_id text,
        actor_post text,
        action text NOT NULL,
        from_status smallint NOT NULL,
        to_status smallint NOT NULL,
        from_step integer,
        to_step integer,
        comment text,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        occurred_at timestamptz NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        CONSTRAINT application_events_pkey PRIMARY KEY (tenant_id, seq),
        CONSTRAINT application_events_application_fkey FOREIGN KEY (tenant_id, application_id) REFERENCES applications (tenant_id, id),
        CONSTRAINT application_events_actor_kind_check CHECK (actor_kind IN ('applicant', 'staff', 'system')),
        CONSTRAINT application_events_hash_check CHECK (hash ~ '^[0-9a-f]{64}$' AND prev_hash ~ '^[0-9a-f]{64}$')
      )`);
    await runner.query('CREATE INDEX application_events_application_idx ON application_events (tenant_id, application_id, seq)');
    await isolateApplicantOwnedTenantTable(runner, 'application_events', 'applicant_id', ['SELECT', 'INSERT']);

    await runner.query(`
      CREATE TABLE event_chain_heads (
        tenant_id text NOT NULL,
        last_seq bigint NOT NULL,
        last_hash text NOT NULL,
        CONSTRAINT event_chain_heads_pkey PRIMARY KEY (tenant_id),
        CONSTRAINT event_chain_heads_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code)
      )`);
    await isolateTenantTable(runner, 'event_chain_heads', ['SELECT', 'INSERT', 'UPDATE']);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE event_chain_heads');
    await runner.query('DROP TABLE application_events');
  }
}
