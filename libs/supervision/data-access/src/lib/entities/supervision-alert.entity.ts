import type { AlertLevel, Recipient, SubjectKind } from '@zhengwu/supervision/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A rule that fired on a case, a step spell or a routed verification; unique per rule, subject and level. */
@Entity({ name: 'supervision_alerts' })
export class SupervisionAlertEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'supervision_alerts_pkey' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'supervision_alerts_pkey' }) id!: string;
  @Column({ name: 'rule_id', type: 'text' }) ruleId!: string;
  @Column({ type: 'text' }) level!: AlertLevel;
  @Column({ name: 'subject_kind', type: 'text' }) subjectKind!: SubjectKind;
  @Column({ name: 'subject_key', type: 'text' }) subjectKey!: string;
  @Column({ name: 'application_id', type: 'uuid', nullable: true }) applicationId!: string | null;
  @Column({ name: 'case_number', type: 'text', nullable: true }) caseNumber!: string | null;
  @Column({ name: 'step_seq', type: 'integer', nullable: true }) stepSeq!: number | null;
  @Column({ name: 'verification_task_id', type: 'uuid', nullable: true }) verificationTaskId!: string | null;
  @Column({ name: 'item_name', type: 'text', nullable: true }) itemName!: string | null;
  @Column({ name: 'department_id', type: 'uuid', nullable: true }) departmentId!: string | null;
  @Column({ name: 'department_name', type: 'text', nullable: true }) departmentName!: string | null;
  @Column({ name: 'step_name', type: 'text', nullable: true }) stepName!: string | null;
  @Column({ type: 'text', nullable: true }) post!: string | null;
  @Column({ type: 'date', nullable: true }) due!: string | null;
  @Column({ name: 'working_days', type: 'integer', nullable: true }) workingDays!: number | null;
  @Column({ type: 'boolean' }) provisional!: boolean;
  @Column({ type: 'text', array: true }) notify!: Recipient[];
  @Column({ name: 'holder_id', type: 'uuid', nullable: true }) holderId!: string | null;
  @Column({ name: 'holder_name', type: 'text', nullable: true }) holderName!: string | null;
  @Column({ name: 'raised_at', type: 'timestamptz' }) raisedAt!: Date;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
}
