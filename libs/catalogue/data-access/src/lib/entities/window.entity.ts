import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A service window (窗口) in the hall; without a department it is a comprehensive window. */
@Entity({ name: 'windows' })
@Index('windows_tenant_code_key', ['tenantId', 'code'], { unique: true })
export class WindowEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'windows_pkey' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'windows_pkey' })
  id!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  @Column({ type: 'text' })
  location!: string;

  @Column({ name: 'service_hours', type: 'text' })
  serviceHours!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
