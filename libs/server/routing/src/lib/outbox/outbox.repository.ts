import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type { Envelope } from '@zhengwu/shared/contracts';
import type { EntityManager } from 'typeorm';

/** An outbox row the relay has claimed for one publishing attempt. */
export interface ClaimedEnvelope {
  tenantId: string;
  envelopeId: string;
  to: string;
  type: string;
  /** The signed envelope's JSON text, exactly as written. */
  serialized: string;
  /** This attempt's number (1 for the first). */
  attempt: number;
}

export interface ClaimOptions {
  /** The relay's "now" (tests move it forward); null = the database clock. */
  at: Date | null;
  limit: number;
  leaseMs: number;
}

const DUE = `status IN ('pending', 'failed') AND next_attempt_at <= coalesce($2::timestamptz, now())`;

/** The routing outbox: every method takes the sending centre first and runs in its unit of work. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async insert(tenantId: string, envelope: Envelope<unknown>, serialized: string): Promise<void> {
    if (envelope.from !== tenantId) {
      throw new Error(`Envelope from ${envelope.from} passed to an outbox call for tenant ${tenantId}`);
    }
    await this.forTenant(tenantId).query(
      `INSERT INTO routing_outbox (tenant_id, envelope_id, to_tenant, type, envelope) VALUES ($1, $2, $3, $4, $5)`,
      [tenantId, envelope.id, envelope.to, envelope.type, serialized],
    );
  }

  /** Which of `centres` have envelopes due (one RLS-bound call, see routing_outbox_due_centres). */
  async dueCentres(centres: readonly string[], at: Date | null): Promise<string[]> {
    const rows: Array<{ due: string[] }> = await this.uow
      .manager({})
      .query('SELECT routing_outbox_due_centres($1::text[], coalesce($2::timestamptz, now())) AS due', [centres, at]);
    return rows[0]?.due ?? [];
  }

  /**
   * Claims up to `limit` due envelopes of one centre, oldest first: locked with SKIP LOCKED (so
   * concurrent relays take disjoint rows), counted as an attempt and leased (next_attempt_at moved
   * past the lease) before the transaction commits, so no other relay sees them while this one
   * publishes them outside any transaction.
   */
  async claimDue(tenantId: string, options: ClaimOptions): Promise<ClaimedEnvelope[]> {
    const [rows] = (await this.forTenant(tenantId).query(
      `WITH due AS (
         SELECT envelope_id FROM routing_outbox
         WHERE tenant_id = $1 AND ${DUE}
         ORDER BY next_attempt_at, envelope_id
         LIMIT $3
         FOR UPDATE SKIP LOCKED
       )
       UPDATE routing_outbox o
       SET attempts = o.attempts + 1,
           next_attempt_at = coalesce($2::timestamptz, now()) + $4 * interval '1 millisecond'
       FROM due
       WHERE o.tenant_id = $1 AND o.envelope_id = due.envelope_id
       RETURNING o.tenant_id, o.envelope_id, o.to_tenant, o.type, o.envelope, o.attempts`,
      [tenantId, options.at, options.limit, options.leaseMs],
    )) as [Array<{ tenant_id: string; envelope_id: string; to_tenant: string; type: string; envelope: string; attempts: number }>, number];
    return rows
      .map((row) => ({
        tenantId: row.tenant_id,
        envelopeId: row.envelope_id,
        to: row.to_tenant,
        type: row.type,
        serialized: row.envelope,
        attempt: row.attempts,
      }))
      .sort((a, b) => a.envelopeId.localeCompare(b.envelopeId));
  }

  /** Records the transport's acknowledgement, unless the claim was lost meanwhile. */
  async recordPublished(tenantId: string, envelopeId: string, attempt: number): Promise<boolean> {
    const [, affected] = (await this.forTenant(tenantId).query(
      `UPDATE routing_outbox SET status = 'published', published_at = now(), last_error = NULL
       WHERE tenant_id = $1 AND envelope_id = $2 AND attempts = $3 AND status IN ('pending', 'failed')`,
      [tenantId, envelopeId, attempt],
    )) as [unknown[], number];
    return affected === 1;
  }

  async recordFailure(
    tenantId: string,
    envelopeId: string,
    attempt: number,
    failure: { dead: boolean; error: string; at: Date | null; retryInMs: number },
  ): Promise<boolean> {
    const [, affected] = (await this.forTenant(tenantId).query(
      `UPDATE routing_outbox
       SET status = $4, last_error = $5, next_attempt_at = coalesce($6::timestamptz, now()) + $7 * interval '1 millisecond'
       WHERE tenant_id = $1 AND envelope_id = $2 AND attempts = $3 AND status IN ('pending', 'failed')`,
      [tenantId, envelopeId, attempt, failure.dead ? 'dead' : 'failed', failure.error.slice(0, 2000), failure.at, failure.dead ? 0 : failure.retryInMs],
    )) as [unknown[], number];
    return affected === 1;
  }

  private forTenant(tenantId: string): EntityManager {
    return this.uow.manager({ tenantId });
  }
}
