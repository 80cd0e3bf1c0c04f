import type { RatingLevel } from '@zhengwu/approval/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'ratings' })
export class RatingEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'ratings_pkey' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'ratings_pkey' }) id!: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId!: string;
  @Column({ name: 'applicant_id', type: 'uuid' }) applicantId!: string;
  /** The step record rated; null rates the whole case. */
  @Column({ name: 'step_seq', type: 'integer', nullable: true }) stepSeq!: number | null;
  @Column({ type: 'text' }) level!: RatingLevel;
  @Column({ type: 'text', array: true }) indicators!: string[];
  @Column({ type: 'text', nullable: true }) comment!: string | null;
  @Column({ type: 'smallint' }) channel!: number;
  @Column({ name: 'handler_id', type: 'uuid', nullable: true }) handlerId!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
