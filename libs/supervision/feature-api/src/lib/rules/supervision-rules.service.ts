import { Injectable } from '@nestjs/common';
import { SupervisionRuleRepository } from '@zhengwu/supervision/data-access';
import type { RuleDriftReportView as DriftReportView, SupervisionRulesView as RulesView } from '@zhengwu/shared/contracts';
import {
  driftReport,
  effectiveRules,
  type EffectiveRules,
  looseningsOf,
  PROVINCE_BASELINE_RULES,
  PROVINCE_CENTRE,
  ruleShapeProblems,
  type SupervisionRule,
} from '@zhengwu/supervision/domain';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { HostedTenants } from '@zhengwu/server/core/tenancy';
import type { StaffPrincipal } from '@zhengwu/server/core/tenancy';
import type { PutRuleRequest } from '../supervision.dto';
import { SupervisionError } from '../supervision-errors';

/**
 * The rules a centre runs: the province's, with the centre's tightenings and additions. The
 * province's rules are read in a unit of work of their own (they are the province's rows); in a
 * deployment that does not host the province, that is the baseline its migration seeded.
 */
@Injectable()
export class SupervisionRulesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly rules: SupervisionRuleRepository,
    private readonly hosted: HostedTenants,
  ) {}

  async provinceRules(): Promise<SupervisionRule[]> {
    const stored = await this.uow.run({ tenantId: PROVINCE_CENTRE }, () => this.rules.list(PROVINCE_CENTRE));
    return stored.length > 0 ? stored : [...PROVINCE_BASELINE_RULES];
  }

  /** The effective rules given the province's (loaded once per sweep). Call inside the centre's unit of work. */
  async effectiveWith(province: readonly SupervisionRule[], tenantId: string): Promise<EffectiveRules> {
    if (tenantId === PROVINCE_CENTRE) return { rules: [...province], loosenings: [] };
    return effectiveRules(province, await this.rules.list(tenantId));
  }

  async view(tenantId: string): Promise<RulesView> {
    const province = await this.provinceRules();
    if (tenantId === PROVINCE_CENTRE) {
      return { centreCode: tenantId, province, local: [], effective: province, loosenings: [] };
    }
    const local = await this.uow.run({ tenantId }, () => this.rules.list(tenantId));
    const { rules, loosenings } = effectiveRules(province, local);
    return { centreCode: tenantId, province, local, effective: rules, loosenings };
  }

  /**
   * Saves a centre's rule. At the province this edits the baseline itself; anywhere else an
   * override may only tighten the province rule, and a loosening is refused with the fields that
   * loosen (details), so the workbench can point at them.
   */
  async put(tenantId: string, ruleId: string, body: PutRuleRequest, staff: StaffPrincipal, now: Date): Promise<RulesView> {
    const rule: SupervisionRule = {
      id: ruleId,
      name: { zh: body.name.zh, en: body.name.en },
      scope: body.scope,
      trigger: body.trigger,
      level: body.level,
      notify: [...body.notify],
      enabled: body.enabled,
    };
    const problems = ruleShapeProblems(rule);
    if (problems.length > 0) throw SupervisionError.RULE_INVALID({ problems });
    if (tenantId !== PROVINCE_CENTRE) {
      const loosenings = looseningsOf(await this.provinceRules(), [rule]);
      if (loosenings.length > 0) throw SupervisionError.RULE_LOOSENS_PROVINCE_RULE({ loosenings });
    }
    await this.uow.run({ tenantId }, () => this.rules.upsert(tenantId, rule, { id: staff.id, name: staff.name }, now));
    return this.view(tenantId);
  }

  /** Removes a centre's override (the province rule applies again) or one of its own rules. */
  async remove(tenantId: string, ruleId: string): Promise<RulesView> {
    const province = await this.provinceRules();
    const removed = await this.uow.run({ tenantId }, () => this.rules.remove(tenantId, ruleId));
    if (!removed) {
      throw province.some((rule) => rule.id === ruleId) ? SupervisionError.PROVINCE_RULE_NOT_REMOVABLE() : SupervisionError.RULE_NOT_FOUND();
    }
    return this.view(tenantId);
  }

  /**
   * Each centre's deviations from the province rules, for the asking centre and the centres under
   * it that this deployment hosts (rules are public policy, not case data). Centres in other
   * deployments report theirs with the supervision roll-up.
   */
  async drift(tenantId: string): Promise<DriftReportView> {
    const province = await this.provinceRules();
    const prefix = divisionPrefix(tenantId);
    const centres = this.hosted
      .list()
      .filter((code) => code !== PROVINCE_CENTRE && code.startsWith(prefix))
      .sort();
    const withRules: Array<{ centreCode: string; rules: SupervisionRule[] }> = [];
    for (const centreCode of centres) {
      withRules.push({ centreCode, rules: await this.uow.run({ tenantId: centreCode }, () => this.rules.list(centreCode)) });
    }
    return { provinceCentre: PROVINCE_CENTRE, centres: driftReport(province, withRules).filter((c) => c.deviations.length > 0) };
  }
}

/** GB/T 2260: a province code ends in 0000, a city's in 00; the centres under it share the prefix. */
function divisionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}
