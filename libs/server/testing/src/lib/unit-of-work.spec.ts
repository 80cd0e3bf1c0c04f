import { UnitOfWork } from '@zhengwu/server/core/database';
import { randomUUID } from 'node:crypto';
import { createTestApp, TestApp } from './test-app';

describe('UnitOfWork', () => {
  let t: TestApp;
  let uow: UnitOfWork;

  beforeAll(async () => {
    t = await createTestApp({ imports: [] });
    uow = t.app.get(UnitOfWork);
  });
  afterAll(() => t.close());

  it('runs in one transaction whose tenant setting is local to it', async () => {
    const inside = await uow.run({ tenantId: '510900' }, async (manager) => {
      const [row] = await manager.query("SELECT current_setting('app.tenant_id', true) AS tenant, txid_current() AS tx");
      const [again] = await uow.run({ tenantId: '510900' }, (nested) => nested.query('SELECT txid_current() AS tx'));
      return { ...row, nestedTx: again.tx };
    });
    expect(inside.tenant).toBe('510900');
    expect(inside.nestedTx).toBe(inside.tx);
    const after = await uow.run({}, (manager) => manager.query("SELECT coalesce(current_setting('app.tenant_id', true), '') AS tenant"));
    expect(after[0].tenant).toBe('');
  });

  it('refuses to open a different scope inside an open unit of work', async () => {
    await expect(uow.run({ tenantId: '510900' }, () => uow.run({ tenantId: '510981' }, async () => 1))).rejects.toThrow(/cannot open tenant 510981/);
  });

  it('refuses a repository asking for another tenant than the open unit of work', async () => {
    await expect(uow.run({ tenantId: '510900' }, async () => uow.manager({ tenantId: '510981' }))).rejects.toThrow(/inside a unit of work for tenant 510900/);
    expect(() => uow.manager({ tenantId: '510900' })).toThrow(/outside a unit of work/);
  });

  it('rolls everything back when the work fails', async () => {
    const id = randomUUID();
    await expect(
      uow.run({ tenantId: '510900' }, async (manager) => {
        await manager.query(
          "INSERT INTO audit_events (tenant_id, id, actor_kind, action, subject_type, subject_id) VALUES ('510900', $1, 'system', 'rollback.test', 'x', 'x')",
          [id],
        );
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const found = await uow.run({ tenantId: '510900' }, (manager) => manager.query('SELECT 1 FROM audit_events WHERE id = $1', [id]));
    expect(found).toEqual([]);
  });
});
