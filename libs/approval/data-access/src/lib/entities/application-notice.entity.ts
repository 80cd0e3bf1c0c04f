import type { Defect } from '@zhengwu/approval/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A one-time notice (一次性告知): the complete list of defects of one return. */
@Entity({ name: 'application_notices' })
export class ApplicationNoticeEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'application_notices_pkey' }) tenantId!: string;
  @PrimaryColumn({ name: 'application_id', type: 'uuid', primaryKeyConstraintName: 'application_notices_pkey' }) applicationId!: string;
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'application_notices_pkey' }) seq!: number;
  @Column({ name: 'applicant_id', type: 'uuid' }) applicantId!: string;
  @Column({ name: 'sent_at', type: 'timestamptz' }) sentAt!: Date;
  /** The clerk who sent it; null when the system did (an originals check that did not match). */
  @Column({ name: 'sent_by', type: 'uuid', nullable: true }) sentBy!: string | null;
  @Column({ type: 'jsonb' }) defects!: Array<Defect & { sampleDocumentId?: string | null }>;
  @Column({ name: 'override_reason', type: 'text', nullable: true }) overrideReason!: string | null;
  @Column({ name: 'override_by', type: 'uuid', nullable: true }) overrideBy!: string | null;
}
