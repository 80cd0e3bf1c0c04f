import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One uploaded version of one material of an application; bytes live in the material store. */
@Entity({ name: 'application_materials' })
export class ApplicationMaterialEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'application_materials_pkey' }) tenantId!: string;
  @PrimaryColumn({ name: 'application_id', type: 'uuid', primaryKeyConstraintName: 'application_materials_pkey' }) applicationId!: string;
  @PrimaryColumn({ name: 'material_code', type: 'text', primaryKeyConstraintName: 'application_materials_pkey' }) materialCode!: string;
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'application_materials_pkey' }) version!: number;
  @Column({ name: 'applicant_id', type: 'uuid' }) applicantId!: string;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ name: 'size_bytes', type: 'bigint' }) sizeBytes!: string;
  @Column({ name: 'media_type', type: 'text' }) mediaType!: string;
  @Column({ name: 'file_name', type: 'text' }) fileName!: string;
  @Column({ name: 'uploaded_at', type: 'timestamptz' }) uploadedAt!: Date;
  @Column({ name: 'uploaded_by_kind', type: 'text' }) uploadedByKind!: 'applicant' | 'staff';
  @Column({ name: 'uploaded_by', type: 'text' }) uploadedBy!: string;
  /** 国办函〔2016〕108号: C uploaded by the applicant; B checked against the original by staff. */
  @Column({ name: 'trust_level', type: 'text', default: 'C' }) trustLevel!: 'A' | 'B' | 'C' | 'D';
}
