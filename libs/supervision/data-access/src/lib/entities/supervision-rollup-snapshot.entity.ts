import type { RollupSnapshot } from '@zhengwu/supervision/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The latest snapshot a centre beneath this one (the tenant) has sent it. */
@Entity({ name: 'supervision_rollup_snapshots' })
export class SupervisionRollupSnapshotEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'supervision_rollup_snapshots_pkey' }) tenantId!: string;
  @PrimaryColumn({ name: 'centre_code', type: 'text', primaryKeyConstraintName: 'supervision_rollup_snapshots_pkey' }) centreCode!: string;
  @Column({ name: 'centre_name', type: 'text' }) centreName!: string;
  @Column({ type: 'text' }) level!: 'city' | 'county';
  @Column({ name: 'parent_code', type: 'text', nullable: true }) parentCode!: string | null;
  @Column({ name: 'generated_at', type: 'timestamptz' }) generatedAt!: Date;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
  @Column({ name: 'envelope_id', type: 'uuid' }) envelopeId!: string;
  @Column({ type: 'jsonb' }) snapshot!: RollupSnapshot;
}
