import type { ApplicantIdentitySummary, Envelope, ManifestMaterial, MaterialAttestation, VerificationRequestedV1 } from '@zhengwu/shared/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A check of paper originals this centre does, for one of its own cases or for another centre's:
 * only what the requester sent (the manifest and an identity summary), nothing else of the case.
 */
@Entity({ name: 'verification_tasks' })
export class VerificationTaskEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'verification_tasks_pkey' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'verification_tasks_pkey' }) id!: string;
  @Column({ name: 'handling_centre', type: 'text' }) handlingCentre!: string;
  @Column({ name: 'case_number', type: 'text' }) caseNumber!: string;
  @Column({ name: 'item_name', type: 'text' }) itemName!: string;
  @Column({ type: 'jsonb' }) applicant!: ApplicantIdentitySummary;
  @Column({ type: 'jsonb' }) manifest!: ManifestMaterial[];
  @Column({ name: 'request_envelope_id', type: 'uuid' }) requestEnvelopeId!: string;
  @Column({ name: 'request_hash', type: 'text' }) requestHash!: string;
  /** The signed request as received: the reply names it (requestHash) and answers it. */
  @Column({ name: 'request_envelope', type: 'jsonb' }) requestEnvelope!: Envelope<VerificationRequestedV1>;
  @Column({ type: 'text' }) status!: 'pending' | 'completed';
  @Column({ type: 'date', nullable: true }) due!: string | null;
  @Column({ name: 'due_provisional', type: 'boolean' }) dueProvisional!: boolean;
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @Column({ name: 'completed_by', type: 'uuid', nullable: true }) completedBy!: string | null;
  @Column({ name: 'completed_by_name', type: 'text', nullable: true }) completedByName!: string | null;
  @Column({ type: 'jsonb', nullable: true }) results!: MaterialAttestation[] | null;
  @Column({ name: 'identity_checked', type: 'boolean', nullable: true }) identityChecked!: boolean | null;
  @Column({ type: 'text', nullable: true }) custody!: 'returned_to_applicant' | 'forwarded' | null;
  @Column({ name: 'courier_number', type: 'text', nullable: true }) courierNumber!: string | null;
}
