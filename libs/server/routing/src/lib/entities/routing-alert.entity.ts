import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Something about routing a person must look at (tenant = the centre concerned). */
@Entity({ name: 'routing_alerts' })
@Index('routing_alerts_tenant_created_idx', ['tenantId', 'createdAt'])
export class RoutingAlertEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'routing_alerts_pkey' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'routing_alerts_pkey' })
  id!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'envelope_id', type: 'uuid', nullable: true })
  envelopeId!: string | null;

  @Column({ type: 'text' })
  detail!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
