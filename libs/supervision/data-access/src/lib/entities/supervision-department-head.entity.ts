import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A staff member who heads a department at a centre: alerts naming `department_head` reach them. */
@Entity({ name: 'supervision_department_heads' })
export class SupervisionDepartmentHeadEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'supervision_department_heads_pkey' }) tenantId!: string;
  @PrimaryColumn({ name: 'department_id', type: 'uuid', primaryKeyConstraintName: 'supervision_department_heads_pkey' }) departmentId!: string;
  @PrimaryColumn({ name: 'staff_id', type: 'uuid', primaryKeyConstraintName: 'supervision_department_heads_pkey' }) staffId!: string;
  @Column({ name: 'assigned_at', type: 'timestamptz' }) assignedAt!: Date;
  @Column({ name: 'assigned_by', type: 'uuid', nullable: true }) assignedBy!: string | null;
}
