import { Column, Entity, PrimaryColumn } from 'typeorm';

export type RectificationStatus = 'open' | 'valid' | 'invalid' | 'appealed' | 'rectifying' | 'done' | 'cannot_fix';

/** 差评整改: opened by a bad rating, handled by the centre's supervisors within a deadline. */
@Entity({ name: 'rectifications' })
export class RectificationEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'rectifications_pkey' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'rectifications_pkey' }) id!: string;
  @Column({ name: 'rating_id', type: 'uuid' }) ratingId!: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId!: string;
  @Column({ name: 'case_number', type: 'text' }) caseNumber!: string;
  @Column({ type: 'text' }) status!: RectificationStatus;
  @Column({ type: 'date' }) due!: string;
  @Column({ name: 'due_provisional', type: 'boolean' }) dueProvisional!: boolean;
  @Column({ name: 'responsible_staff_id', type: 'uuid', nullable: true }) responsibleStaffId!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  /** The deadline before its one extension (null: not extended). */
  @Column({ name: 'first_due', type: 'date', nullable: true }) firstDue?: string | null;
  @Column({ name: 'extended_at', type: 'timestamptz', nullable: true }) extendedAt?: Date | null;
  /** The note of the last decision (appeal, review, rectification done, cannot fix, extension). */
  @Column({ type: 'text', nullable: true }) note?: string | null;
  @Column({ name: 'handled_by_name', type: 'text', nullable: true }) handledByName?: string | null;
  /** The follow-up call to the applicant (回访). */
  @Column({ name: 'follow_up_at', type: 'timestamptz', nullable: true }) followUpAt?: Date | null;
  @Column({ name: 'follow_up_note', type: 'text', nullable: true }) followUpNote?: string | null;
  @Column({ name: 'follow_up_by_name', type: 'text', nullable: true }) followUpByName?: string | null;
}
