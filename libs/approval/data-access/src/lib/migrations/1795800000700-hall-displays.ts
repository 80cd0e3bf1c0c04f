import { isolateTenantTable } from '@zhengwu/server/core/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hall displays (大厅屏): screens a centre admin registers to show the centre's public feed (recent
 * calls and today's counts). The display's token is stored only as a SHA-256 hash, unique across
 * the table; a revoked display keeps its row (who created it, when it was revoked), so the runtime
 * role gets no DELETE.
 */
export class HallDisplays1795800000700 implements MigrationInterface {
  name = 'HallDisplays1795800000700';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE hall_displays (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        name text NOT NULL,
        token_hash text NOT NULL,
        token_hint text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NOT NULL,
        created_by_name text NOT NULL,
        last_seen_at timestamptz,
        revoked_at timestamptz,
        CONSTRAINT hall_displays_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT hall_displays_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code),
        CONSTRAINT hall_displays_token_hash_key UNIQUE (token_hash),
        CONSTRAINT hall_displays_name_check CHECK (char_length(name) BETWEEN 1 AND 40)
      )`);
    await isolateTenantTable(runner, 'hall_displays', ['SELECT', 'INSERT', 'UPDATE']);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE hall_displays');
  }
}
