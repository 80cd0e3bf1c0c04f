import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One `reconcile.request.v1` a centre sent a peer, and the peer's answer once it came. */
@Entity({ name: 'routing_reconcile_rounds' })
@Index('routing_reconcile_rounds_tenant_peer_requested_idx', ['tenantId', 'peer', 'requestedAt'])
@Index('routing_reconcile_rounds_tenant_request_hash_key', ['tenantId', 'requestHash'], { unique: true })
export class RoutingReconcileRoundEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'routing_reconcile_rounds_pkey' })
  tenantId!: string;

  /** The request envelope's id. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'routing_reconcile_rounds_pkey' })
  id!: string;

  @Column({ type: 'text' })
  peer!: string;

  /** envelopeHash of the request: the report names it in its `requestHash`. */
  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  @Column({ name: 'envelope_count', type: 'integer' })
  envelopeCount!: number;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'applied_count', type: 'integer', nullable: true })
  appliedCount!: number | null;

  @Column({ name: 'unknown_count', type: 'integer', nullable: true })
  unknownCount!: number | null;

  @Column({ name: 'failed_count', type: 'integer', nullable: true })
  failedCount!: number | null;

  /** The peer's count of everything it applied from us, all time. */
  @Column({ name: 'peer_applied_total', type: 'integer', nullable: true })
  peerAppliedTotal!: number | null;
}
