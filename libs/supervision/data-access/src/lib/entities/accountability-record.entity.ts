import type { AlertLevel } from '@zhengwu/supervision/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Who held the work when a red alert was raised (immutable: the runtime role may only insert). */
@Entity({ name: 'accountability_records' })
export class AccountabilityRecordEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'accountability_records_pkey' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'accountability_records_pkey' }) id!: string;
  @Column({ name: 'alert_id', type: 'uuid' }) alertId!: string;
  @Column({ name: 'notice_id', type: 'uuid', nullable: true }) noticeId!: string | null;
  @Column({ name: 'rule_id', type: 'text' }) ruleId!: string;
  @Column({ type: 'text' }) level!: AlertLevel;
  @Column({ name: 'application_id', type: 'uuid', nullable: true }) applicationId!: string | null;
  @Column({ name: 'case_number', type: 'text', nullable: true }) caseNumber!: string | null;
  @Column({ name: 'step_seq', type: 'integer', nullable: true }) stepSeq!: number | null;
  @Column({ name: 'step_name', type: 'text', nullable: true }) stepName!: string | null;
  @Column({ type: 'text', nullable: true }) post!: string | null;
  @Column({ name: 'department_name', type: 'text', nullable: true }) departmentName!: string | null;
  @Column({ name: 'holder_id', type: 'uuid', nullable: true }) holderId!: string | null;
  @Column({ name: 'holder_name', type: 'text', nullable: true }) holderName!: string | null;
  @Column({ type: 'date', nullable: true }) due!: string | null;
  @Column({ name: 'working_days', type: 'integer', nullable: true }) workingDays!: number | null;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}
