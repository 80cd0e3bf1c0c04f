import { sichuanDivisions } from '@zhengwu/divisions/domain';
import { grantToRuntime } from '@zhengwu/server/core/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GB/T 2260 divisions of Sichuan (NBS 2022/23 edition, with the renamed codes kept as history) and
 * one service centre per current division. Reference data readable by every centre, so no RLS; the
 * runtime role may only read it. A later edition of the code list arrives as a new migration.
 */
export class DivisionsAndCentres1795780000100 implements MigrationInterface {
  name = 'DivisionsAndCentres1795780000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE divisions (
        code text NOT NULL,
        code12 text NOT NULL,
        name text NOT NULL,
        level text NOT NULL,
        parent_code text,
        valid_from date NOT NULL,
        valid_to date,
        successor_code text,
        CONSTRAINT divisions_pkey PRIMARY KEY (code),
        CONSTRAINT divisions_code_format_check CHECK (code ~ '^[0-9]{6}$'),
        CONSTRAINT divisions_level_check CHECK (level IN ('province', 'city', 'county')),
        CONSTRAINT divisions_validity_check CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT divisions_successor_check CHECK (successor_code IS NULL OR valid_to IS NOT NULL),
        CONSTRAINT divisions_parent_fkey FOREIGN KEY (parent_code) REFERENCES divisions (code) DEFERRABLE INITIALLY DEFERRED,
        CONSTRAINT divisions_successor_fkey FOREIGN KEY (successor_code) REFERENCES divisions (code) DEFERRABLE INITIALLY DEFERRED
      )`);
    await runner.query('CREATE INDEX divisions_parent_code_idx ON divisions (parent_code)');

    const divisions = sichuanDivisions.all();
    await runner.query(
      `INSERT INTO divisions (code, code12, name, level, parent_code, valid_from, valid_to, successor_code)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::text[])`,
      [
        divisions.map((d) => d.code),
        divisions.map((d) => d.code12),
        divisions.map((d) => d.name),
        divisions.map((d) => d.level),
        divisions.map((d) => d.parentCode),
        divisions.map((d) => d.validFrom),
        divisions.map((d) => d.validTo),
        divisions.map((d) => d.successorCode),
      ],
    );

    await runner.query(`
      CREATE TABLE centres (
        code text NOT NULL,
        name text NOT NULL,
        division_name text NOT NULL,
        level text NOT NULL,
        parent_code text,
        CONSTRAINT centres_pkey PRIMARY KEY (code),
        CONSTRAINT centres_division_fkey FOREIGN KEY (code) REFERENCES divisions (code),
        CONSTRAINT centres_parent_fkey FOREIGN KEY (parent_code) REFERENCES centres (code) DEFERRABLE INITIALLY DEFERRED,
        CONSTRAINT centres_code_format_check CHECK (code ~ '^[0-9]{6}$'),
        CONSTRAINT centres_level_check CHECK (level IN ('province', 'city', 'county'))
      )`);
    await runner.query('CREATE INDEX centres_parent_code_idx ON centres (parent_code)');
    await runner.query(`
      INSERT INTO centres (code, name, division_name, level, parent_code)
      SELECT code, name || '政务服务中心', name, level, parent_code FROM divisions WHERE valid_to IS NULL`);

    await grantToRuntime(runner, 'divisions', ['SELECT']);
    await grantToRuntime(runner, 'centres', ['SELECT']);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE centres');
    await runner.query('DROP TABLE divisions');
  }
}
