import { PROVINCE_BASELINE_RULES, PROVINCE_CENTRE } from '@zhengwu/supervision/domain';
import { isolateTenantTable } from '@zhengwu/server/core/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Electronic supervision (电子监察): the rules each centre runs, the alerts the sweep raises, the
 * supervision notices (督办) red alerts open, the accountability records that name who held the
 * work, and the per-centre sweep leases that keep replicas from sweeping a centre twice at once.
 * Every table is a tenant table with row-level security enabled and forced here, as it is created.
 */
export class Supervision1795820000100 implements MigrationInterface {
  name = 'Supervision1795820000100';

  async up(runner: QueryRunner): Promise<void> {
    // A centre's own rules: overrides of a province rule (same id) and additions. The province's
    // own rows are the baseline every centre inherits.
    await runner.query(`
      CREATE TABLE supervision_rules (
        tenant_id text NOT NULL,
        rule_id text NOT NULL,
        definition jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid,
        updated_by_name text,
        CONSTRAINT supervision_rules_pkey PRIMARY KEY (tenant_id, rule_id),
        CONSTRAINT supervision_rules_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code),
        CONSTRAINT supervision_rules_rule_id_check CHECK (rule_id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
        CONSTRAINT supervision_rules_definition_check CHECK (jsonb_typeof(definition) = 'object' AND definition->>'id' = rule_id)
      )`);
    await isolateTenantTable(runner, 'supervision_rules', ['SELECT', 'INSERT', 'UPDATE', 'DELETE']);

    // One alert per rule, subject (case, step spell or routed verification) and level: raising is
    // idempotent, however many sweepers see the same overdue step.
    await runner.query(`
      CREATE TABLE supervision_alerts (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        rule_id text NOT NULL,
        level text NOT NULL,
        subject_kind text NOT NULL,
        subject_key text NOT NULL,
        application_id uuid,
        case_number text,
        step_seq integer,
        verification_task_id uuid,
        item_name text,
        department_id uuid,
        department_name text,
        step_name text,
        post text,
        due date,
        working_days integer,
        provisional boolean NOT NULL DEFAULT false,
        notify text[] NOT NULL,
        holder_id uuid,
        holder_name text,
        raised_at timestamptz NOT NULL,
        resolved_at timestamptz,
        CONSTRAINT supervision_alerts_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT supervision_alerts_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code),
        CONSTRAINT supervision_alerts_level_check CHECK (level IN ('yellow', 'red')),
        CONSTRAINT supervision_alerts_subject_kind_check CHECK (subject_kind IN ('case', 'step', 'verification')),
        CONSTRAINT supervision_alerts_notify_check CHECK (cardinality(notify) > 0 AND notify <@ ARRAY['handler', 'department_head', 'supervisor']::text[])
      )`);
    await runner.query('CREATE UNIQUE INDEX supervision_alerts_subject_key ON supervision_alerts (tenant_id, rule_id, subject_key, level)');
    await runner.query('CREATE INDEX supervision_alerts_open_idx ON supervision_alerts (tenant_id, level, due) WHERE resolved_at IS NULL');
    await runner.query('CREATE INDEX supervision_alerts_application_idx ON supervision_alerts (tenant_id, application_id) WHERE application_id IS NOT NULL');
    await runner.query('CREATE INDEX supervision_alerts_raised_idx ON supervision_alerts (tenant_id, raised_at DESC)');
    await isolateTenantTable(runner, 'supervision_alerts', ['SELECT', 'INSERT', 'UPDATE']);

    // 督办: addressed to the department responsible for the work, answered within N working days.
    await runner.query(`
      CREATE TABLE supervision_notices (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        alert_id uuid NOT NULL,
        rule_id text NOT NULL,
        application_id uuid,
        case_number text,
        department_id uuid,
        department_name text NOT NULL,
        issued_at timestamptz NOT NULL,
        response_working_days integer NOT NULL,
        response_due date NOT NULL,
        response_due_provisional boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'open',
        response text,
        responded_at timestamptz,
        responded_by uuid,
        responded_by_name text,
        closed_at timestamptz,
        closed_by uuid,
        closed_by_name text,
        closing_comment text,
        CONSTRAINT supervision_notices_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT supervision_notices_alert_fkey FOREIGN KEY (tenant_id, alert_id) REFERENCES supervision_alerts (tenant_id, id),
        CONSTRAINT supervision_notices_status_check CHECK (status IN ('open', 'responded', 'closed')),
        CONSTRAINT supervision_notices_response_working_days_check CHECK (response_working_days BETWEEN 1 AND 30),
        CONSTRAINT supervision_notices_response_check CHECK (status = 'open' OR (response IS NOT NULL AND responded_at IS NOT NULL) OR closed_at IS NOT NULL),
        CONSTRAINT supervision_notices_closed_check CHECK ((status = 'closed') = (closed_at IS NOT NULL))
      )`);
    await runner.query('CREATE UNIQUE INDEX supervision_notices_alert_key ON supervision_notices (tenant_id, alert_id)');
    await runner.query('CREATE INDEX supervision_notices_status_idx ON supervision_notices (tenant_id, status, response_due)');
    await isolateTenantTable(runner, 'supervision_notices', ['SELECT', 'INSERT', 'UPDATE']);

    // Who held the work when the alert was raised. Never changed or deleted once written.
    await runner.query(`
      CREATE TABLE accountability_records (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        alert_id uuid NOT NULL,
        notice_id uuid,
        rule_id text NOT NULL,
        level text NOT NULL,
        application_id uuid,
        case_number text,
        step_seq integer,
        step_name text,
        post text,
        department_name text,
        holder_id uuid,
        holder_name text,
        due date,
        working_days integer,
        recorded_at timestamptz NOT NULL,
        CONSTRAINT accountability_records_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT accountability_records_alert_fkey FOREIGN KEY (tenant_id, alert_id) REFERENCES supervision_alerts (tenant_id, id),
        CONSTRAINT accountability_records_notice_fkey FOREIGN KEY (tenant_id, notice_id) REFERENCES supervision_notices (tenant_id, id),
        CONSTRAINT accountability_records_level_check CHECK (level IN ('yellow', 'red'))
      )`);
    await runner.query('CREATE UNIQUE INDEX accountability_records_alert_key ON accountability_records (tenant_id, alert_id)');
    await runner.query('CREATE INDEX accountability_records_holder_idx ON accountability_records (tenant_id, holder_id, recorded_at DESC)');
    await isolateTenantTable(runner, 'accountability_records', ['SELECT', 'INSERT']);

    // One row per centre; a sweeper locks it (FOR UPDATE SKIP LOCKED) for the whole sweep of that centre.
    await runner.query(`
      CREATE TABLE supervision_sweep_leases (
        tenant_id text NOT NULL,
        holder text,
        leased_at timestamptz,
        last_swept_at timestamptz,
        last_sweep_as_of timestamptz,
        last_report jsonb,
        CONSTRAINT supervision_sweep_leases_pkey PRIMARY KEY (tenant_id),
        CONSTRAINT supervision_sweep_leases_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code)
      )`);
    await isolateTenantTable(runner, 'supervision_sweep_leases', ['SELECT', 'INSERT', 'UPDATE']);

    // The province's baseline, written as the province (RLS is forced on the owner too).
    await runner.query(`SELECT set_config('app.tenant_id', $1, true)`, [PROVINCE_CENTRE]);
    for (const rule of PROVINCE_BASELINE_RULES) {
      await runner.query('INSERT INTO supervision_rules (tenant_id, rule_id, definition, updated_by_name) VALUES ($1, $2, $3, $4)', [
        PROVINCE_CENTRE,
        rule.id,
        JSON.stringify(rule),
        'migration',
      ]);
    }
    await runner.query(`SELECT set_config('app.tenant_id', '', true)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['supervision_sweep_leases', 'accountability_records', 'supervision_notices', 'supervision_alerts', 'supervision_rules']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
