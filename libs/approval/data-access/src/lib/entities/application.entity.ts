import type { ApplicationStatus, CaseType, ClockState, DeliveryMode, ResultType, SupervisionLevel } from '@zhengwu/approval/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

const date = { type: 'date' as const, nullable: true };
const instant = { type: 'timestamptz' as const, nullable: true };

/** An application (办件) at its handling centre (the tenant). */
@Entity({ name: 'applications' })
export class ApplicationEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'applications_pkey' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'applications_pkey' })
  id!: string;

  @Column({ name: 'applicant_id', type: 'uuid' }) applicantId!: string;
  @Column({ name: 'applicant_kind', type: 'text' }) applicantKind!: 'natural_person' | 'legal_person';
  @Column({ name: 'applicant_name', type: 'text' }) applicantName!: string;
  @Column({ name: 'applicant_identity_masked', type: 'text' }) applicantIdentityMasked!: string;
  @Column({ name: 'item_id', type: 'uuid' }) itemId!: string;
  @Column({ name: 'item_name', type: 'text' }) itemName!: string;
  @Column({ name: 'item_type_code', type: 'text' }) itemTypeCode!: string;
  @Column({ name: 'department_name', type: 'text' }) departmentName!: string;
  @Column({ name: 'case_type', type: 'text' }) caseType!: CaseType;
  @Column({ name: 'procedure_version_id', type: 'uuid' }) procedureVersionId!: string;
  @Column({ name: 'step_count', type: 'integer' }) stepCount!: number;
  @Column({ name: 'case_number', type: 'text', nullable: true }) caseNumber!: string | null;
  @Column({ name: 'query_code', type: 'text', nullable: true }) queryCode!: string | null;
  @Column({ name: 'receiving_centre', type: 'text' }) receivingCentre!: string;
  @Column({ name: 'verification_centre', type: 'text', nullable: true }) verificationCentre!: string | null;
  /** The receiving centre's intake this case was forwarded from (代收); its status is reported back there. */
  @Column({ name: 'counter_intake_id', type: 'uuid', nullable: true }) counterIntakeId!: string | null;
  @Column({ name: 'received_by_name', type: 'text', nullable: true }) receivedByName!: string | null;
  @Column({ type: 'smallint' }) status!: ApplicationStatus;
  @Column({ name: 'clock_state', type: 'text' }) clockState!: ClockState;
  @Column({ name: 'supervision_level', type: 'text' }) supervisionLevel!: SupervisionLevel;
  @Column({ name: 'result_type', type: 'text', nullable: true }) resultType!: ResultType | null;
  @Column({ name: 'delivery_mode', type: 'text' }) deliveryMode!: DeliveryMode;
  @Column({ name: 'current_step', type: 'integer', nullable: true }) currentStep!: number | null;
  @Column({ name: 'current_post', type: 'text', nullable: true }) currentPost!: string | null;
  @Column({ name: 'current_step_due', ...date }) currentStepDue!: string | null;
  /** Who holds the current step (claimed or assigned); accountability names them. */
  @Column({ name: 'current_assignee_id', type: 'uuid', nullable: true }) currentAssigneeId!: string | null;
  @Column({ name: 'originals_check_required', type: 'boolean' }) originalsCheckRequired!: boolean;
  @Column({ name: 'originals_check_point', type: 'text' }) originalsCheckPoint!: 'after_approval' | 'before_acceptance';
  @Column({ name: 'originals_verified', type: 'boolean' }) originalsVerified!: boolean;
  @Column({ name: 'extension_used', type: 'boolean' }) extensionUsed!: boolean;
  @Column({ name: 'extension_working_days', type: 'integer' }) extensionWorkingDays!: number;
  @Column({ name: 'open_special_procedure', type: 'text', nullable: true }) openSpecialProcedure!: string | null;
  @Column({ name: 'notices_sent', type: 'integer' }) noticesSent!: number;
  @Column({ name: 'promised_limit_value', type: 'integer' }) promisedLimitValue!: number;
  @Column({ name: 'promised_limit_unit', type: 'text' }) promisedLimitUnit!: 'working_day' | 'natural_day';
  @Column({ name: 'legal_limit_value', type: 'integer' }) legalLimitValue!: number;
  @Column({ name: 'legal_limit_unit', type: 'text' }) legalLimitUnit!: 'working_day' | 'natural_day';
  @Column({ name: 'promised_due', ...date }) promisedDue!: string | null;
  @Column({ name: 'legal_due', ...date }) legalDue!: string | null;
  @Column({ name: 'deadlines_provisional', type: 'boolean' }) deadlinesProvisional!: boolean;
  @Column({ name: 'form_data', type: 'jsonb' }) formData!: object;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'submitted_at', ...instant }) submittedAt!: Date | null;
  @Column({ name: 'accepted_at', ...instant }) acceptedAt!: Date | null;
  @Column({ name: 'decided_at', ...instant }) decidedAt!: Date | null;
  @Column({ name: 'completed_at', ...instant }) completedAt!: Date | null;
  @Column({ name: 'deemed_accepted_at', ...instant }) deemedAcceptedAt!: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  /** Optimistic concurrency: every transition updates WHERE version = the version the actor saw. */
  @Column({ type: 'integer' }) version!: number;
}
