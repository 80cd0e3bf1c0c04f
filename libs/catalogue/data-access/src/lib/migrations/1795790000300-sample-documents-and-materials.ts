import { isolateTenantTable } from '@zhengwu/server/core/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sample documents (示范文本) and the materials items require. A sample document is immutable and
 * stored once per centre and content (the SHA-256 is checked against the bytes by the database);
 * its bytes are already compressed (PDF, JPEG, PNG), so PostgreSQL is told not to try again.
 */
export class SampleDocumentsAndMaterials1795790000300 implements MigrationInterface {
  name = 'SampleDocumentsAndMaterials1795790000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE sample_documents (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        file_name text NOT NULL,
        media_type text NOT NULL,
        size_bytes integer NOT NULL,
        sha256 text NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sample_documents_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT sample_documents_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code),
        CONSTRAINT sample_documents_media_type_check CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        CONSTRAINT sample_documents_size_check CHECK (size_bytes = octet_length(content) AND size_bytes BETWEEN 1 AND 5242880),
        CONSTRAINT sample_documents_sha256_check CHECK (sha256 = encode(sha256(content), 'hex')),
        CONSTRAINT sample_documents_file_name_check CHECK (btrim(file_name) <> '' AND char_length(file_name) <= 200)
      )`);
    await runner.query('ALTER TABLE sample_documents ALTER COLUMN content SET STORAGE EXTERNAL');
    await runner.query('CREATE UNIQUE INDEX sample_documents_tenant_sha256_key ON sample_documents (tenant_id, sha256)');
    await isolateTenantTable(runner, 'sample_documents', ['SELECT', 'INSERT']);

    await runner.query(`
      CREATE TABLE material_requirements (
        tenant_id text NOT NULL,
        id uuid NOT NULL,
        item_id uuid NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        required boolean NOT NULL,
        original_count smallint NOT NULL DEFAULT 0,
        copy_count smallint NOT NULL DEFAULT 0,
        deferral_allowed boolean NOT NULL DEFAULT false,
        commitment_allowed boolean NOT NULL DEFAULT false,
        sample_document_id uuid,
        ordering integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT material_requirements_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT material_requirements_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES centres (code),
        CONSTRAINT material_requirements_item_fkey FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id),
        CONSTRAINT material_requirements_sample_document_fkey
          FOREIGN KEY (tenant_id, sample_document_id) REFERENCES sample_documents (tenant_id, id),
        CONSTRAINT material_requirements_code_check CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$'),
        CONSTRAINT material_requirements_name_check CHECK (btrim(name) <> ''),
        CONSTRAINT material_requirements_counts_check CHECK (original_count BETWEEN 0 AND 20 AND copy_count BETWEEN 0 AND 20)
      )`);
    await runner.query('CREATE UNIQUE INDEX material_requirements_tenant_item_code_key ON material_requirements (tenant_id, item_id, code)');
    await runner.query('CREATE INDEX material_requirements_tenant_sample_idx ON material_requirements (tenant_id, sample_document_id)');
    await isolateTenantTable(runner, 'material_requirements', ['SELECT', 'INSERT', 'UPDATE']);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE material_requirements');
    await runner.query('DROP TABLE sample_documents');
  }
}
