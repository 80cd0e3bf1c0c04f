import type { StepPost } from '@zhengwu/catalogue/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'procedure_steps' })
@Index('procedure_steps_tenant_version_code_key', ['tenantId', 'versionId', 'code'], { unique: true })
export class ProcedureStepEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'procedure_steps_pkey' })
  tenantId!: string;

  @PrimaryColumn({ name: 'version_id', type: 'uuid', primaryKeyConstraintName: 'procedure_steps_pkey' })
  versionId!: string;

  /** 1-based order of the step. */
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'procedure_steps_pkey' })
  position!: number;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  post!: StepPost;

  @Column({ name: 'limit_working_days', type: 'integer' })
  limitWorkingDays!: number;
}
