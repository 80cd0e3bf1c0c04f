import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Where a sent envelope is on its way: `published` once the transport acknowledged it. */
export type OutboxStatus = 'pending' | 'failed' | 'published' | 'dead';
export const OUTBOX_STATUSES: readonly OutboxStatus[] = Object.freeze(['pending', 'failed', 'published', 'dead']);

/** What the peer said about it in its last reconcile report. */
export type PeerStatus = 'applied' | 'failed' | 'unknown';
export const PEER_STATUSES: readonly PeerStatus[] = Object.freeze(['applied', 'failed', 'unknown']);

/**
 * A signed envelope a centre sends, written in the transaction of the change that causes it
 * (tenant = the sender), then handed to the transport by the relay.
 */
@Entity({ name: 'routing_outbox' })
@Index('routing_outbox_tenant_due_idx', ['tenantId', 'nextAttemptAt'], { where: "status IN ('pending', 'failed')" })
@Index('routing_outbox_tenant_peer_created_idx', ['tenantId', 'toTenant', 'createdAt'])
export class RoutingOutboxEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'routing_outbox_pkey' })
  tenantId!: string;

  @PrimaryColumn({ name: 'envelope_id', type: 'uuid', primaryKeyConstraintName: 'routing_outbox_pkey' })
  envelopeId!: string;

  @Column({ name: 'to_tenant', type: 'text' })
  toTenant!: string;

  @Column({ type: 'text' })
  type!: string;

  /** The signed envelope exactly as sent (JSON text: no re-encoding between signing and sending). */
  @Column({ type: 'text' })
  envelope!: string;

  @Column({ type: 'text' })
  status!: OutboxStatus;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'peer_status', type: 'text', nullable: true })
  peerStatus!: PeerStatus | null;

  @Column({ name: 'peer_reported_at', type: 'timestamptz', nullable: true })
  peerReportedAt!: Date | null;

  /** The reconcile request that last asked the peer about it. */
  @Column({ name: 'reconcile_round_id', type: 'uuid', nullable: true })
  reconcileRoundId!: string | null;
}
