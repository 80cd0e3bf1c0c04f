import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { RequestContext } from '@zhengwu/server/core/tenancy';
import { v7 as uuidv7 } from 'uuid';
import { AuditEventEntity } from '../entities/audit-event.entity';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
}

/** Writes audit events in the caller's unit of work, so an action and its record commit together. */
@Injectable()
export class AuditLog {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly context: RequestContext,
  ) {}

  async record(tenantId: string, entry: AuditEntry): Promise<void> {
    const principal = this.context.principal;
    const event: AuditEventEntity = {
      tenantId,
      id: uuidv7(),
      occurredAt: new Date(),
      actorKind: principal?.kind ?? 'system',
      actorId: principal?.id ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      details: entry.details ?? {},
      requestId: this.context.requestId ?? null,
    };
    await this.uow.manager({ tenantId }).getRepository(AuditEventEntity).insert(event);
  }

  list(tenantId: string, limit = 100): Promise<AuditEventEntity[]> {
    return this.uow
      .manager({ tenantId })
      .getRepository(AuditEventEntity)
      .find({ where: { tenantId }, order: { occurredAt: 'DESC' }, take: limit });
  }
}
