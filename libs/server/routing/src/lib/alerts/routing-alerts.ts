import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { RequestContext } from '@zhengwu/server/core/tenancy';
import { Counter, Registry } from 'prom-client';
import { v7 as uuidv7 } from 'uuid';

export type RejectionReason =
  | 'malformed'
  | 'not_hosted'
  | 'unknown_sender'
  | 'unknown_key'
  | 'key_not_valid_at_creation'
  | 'key_expired'
  | 'bad_signature'
  | 'stale'
  | 'from_future'
  | 'not_allowed'
  | 'invalid_payload'
  | 'no_handler';

export interface Rejection {
  /** The tenant the row is filed under (the receiver when hosted here, else NO_CENTRE). */
  tenantId: string;
  reason: RejectionReason;
  detail: string;
  envelopeId: string | null;
  type: string | null;
  from: string | null;
  to: string | null;
  raw: string | null;
  transport: string;
}

export type AlertKind =
  | 'envelope.rejected'
  | 'envelope.dead'
  | 'envelope.undeliverable'
  | 'handler.refused'
  | 'handler.gave_up'
  | 'material.digest_mismatch'
  | 'directory.refused';

const RAW_LIMIT = 64 * 1024;

/**
 * Records what a person must look at: refused envelopes (routing_rejections) and alerts
 * (routing_alerts), each in a transaction of its own, so they persist even when the work that
 * raised them rolls back, and logs them. Both tables are append-only for the runtime role.
 */
@Injectable()
export class RoutingAlerts {
  private readonly logger = new Logger('Routing');
  private readonly rejections: Counter<'reason'>;
  private readonly alerts: Counter<'kind'>;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly context: RequestContext,
    registry: Registry,
  ) {
    this.rejections = new Counter({
      name: 'zhengwu_routing_rejections_total',
      help: 'Routed envelopes refused on arrival, by reason',
      labelNames: ['reason'] as const,
      registers: [registry],
    });
    this.alerts = new Counter({
      name: 'zhengwu_routing_alerts_total',
      help: 'Routing alerts raised, by kind',
      labelNames: ['kind'] as const,
      registers: [registry],
    });
  }

  async reject(rejection: Rejection): Promise<void> {
    const detail = `${rejection.reason}: ${rejection.detail}`;
    await this.inOwnTransaction(rejection.tenantId, async (manager) => {
      await manager.query(
        `INSERT INTO routing_rejections (tenant_id, id, envelope_id, type, from_tenant, to_tenant, reason, detail, raw, transport)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          rejection.tenantId,
          uuidv7(),
          rejection.envelopeId,
          rejection.type,
          rejection.from,
          rejection.to,
          rejection.reason,
          rejection.detail,
          rejection.raw === null ? null : rejection.raw.slice(0, RAW_LIMIT),
          rejection.transport,
        ],
      );
      await this.insertAlert(manager, rejection.tenantId, 'envelope.rejected', rejection.envelopeId, detail);
    });
    this.rejections.inc({ reason: rejection.reason });
    this.alerts.inc({ kind: 'envelope.rejected' });
    this.logger.warn({
      event: 'routing.rejected',
      reason: rejection.reason,
      envelopeId: rejection.envelopeId,
      type: rejection.type,
      from: rejection.from,
      to: rejection.to,
      detail: rejection.detail,
    });
  }

  async alert(tenantId: string, kind: AlertKind, detail: string, envelopeId: string | null = null): Promise<void> {
    await this.inOwnTransaction(tenantId, (manager) => this.insertAlert(manager, tenantId, kind, envelopeId, detail));
    this.alerts.inc({ kind });
    this.logger.error({ event: 'routing.alert', kind, centre: tenantId, envelopeId, detail });
  }

  private async insertAlert(
    manager: import('typeorm').EntityManager,
    tenantId: string,
    kind: AlertKind,
    envelopeId: string | null,
    detail: string,
  ): Promise<void> {
    await manager.query('INSERT INTO routing_alerts (tenant_id, id, kind, envelope_id, detail) VALUES ($1, $2, $3, $4, $5)', [
      tenantId,
      uuidv7(),
      kind,
      envelopeId,
      detail.slice(0, 4000),
    ]);
  }

  private inOwnTransaction(tenantId: string, work: (manager: import('typeorm').EntityManager) => Promise<void>): Promise<void> {
    // A fresh async context: never joins (or is refused by) a unit of work open around the caller.
    return this.context.runDetached(() => this.uow.run({ tenantId }, work));
  }
}
