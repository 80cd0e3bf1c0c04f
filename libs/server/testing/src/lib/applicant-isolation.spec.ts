import { randomBytes, randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { connectAsRuntimeRole, RuntimeConnection } from './runtime-connection';

/**
 * Applicant accounts are not tenant rows; RLS binds each to its applicant, or to a login lookup by
 * the exact keyed hash of an identifier. Nothing can be listed.
 */
describe('applicant isolation by row-level security', () => {
  let db: RuntimeConnection;
  beforeAll(async () => {
    db = await connectAsRuntimeRole();
  });
  afterAll(() => db.end());

  async function insertApplicant(): Promise<{ id: string; identityHash: string; mobileHash: string }> {
    const applicant = { id: randomUUID(), identityHash: randomBytes(32).toString('hex'), mobileHash: randomBytes(32).toString('hex') };
    await db.scoped(
      { 'app.applicant_id': applicant.id },
      (c: Client) =>
        c.query(
          `INSERT INTO applicants (id, kind, name, identity_hash, identity_sealed, identity_masked, mobile_hash, mobile_sealed, mobile_masked, password_hash)
           VALUES ($1, 'natural_person', '隔离', $2, 'x', 'x', $3, 'x', 'x', 'x')`,
          [applicant.id, applicant.identityHash, applicant.mobileHash],
        ),
      true,
    );
    return applicant;
  }

  it('shows an applicant their own row only', async () => {
    const a = await insertApplicant();
    const b = await insertApplicant();
    await db.scoped({ 'app.applicant_id': a.id }, async (c) => {
      const all = await c.query('SELECT id FROM applicants');
      expect(all.rows.map((r) => r.id)).toEqual([a.id]);
      expect((await c.query('UPDATE applicants SET name = $2 WHERE id = $1', [b.id, 'x'])).rowCount).toBe(0);
    });
  });

  it('lets a login lookup see exactly the row with that hash', async () => {
    const a = await insertApplicant();
    await insertApplicant();
    await db.scoped({ 'app.applicant_lookup': a.mobileHash }, async (c) => {
      const all = await c.query('SELECT id FROM applicants');
      expect(all.rows.map((r) => r.id)).toEqual([a.id]);
    });
    await db.scoped({}, async (c) => {
      expect((await c.query('SELECT count(*)::int AS n FROM applicants')).rows[0].n).toBe(0);
    });
  });

  it('refuses to create an account for anyone but the scoped applicant', async () => {
    await db.scoped({ 'app.applicant_id': randomUUID() }, async (c) => {
      await expect(
        c.query(
          `INSERT INTO applicants (id, kind, name, identity_hash, identity_sealed, identity_masked, mobile_hash, mobile_sealed, mobile_masked, password_hash)
           VALUES ($1, 'natural_person', '冒名', $2, 'x', 'x', $2, 'x', 'x', 'x')`,
          [randomUUID(), randomBytes(32).toString('hex')],
        ),
      ).rejects.toMatchObject({ code: '42501' });
    });
  });

  it('gives the runtime role no DELETE on applicants', async () => {
    const a = await insertApplicant();
    await db.scoped({ 'app.applicant_id': a.id }, async (c) => {
      await expect(c.query('DELETE FROM applicants WHERE id = $1', [a.id])).rejects.toMatchObject({ code: '42501' });
    });
  });
});
