import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Local practice that varies by centre (DOMAIN.md): defaults apply when a centre has no row. */
@Entity({ name: 'approval_settings' })
export class ApprovalSettingsEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'approval_settings_pkey' }) tenantId!: string;
  @Column({ name: 'rectification_working_days', type: 'integer' }) rectificationWorkingDays!: number;
  @Column({ name: 'pre_review_working_days', type: 'integer' }) preReviewWorkingDays!: number;
  @Column({ name: 'yellow_within_working_days', type: 'integer' }) yellowWithinWorkingDays!: number;
  @Column({ name: 'after_hours_cutoff', type: 'text', nullable: true }) afterHoursCutoff!: string | null;
  /** The verifying centre's limit for an originals check. */
  @Column({ name: 'verification_working_days', type: 'integer' }) verificationWorkingDays!: number;
}
