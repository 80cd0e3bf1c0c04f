import type { CentreSummary, DivisionLevel } from '@zhengwu/shared/contracts';

export interface CentreNode {
  centre: CentreSummary;
  children: CentreNode[];
}

export interface CentreMatch {
  centre: CentreSummary;
  /** Ancestors from the top (province first), without the centre itself. */
  ancestors: CentreSummary[];
}

const LEVEL_ORDER: Record<DivisionLevel, number> = { province: 0, city: 1, county: 2 };

const byLevelThenCode = (a: CentreSummary, b: CentreSummary): number =>
  LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code);

/** Province → city → county tree, ordered by code. A centre whose parent is not listed is a root. */
export function buildCentreTree(centres: readonly CentreSummary[]): CentreNode[] {
  const nodes = new Map(centres.map((centre) => [centre.code, { centre, children: [] as CentreNode[] }]));
  const roots: CentreNode[] = [];
  for (const node of [...nodes.values()].sort((a, b) => byLevelThenCode(a.centre, b.centre))) {
    const parent = node.centre.parentCode ? nodes.get(node.centre.parentCode) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/**
 * Full-width digits and letters (typed with a Chinese input method) become ASCII, spaces go,
 * Latin letters are lower-cased.
 */
export function normaliseCentreQuery(query: string): string {
  return query
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();
}

/**
 * Centres whose code starts with the query or whose name contains it: `5109` finds Suining and its
 * counties, `射洪` finds Shehong. An exact code comes first, then by level and code.
 */
export function searchCentres(centres: readonly CentreSummary[], query: string, limit = Infinity): CentreMatch[] {
  const needle = normaliseCentreQuery(query);
  if (!needle) return [];
  const byCode = new Map(centres.map((centre) => [centre.code, centre]));
  return centres
    .filter((centre) => centre.code.startsWith(needle) || centre.name.toLowerCase().includes(needle))
    .sort((a, b) => Number(b.code === needle) - Number(a.code === needle) || byLevelThenCode(a, b))
    .slice(0, limit)
    .map((centre) => ({ centre, ancestors: ancestorsOf(centre, byCode) }));
}

/** The centre meant by typed text: an exact code, or a name only one centre has. */
export function findCentre(centres: readonly CentreSummary[], text: string): CentreSummary | null {
  const needle = normaliseCentreQuery(text);
  if (!needle) return null;
  const byCode = centres.find((centre) => centre.code === needle);
  if (byCode) return byCode;
  const byName = centres.filter((centre) => normaliseCentreQuery(centre.name) === needle);
  return byName.length === 1 ? byName[0] : null;
}

function ancestorsOf(centre: CentreSummary, byCode: Map<string, CentreSummary>): CentreSummary[] {
  const ancestors: CentreSummary[] = [];
  const seen = new Set([centre.code]);
  let parent = centre.parentCode ? byCode.get(centre.parentCode) : undefined;
  while (parent && !seen.has(parent.code)) {
    ancestors.unshift(parent);
    seen.add(parent.code);
    parent = parent.parentCode ? byCode.get(parent.parentCode) : undefined;
  }
  return ancestors;
}
