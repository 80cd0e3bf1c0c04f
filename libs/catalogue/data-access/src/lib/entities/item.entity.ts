import type { CaseType, CatalogueStatus, CrossRegionScope, ItemTypeCode, LimitUnit, OriginalsCheckPoint } from '@zhengwu/catalogue/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A service item (事项) with the GB/T 39046 fields that matter to applicants and the approval core. */
@Entity({ name: 'items' })
@Index('items_tenant_implementation_code_key', ['tenantId', 'implementationCode'], { unique: true })
@Index('items_tenant_status_name_idx', ['tenantId', 'status', 'name'])
@Index('items_tenant_department_idx', ['tenantId', 'departmentId'])
export class ItemEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'items_pkey' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'items_pkey' })
  id!: string;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId!: string;

  @Column({ type: 'text' })
  name!: string;

  /** 基本编码 (national). */
  @Column({ name: 'basic_code', type: 'text' })
  basicCode!: string;

  /** 实施编码 (national). */
  @Column({ name: 'implementation_code', type: 'text' })
  implementationCode!: string;

  @Column({ name: 'local_code', type: 'text', nullable: true })
  localCode!: string | null;

  @Column({ name: 'item_type', type: 'text' })
  itemType!: ItemTypeCode;

  @Column({ type: 'smallint' })
  level!: number;

  @Column({ name: 'case_type', type: 'text' })
  caseType!: CaseType;

  @Column({ name: 'legal_limit_value', type: 'integer' })
  legalLimitValue!: number;

  @Column({ name: 'legal_limit_unit', type: 'text' })
  legalLimitUnit!: LimitUnit;

  @Column({ name: 'promised_limit_value', type: 'integer' })
  promisedLimitValue!: number;

  @Column({ name: 'promised_limit_unit', type: 'text' })
  promisedLimitUnit!: LimitUnit;

  @Column({ name: 'cross_region_scope', type: 'text' })
  crossRegionScope!: CrossRegionScope;

  @Column({ name: 'service_objects', type: 'smallint', array: true })
  serviceObjects!: number[];

  @Column({ name: 'handling_forms', type: 'smallint', array: true })
  handlingForms!: number[];

  @Column({ name: 'online_applicable', type: 'boolean' })
  onlineApplicable!: boolean;

  @Column({ name: 'fully_online', type: 'boolean' })
  fullyOnline!: boolean;

  /** In fen; 0 for a free item. */
  @Column({ name: 'fee_fen', type: 'integer' })
  feeFen!: number;

  @Column({ name: 'fee_description', type: 'text', nullable: true })
  feeDescription!: string | null;

  @Column({ name: 'originals_check_required', type: 'boolean' })
  originalsCheckRequired!: boolean;

  @Column({ name: 'originals_check_point', type: 'text' })
  originalsCheckPoint!: OriginalsCheckPoint;

  @Column({ name: 'on_site_inspection', type: 'boolean' })
  onSiteInspection!: boolean;

  /** 受理条件. */
  @Column({ name: 'acceptance_conditions', type: 'text' })
  acceptanceConditions!: string;

  /** 设定依据. */
  @Column({ name: 'legal_basis', type: 'text' })
  legalBasis!: string;

  /** 办理地点和时间. */
  @Column({ name: 'where_and_when', type: 'text' })
  whereAndWhen!: string;

  @Column({ name: 'consultation_phone', type: 'text', nullable: true })
  consultationPhone!: string | null;

  @Column({ type: 'text' })
  status!: CatalogueStatus;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
