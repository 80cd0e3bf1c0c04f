import type { NoticeStatus } from '@zhengwu/supervision/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 督办: a red alert's notice to the responsible department, answered within a number of working days. */
@Entity({ name: 'supervision_notices' })
export class SupervisionNoticeEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'supervision_notices_pkey' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'supervision_notices_pkey' }) id!: string;
  @Column({ name: 'alert_id', type: 'uuid' }) alertId!: string;
  @Column({ name: 'rule_id', type: 'text' }) ruleId!: string;
  @Column({ name: 'application_id', type: 'uuid', nullable: true }) applicationId!: string | null;
  @Column({ name: 'case_number', type: 'text', nullable: true }) caseNumber!: string | null;
  @Column({ name: 'department_id', type: 'uuid', nullable: true }) departmentId!: string | null;
  @Column({ name: 'department_name', type: 'text' }) departmentName!: string;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt!: Date;
  @Column({ name: 'response_working_days', type: 'integer' }) responseWorkingDays!: number;
  @Column({ name: 'response_due', type: 'date' }) responseDue!: string;
  @Column({ name: 'response_due_provisional', type: 'boolean' }) responseDueProvisional!: boolean;
  @Column({ type: 'text' }) status!: NoticeStatus;
  @Column({ type: 'text', nullable: true }) response!: string | null;
  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true }) respondedAt!: Date | null;
  @Column({ name: 'responded_by', type: 'uuid', nullable: true }) respondedBy!: string | null;
  @Column({ name: 'responded_by_name', type: 'text', nullable: true }) respondedByName!: string | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ name: 'closed_by', type: 'uuid', nullable: true }) closedBy!: string | null;
  @Column({ name: 'closed_by_name', type: 'text', nullable: true }) closedByName!: string | null;
  @Column({ name: 'closing_comment', type: 'text', nullable: true }) closingComment!: string | null;
}
