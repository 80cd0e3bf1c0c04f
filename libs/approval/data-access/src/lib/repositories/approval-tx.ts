import { UnitOfWork } from '@zhengwu/server/core/database';
import type { EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';

/** The open unit of work's repository for an entity, checked against the tenant asked for. */
export function tenantRepository<E extends ObjectLiteral>(uow: UnitOfWork, tenantId: string, entity: EntityTarget<E>): Repository<E> {
  return uow.manager({ tenantId }).getRepository(entity);
}

export function tenantManager(uow: UnitOfWork, tenantId: string): EntityManager {
  return uow.manager({ tenantId });
}
