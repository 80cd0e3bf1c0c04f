import { grantToRuntime } from '@zhengwu/server/core/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Applicant accounts. Not tenant-scoped (an applicant applies at any centre), so the policy binds
 * rows to an applicant instead: the signed-in applicant's own row (`app.applicant_id`), or during
 * login the one row whose identity or mobile hash equals `app.applicant_lookup` — a caller must
 * already know the identifier (and hold the HMAC key) to see a row; nothing can be listed.
 */
export class Applicants1795780000300 implements MigrationInterface {
  name = 'Applicants1795780000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE applicants (
        id uuid NOT NULL,
        kind text NOT NULL,
        name text NOT NULL,
        identity_hash text NOT NULL,
        identity_sealed text NOT NULL,
        identity_masked text NOT NULL,
        mobile_hash text NOT NULL,
        mobile_sealed text NOT NULL,
        mobile_masked text NOT NULL,
        contact_name text,
        password_hash text NOT NULL,
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT applicants_pkey PRIMARY KEY (id),
        CONSTRAINT applicants_kind_check CHECK (kind IN ('natural_person', 'legal_person')),
        CONSTRAINT applicants_contact_check CHECK ((kind = 'legal_person') = (contact_name IS NOT NULL))
      )`);
    await runner.query('CREATE UNIQUE INDEX applicants_identity_hash_key ON applicants (identity_hash)');
    await runner.query('CREATE INDEX applicants_mobile_hash_idx ON applicants (mobile_hash)');
    await runner.query('ALTER TABLE applicants ENABLE ROW LEVEL SECURITY');
    await runner.query('ALTER TABLE applicants FORCE ROW LEVEL SECURITY');
    const predicate = `id = nullif(current_setting('app.applicant_id', true), '')::uuid
      OR current_setting('app.applicant_lookup', true) IN (identity_hash, mobile_hash)`;
    await runner.query(`CREATE POLICY applicants_self ON applicants USING (${predicate}) WITH CHECK (${predicate})`);
    await grantToRuntime(runner, 'applicants', ['SELECT', 'INSERT', 'UPDATE']);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE applicants');
  }
}
