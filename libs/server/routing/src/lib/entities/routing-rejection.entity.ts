import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An envelope refused on arrival, before anything was applied. Tenant = the claimed receiver when
 * this deployment hosts it; otherwise {@link NO_CENTRE} (see routing-tenants.ts), so the row stays
 * under row-level security without being filed under a centre it does not concern.
 */
@Entity({ name: 'routing_rejections' })
@Index('routing_rejections_tenant_created_idx', ['tenantId', 'createdAt'])
export class RoutingRejectionEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'routing_rejections_pkey' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'routing_rejections_pkey' })
  id!: string;

  @Column({ name: 'envelope_id', type: 'uuid', nullable: true })
  envelopeId!: string | null;

  @Column({ type: 'text', nullable: true })
  type!: string | null;

  @Column({ name: 'from_tenant', type: 'text', nullable: true })
  fromTenant!: string | null;

  @Column({ name: 'to_tenant', type: 'text', nullable: true })
  toTenant!: string | null;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text' })
  detail!: string;

  /** What arrived, as received (truncated): evidence for the security review. */
  @Column({ type: 'text', nullable: true })
  raw!: string | null;

  @Column({ type: 'text' })
  transport!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
