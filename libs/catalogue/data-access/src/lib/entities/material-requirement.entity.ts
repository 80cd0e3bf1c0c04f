import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A material (材料) an item requires, with how many originals and copies. */
@Entity({ name: 'material_requirements' })
@Index('material_requirements_tenant_item_code_key', ['tenantId', 'itemId', 'code'], { unique: true })
export class MaterialRequirementEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'material_requirements_pkey' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'material_requirements_pkey' })
  id!: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'boolean' })
  required!: boolean;

  @Column({ name: 'original_count', type: 'smallint' })
  originalCount!: number;

  @Column({ name: 'copy_count', type: 'smallint' })
  copyCount!: number;

  /** 容缺受理 (the column avoids DEFERRABLE, a reserved word in SQL). */
  @Column({ name: 'deferral_allowed', type: 'boolean' })
  deferrable!: boolean;

  /** 告知承诺. */
  @Column({ name: 'commitment_allowed', type: 'boolean' })
  commitmentAllowed!: boolean;

  @Column({ name: 'sample_document_id', type: 'uuid', nullable: true })
  sampleDocumentId!: string | null;

  @Column({ type: 'integer' })
  ordering!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
