import { Injectable } from '@nestjs/common';
import { ClsService, ClsStore } from 'nestjs-cls';
import type { Principal } from './principal';
import { isTenantId } from './tenant-id';

export interface ZhengwuClsStore extends ClsStore {
  principal?: Principal;
  tenantId?: string;
  /** Opaque slot owned by the database layer: the unit of work this async flow is inside. */
  unitOfWork?: unknown;
}

/**
 * Typed access to the async context of the current request or job. The tenant is set only from a
 * verified token (staff) or from the centre an applicant addresses in the path, never from a
 * header or body.
 */
@Injectable()
export class RequestContext {
  constructor(private readonly cls: ClsService<ZhengwuClsStore>) {}

  get requestId(): string | undefined {
    return this.cls.isActive() ? this.cls.getId() : undefined;
  }

  get principal(): Principal | undefined {
    return this.cls.isActive() ? this.cls.get('principal') : undefined;
  }

  get tenantId(): string | undefined {
    return this.cls.isActive() ? this.cls.get('tenantId') : undefined;
  }

  setPrincipal(principal: Principal): void {
    this.cls.set('principal', principal);
    if (principal.kind === 'staff') {
      this.setTenant(principal.tenantId);
    }
  }

  setTenant(tenantId: string): void {
    if (!isTenantId(tenantId)) {
      throw new Error(`Refusing to enter malformed tenant "${tenantId}"`);
    }
    const current = this.cls.get('tenantId');
    if (current !== undefined && current !== tenantId) {
      // A request acts for one centre; crossing to another goes through routed messages.
      throw new Error(`Request already bound to tenant ${current}, refusing to switch to ${tenantId}`);
    }
    this.cls.set('tenantId', tenantId);
  }

  getSlot<K extends 'unitOfWork'>(key: K): ZhengwuClsStore[K] {
    return this.cls.isActive() ? this.cls.get(key) : undefined;
  }

  /**
   * Runs work in a child context that inherits this one and additionally holds `value` in `key`;
   * the slot disappears when the work ends, and concurrent siblings never see each other's.
   */
  runWithSlot<K extends 'unitOfWork', T>(key: K, value: ZhengwuClsStore[K], work: () => Promise<T>): Promise<T> {
    return this.cls.run({ ifNested: 'inherit' }, () => {
      this.cls.set(key, value as never);
      return work();
    });
  }

  /** Runs background work (sweeps, relays, seeds) in a fresh context of its own. */
  runDetached<T>(work: () => Promise<T>, store: Partial<ZhengwuClsStore> = {}): Promise<T> {
    return this.cls.run({ ifNested: 'override' }, async () => {
      for (const [key, value] of Object.entries(store)) {
        this.cls.set(key as keyof ZhengwuClsStore, value as never);
      }
      return work();
    });
  }
}
