import type { CentreSummary } from '@zhengwu/shared/contracts';

/**
 * A centre and the centres above it, nearest first (射洪市 → 遂宁市 → 四川省): where an applicant
 * living there finds the items they may apply for, since county, city and province centres each
 * have their own catalogue. Unknown codes give an empty chain; a cycle in bad data stops.
 */
export function centreChain(centres: readonly CentreSummary[], code: string): CentreSummary[] {
  const byCode = new Map(centres.map((centre) => [centre.code, centre]));
  const chain: CentreSummary[] = [];
  let current = byCode.get(code);
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = current.parentCode ? byCode.get(current.parentCode) : undefined;
  }
  return chain;
}
