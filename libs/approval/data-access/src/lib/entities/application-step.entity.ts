import { Column, Entity, PrimaryColumn } from 'typeorm';

export type StepOutcome = 'passed' | 'returned' | 'approved' | 'denied' | 'withdrawn' | 'terminated';

/** One spell of work on a procedure step (a step returned to is worked on again: a new record). */
@Entity({ name: 'application_steps' })
export class ApplicationStepEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'application_steps_pkey' }) tenantId!: string;
  @PrimaryColumn({ name: 'application_id', type: 'uuid', primaryKeyConstraintName: 'application_steps_pkey' }) applicationId!: string;
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'application_steps_pkey' }) seq!: number;
  @Column({ name: 'applicant_id', type: 'uuid' }) applicantId!: string;
  @Column({ type: 'integer' }) position!: number;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) post!: 'window_clerk' | 'reviewer' | 'approver';
  @Column({ name: 'limit_working_days', type: 'integer' }) limitWorkingDays!: number;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt!: Date;
  @Column({ type: 'date', nullable: true }) due!: string | null;
  @Column({ name: 'due_provisional', type: 'boolean' }) dueProvisional!: boolean;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId!: string | null;
  @Column({ name: 'assignee_name', type: 'text', nullable: true }) assigneeName!: string | null;
  @Column({ type: 'text', nullable: true }) outcome!: StepOutcome | null;
  @Column({ name: 'handler_id', type: 'uuid', nullable: true }) handlerId!: string | null;
  @Column({ name: 'handler_name', type: 'text', nullable: true }) handlerName!: string | null;
  @Column({ type: 'text', nullable: true }) comment!: string | null;
}
