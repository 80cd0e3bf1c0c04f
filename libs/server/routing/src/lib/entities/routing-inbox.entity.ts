import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type InboxStatus = 'applied' | 'failed';
export const INBOX_STATUSES: readonly InboxStatus[] = Object.freeze(['applied', 'failed']);

/**
 * An envelope a centre received (tenant = the receiver). The primary key makes each envelope apply
 * once: the row is inserted in the handler's transaction, and a second delivery finds it there.
 * `failed`: the handler refused it for good (a permanent domain error); it is not retried.
 */
@Entity({ name: 'routing_inbox' })
@Index('routing_inbox_tenant_peer_received_idx', ['tenantId', 'fromTenant', 'receivedAt'])
export class RoutingInboxEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'routing_inbox_pkey' })
  tenantId!: string;

  @PrimaryColumn({ name: 'envelope_id', type: 'uuid', primaryKeyConstraintName: 'routing_inbox_pkey' })
  envelopeId!: string;

  @Column({ name: 'from_tenant', type: 'text' })
  fromTenant!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text', nullable: true })
  issue!: string | null;

  @Column({ type: 'text' })
  status!: InboxStatus;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'text' })
  envelope!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
