import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type { SupervisionRule } from '@zhengwu/supervision/domain';
import { SupervisionRuleEntity } from '../entities/supervision-rule.entity';

/** The rules one centre publishes (the province's are the baseline; see inheritance in the domain). */
@Injectable()
export class SupervisionRuleRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async list(tenantId: string): Promise<SupervisionRule[]> {
    const rows = await this.repo(tenantId).find({ where: { tenantId }, order: { ruleId: 'ASC' } });
    return rows.map((row) => row.definition);
  }

  async upsert(tenantId: string, rule: SupervisionRule, by: { id: string | null; name: string | null }, now: Date): Promise<void> {
    await this.uow.manager({ tenantId }).query(
      `INSERT INTO supervision_rules (tenant_id, rule_id, definition, updated_at, updated_by, updated_by_name)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, rule_id) DO UPDATE
         SET definition = EXCLUDED.definition, updated_at = EXCLUDED.updated_at,
             updated_by = EXCLUDED.updated_by, updated_by_name = EXCLUDED.updated_by_name`,
      [tenantId, rule.id, JSON.stringify(rule), now, by.id, by.name],
    );
  }

  async remove(tenantId: string, ruleId: string): Promise<boolean> {
    const result = await this.repo(tenantId).delete({ tenantId, ruleId });
    return (result.affected ?? 0) > 0;
  }

  private repo(tenantId: string) {
    return this.uow.manager({ tenantId }).getRepository(SupervisionRuleEntity);
  }
}
