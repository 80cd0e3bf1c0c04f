import type { CatalogueStatus } from '@zhengwu/catalogue/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One version of an item's procedure. Applications pin a version, so versions are never deleted;
 * a published version never changes again except to be retired (a trigger enforces it).
 */
@Entity({ name: 'procedure_versions' })
@Index('procedure_versions_tenant_item_version_key', ['tenantId', 'itemId', 'version'], { unique: true })
export class ProcedureVersionEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'procedure_versions_pkey' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'procedure_versions_pkey' })
  id!: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  status!: CatalogueStatus;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy!: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;
}
