import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A special procedure (特别程序) during which the clock does not run (行政许可法 §45). */
@Entity({ name: 'application_pauses' })
export class ApplicationPauseEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'application_pauses_pkey' }) tenantId!: string;
  @PrimaryColumn({ name: 'application_id', type: 'uuid', primaryKeyConstraintName: 'application_pauses_pkey' }) applicationId!: string;
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'application_pauses_pkey' }) seq!: number;
  @Column({ name: 'applicant_id', type: 'uuid' }) applicantId!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt!: Date;
  @Column({ name: 'cap_working_days', type: 'integer' }) capWorkingDays!: number;
  @Column({ name: 'resume_by', type: 'date', nullable: true }) resumeBy!: string | null;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt!: Date | null;
  @Column({ name: 'ended_by', type: 'text', nullable: true }) endedBy!: string | null;
}
