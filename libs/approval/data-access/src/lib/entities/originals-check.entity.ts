import type { MaterialAttestation } from '@zhengwu/shared/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type OriginalsCheckStatus = 'requested' | 'matched' | 'mismatched';

/** A request for the paper originals to be checked, and the attestation that answered it. */
@Entity({ name: 'originals_checks' })
export class OriginalsCheckEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'originals_checks_pkey' }) tenantId!: string;
  @PrimaryColumn({ name: 'application_id', type: 'uuid', primaryKeyConstraintName: 'originals_checks_pkey' }) applicationId!: string;
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'originals_checks_pkey' }) seq!: number;
  @Column({ name: 'applicant_id', type: 'uuid' }) applicantId!: string;
  @Column({ name: 'verifying_centre', type: 'text' }) verifyingCentre!: string;
  @Column({ name: 'request_envelope_id', type: 'uuid' }) requestEnvelopeId!: string;
  @Column({ name: 'request_hash', type: 'text' }) requestHash!: string;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt!: Date;
  @Column({ type: 'text' }) status!: OriginalsCheckStatus;
  @Column({ type: 'jsonb', nullable: true }) results!: MaterialAttestation[] | null;
  @Column({ name: 'identity_checked', type: 'boolean', nullable: true }) identityChecked!: boolean | null;
  @Column({ type: 'text', nullable: true }) custody!: 'returned_to_applicant' | 'forwarded' | null;
  @Column({ name: 'courier_number', type: 'text', nullable: true }) courierNumber!: string | null;
  @Column({ name: 'verified_by', type: 'text', nullable: true }) verifiedBy!: string | null;
  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true }) verifiedAt!: Date | null;
  @Column({ name: 'attestation_envelope_id', type: 'uuid', nullable: true }) attestationEnvelopeId!: string | null;
  @Column({ name: 'attestation_signature', type: 'text', nullable: true }) attestationSignature!: string | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @Column({ name: 'paper_arrived_at', type: 'timestamptz', nullable: true }) paperArrivedAt!: Date | null;
}
