import { Injectable } from '@nestjs/common';
import { RequestContext } from '@zhengwu/server/core/tenancy';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { DataScope, describeScope, sameScope } from './data-scope';
import { beginWithScopeSql } from './scope-settings';

interface ActiveUnit {
  scope: DataScope;
  manager: EntityManager;
}

/** TypeORM keeps its transaction bookkeeping in these; we open the transaction ourselves. */
interface TransactionBookkeeping {
  isTransactionActive: boolean;
  transactionDepth: number;
}

/**
 * Runs work in one database transaction whose first statement sets the row-level security scope
 * (`set_config(..., true)`: transaction-local, so a pooled connection never carries a tenant into
 * the next request). Nested calls with the same scope join the open transaction; a different scope
 * inside an open one is a bug and is refused: crossing centres goes through routed messages.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly context: RequestContext,
  ) {}

  /** The current request's tenant (and applicant, for applicant principals). */
  runInRequestScope<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const tenantId = this.context.tenantId;
    const principal = this.context.principal;
    if (!tenantId) {
      throw new Error('No tenant in the request context');
    }
    return this.run({ tenantId, applicantId: principal?.kind === 'applicant' ? principal.id : undefined }, work);
  }

  async run<T>(scope: DataScope, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const active = this.context.getSlot('unitOfWork') as ActiveUnit | undefined;
    if (active) {
      if (!sameScope(active.scope, scope)) {
        throw new Error(`Unit of work for ${describeScope(active.scope)} cannot open ${describeScope(scope)}`);
      }
      return work(active.manager);
    }
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await this.begin(runner, scope);
      const unit: ActiveUnit = { scope, manager: runner.manager };
      let result: T;
      try {
        result = await this.withActiveUnit(unit, () => work(runner.manager));
      } catch (error) {
        await runner.rollbackTransaction();
        throw error;
      }
      await runner.commitTransaction();
      return result;
    } finally {
      await runner.release();
    }
  }

  /**
   * The open transaction's manager, for repositories. Tenant-scoped repositories pass the tenant
   * they were asked for; it must be the one the transaction is scoped to, so a repository can
   * never be pointed at another centre's rows (RLS would hide them anyway: this fails loudly).
   */
  manager(expected: DataScope = {}): EntityManager {
    const active = this.context.getSlot('unitOfWork') as ActiveUnit | undefined;
    if (!active) {
      throw new Error('Repository used outside a unit of work');
    }
    for (const key of ['tenantId', 'applicantId', 'applicantLookup'] as const) {
      if (expected[key] !== undefined && expected[key] !== active.scope[key]) {
        throw new Error(`Repository asked for ${describeScope(expected)} inside a unit of work for ${describeScope(active.scope)}`);
      }
    }
    return active.manager;
  }

  /** The scope of the unit of work open in this async context, if any. */
  activeScope(): DataScope | undefined {
    return (this.context.getSlot('unitOfWork') as ActiveUnit | undefined)?.scope;
  }

  /**
   * For reads of centre rows (catalogue, calendar) that callers may make inside or outside a unit
   * of work: joins the open one when it is scoped to this centre (an applicant-scoped one included),
   * opens one otherwise; inside a unit of work for another scope it fails like `run` does.
   */
  runForCentre<T>(tenantId: string, work: () => Promise<T>): Promise<T> {
    return this.activeScope()?.tenantId === tenantId ? work() : this.run({ tenantId }, () => work());
  }

  /**
   * For answers served from a cache: refuse them where a read would have been refused, so a
   * caller's scope mistake shows on a warm cache as on a cold one.
   */
  assertReadableFor(tenantId: string): void {
    const active = this.activeScope();
    if (active && active.tenantId !== tenantId) {
      throw new Error(`Read for tenant ${tenantId} inside a unit of work for another scope (${describeScope(active)})`);
    }
  }

  private async begin(runner: QueryRunner, scope: DataScope): Promise<void> {
    await runner.query(beginWithScopeSql(scope));
    const bookkeeping = runner as unknown as TransactionBookkeeping;
    bookkeeping.isTransactionActive = true;
    bookkeeping.transactionDepth = 1;
  }

  private withActiveUnit<T>(unit: ActiveUnit, work: () => Promise<T>): Promise<T> {
    return this.context.runWithSlot('unitOfWork', unit, work);
  }
}
