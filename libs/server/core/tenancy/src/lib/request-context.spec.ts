import { AsyncLocalStorage } from 'node:async_hooks';
import { ClsService } from 'nestjs-cls';
import { RequestContext } from './request-context';

describe('RequestContext', () => {
  const cls = new ClsService(new AsyncLocalStorage());
  const context = new RequestContext(cls);

  it('binds a request to one tenant and refuses to switch to another', async () => {
    await cls.run(async () => {
      context.setTenant('510900');
      expect(context.tenantId).toBe('510900');
      expect(() => context.setTenant('510900')).not.toThrow();
      expect(() => context.setTenant('510981')).toThrow(/refusing to switch/);
    });
  });

  it('takes a staff principal’s tenant from the principal', async () => {
    await cls.run(async () => {
      context.setPrincipal({ kind: 'staff', id: 's', name: 'n', tenantId: '510981', roles: [], permissions: [] });
      expect(context.tenantId).toBe('510981');
    });
  });

  it('refuses a malformed tenant id', async () => {
    await cls.run(async () => {
      expect(() => context.setTenant("51'; --")).toThrow(/malformed tenant/);
    });
  });

  it('keeps a slot to the work it was set for, invisible to siblings and afterwards', async () => {
    await cls.run(async () => {
      const seen: unknown[] = [];
      await Promise.all([
        context.runWithSlot('unitOfWork', 'a', async () => {
          await Promise.resolve();
          seen.push(context.getSlot('unitOfWork'));
        }),
        context.runWithSlot('unitOfWork', 'b', async () => {
          seen.push(context.getSlot('unitOfWork'));
        }),
      ]);
      expect(seen.sort()).toEqual(['a', 'b']);
      expect(context.getSlot('unitOfWork')).toBeUndefined();
    });
  });
});
