import type { ItemEntity } from '@zhengwu/catalogue/data-access';
import { lintProcedure, type ProcedureStep, type SlaLintResult } from '@zhengwu/catalogue/domain';

/** The SLA lint of steps against an item's current limits. */
export function lintAgainst(item: ItemEntity, steps: readonly ProcedureStep[]): SlaLintResult {
  return lintProcedure({
    caseType: item.caseType,
    promised: { value: item.promisedLimitValue, unit: item.promisedLimitUnit },
    legal: { value: item.legalLimitValue, unit: item.legalLimitUnit },
    steps: steps.map(({ code, name, post, limitWorkingDays }) => ({ code, name, post, limitWorkingDays })),
  });
}
