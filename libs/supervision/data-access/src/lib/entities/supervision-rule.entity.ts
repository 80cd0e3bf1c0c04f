import type { SupervisionRule } from '@zhengwu/supervision/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One rule a centre publishes: an override of a province rule (same id) or an addition. */
@Entity({ name: 'supervision_rules' })
export class SupervisionRuleEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'supervision_rules_pkey' }) tenantId!: string;
  @PrimaryColumn({ name: 'rule_id', type: 'text', primaryKeyConstraintName: 'supervision_rules_pkey' }) ruleId!: string;
  @Column({ type: 'jsonb' }) definition!: SupervisionRule;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @Column({ name: 'updated_by_name', type: 'text', nullable: true }) updatedByName!: string | null;
}
