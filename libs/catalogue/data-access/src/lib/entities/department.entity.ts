import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A department (部门) that exercises items at a centre. */
@Entity({ name: 'departments' })
@Index('departments_tenant_code_key', ['tenantId', 'code'], { unique: true })
export class DepartmentEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'departments_pkey' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'departments_pkey' })
  id!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'integer', default: 0 })
  ordering!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
