import type { MaterialAttestation } from '@zhengwu/shared/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One status report from the handling centre, as the counter received it. */
export interface IntakeReport {
  status: number;
  caseNumber: string | null;
  resultType: string | null;
  note: string | null;
  at: string;
}

/** An application a window clerk filed for a walk-in applicant (窗口代收), at the receiving centre. */
@Entity({ name: 'counter_intakes' })
export class CounterIntakeEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'counter_intakes_pkey' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'counter_intakes_pkey' }) id!: string;
  @Column({ name: 'item_centre', type: 'text' }) itemCentre!: string;
  @Column({ name: 'item_id', type: 'uuid' }) itemId!: string;
  @Column({ name: 'item_name', type: 'text' }) itemName!: string;
  /** A pseudonym derived from the keyed hash of the identity number: stable for the same person. */
  @Column({ name: 'applicant_id', type: 'uuid' }) applicantId!: string;
  @Column({ name: 'applicant_kind', type: 'text' }) applicantKind!: 'natural_person' | 'legal_person';
  @Column({ name: 'applicant_name', type: 'text' }) applicantName!: string;
  @Column({ name: 'applicant_identity_masked', type: 'text' }) applicantIdentityMasked!: string;
  /** Encrypted: the counter calls the applicant when the result is ready. */
  @Column({ name: 'applicant_mobile_sealed', type: 'text' }) applicantMobileSealed!: string;
  @Column({ name: 'form_data', type: 'jsonb' }) formData!: Record<string, unknown>;
  @Column({ name: 'delivery_mode', type: 'text' }) deliveryMode!: 'window' | 'post';
  @Column({ type: 'text' }) status!: 'drafting' | 'forwarded' | 'reported';
  @Column({ name: 'identity_checked', type: 'boolean' }) identityChecked!: boolean;
  @Column({ type: 'jsonb' }) attestation!: MaterialAttestation[];
  @Column({ name: 'received_by', type: 'uuid' }) receivedBy!: string;
  @Column({ name: 'received_by_name', type: 'text' }) receivedByName!: string;
  @Column({ name: 'forward_envelope_id', type: 'uuid', nullable: true }) forwardEnvelopeId!: string | null;
  @Column({ name: 'forwarded_at', type: 'timestamptz', nullable: true }) forwardedAt!: Date | null;
  @Column({ name: 'case_number', type: 'text', nullable: true }) caseNumber!: string | null;
  @Column({ name: 'handling_status', type: 'integer', nullable: true }) handlingStatus!: number | null;
  @Column({ name: 'result_type', type: 'text', nullable: true }) resultType!: string | null;
  @Column({ name: 'last_note', type: 'text', nullable: true }) lastNote!: string | null;
  @Column({ name: 'last_reported_at', type: 'timestamptz', nullable: true }) lastReportedAt!: Date | null;
  @Column({ type: 'jsonb' }) history!: IntakeReport[];
  /** When corrected materials were last sent up after a one-time notice (代收补正), and how often. */
  @Column({ name: 'supplemented_at', type: 'timestamptz', nullable: true }) supplementedAt!: Date | null;
  @Column({ name: 'supplement_count', type: 'integer', default: 0 }) supplementCount!: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ type: 'integer' }) version!: number;
}

/** A scan of one material taken at the counter; a rescan is a new version. */
@Entity({ name: 'counter_intake_materials' })
export class CounterIntakeMaterialEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'counter_intake_materials_pkey' }) tenantId!: string;
  @PrimaryColumn({ name: 'intake_id', type: 'uuid', primaryKeyConstraintName: 'counter_intake_materials_pkey' }) intakeId!: string;
  @PrimaryColumn({ name: 'material_code', type: 'text', primaryKeyConstraintName: 'counter_intake_materials_pkey' }) materialCode!: string;
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'counter_intake_materials_pkey' }) version!: number;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ name: 'size_bytes', type: 'bigint' }) sizeBytes!: string;
  @Column({ name: 'media_type', type: 'text' }) mediaType!: string;
  @Column({ name: 'file_name', type: 'text' }) fileName!: string;
  @Column({ name: 'original_count', type: 'integer' }) originalCount!: number;
  @Column({ name: 'copy_count', type: 'integer' }) copyCount!: number;
  @Column({ name: 'uploaded_at', type: 'timestamptz' }) uploadedAt!: Date;
  @Column({ name: 'uploaded_by', type: 'uuid' }) uploadedBy!: string;
}
