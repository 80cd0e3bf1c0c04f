import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A centre's sweep lease: the row a sweeper locks (FOR UPDATE SKIP LOCKED) while it sweeps that centre. */
@Entity({ name: 'supervision_sweep_leases' })
export class SupervisionSweepLeaseEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'supervision_sweep_leases_pkey' }) tenantId!: string;
  @Column({ type: 'text', nullable: true }) holder!: string | null;
  @Column({ name: 'leased_at', type: 'timestamptz', nullable: true }) leasedAt!: Date | null;
  @Column({ name: 'last_swept_at', type: 'timestamptz', nullable: true }) lastSweptAt!: Date | null;
  @Column({ name: 'last_sweep_as_of', type: 'timestamptz', nullable: true }) lastSweepAsOf!: Date | null;
  @Column({ name: 'last_report', type: 'jsonb', nullable: true }) lastReport!: object | null;
}
