import type { SampleDocumentMediaType } from '@zhengwu/catalogue/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A sample document (示范文本). The bytes live in the row: they are small (≤ 5 MB) and few. */
@Entity({ name: 'sample_documents' })
@Index('sample_documents_tenant_sha256_key', ['tenantId', 'sha256'], { unique: true })
export class SampleDocumentEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'sample_documents_pkey' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'sample_documents_pkey' })
  id!: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ name: 'media_type', type: 'text' })
  mediaType!: SampleDocumentMediaType;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  @Column({ type: 'text' })
  sha256!: string;

  /** Loaded only by the download (`select: false` keeps it out of every listing). */
  @Column({ type: 'bytea', select: false })
  content?: Buffer;

  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedBy!: string | null;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;
}
