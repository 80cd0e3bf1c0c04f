import { calendarDateInChina } from '@zhengwu/shared/util';
import { Division, DivisionLevel } from './division.model';
import { HostedSelectorError } from './hosted-selector.error';

const DIVISION_CODE = /^\d{6}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LEVEL_SELECTORS: ReadonlyMap<string, DivisionLevel> = new Map([
  ['level:province', 'province'],
  ['level:city', 'city'],
  ['level:county', 'county'],
]);
const SELECTOR_SYNTAX =
  'expected a 6-digit division code, "all", "level:province", "level:city", "level:county" or "under:<code>"';

/**
 * The GB/T 2260 divisions one deployment knows, current and replaced, with the navigation the
 * platform needs: which division a stored code means on a given day, the tree, and which centres
 * a deployment hosts. Dates are `YYYY-MM-DD` in China; a division is in force on days from
 * `validFrom` (inclusive) to `validTo` (exclusive).
 */
export class DivisionRegistry {
  private readonly byCode: ReadonlyMap<string, Division>;
  private readonly currentChildren: ReadonlyMap<string, readonly Division[]>;

  constructor(divisions: readonly Division[]) {
    const byCode = new Map<string, Division>();
    for (const division of [...divisions].sort((a, b) => a.code.localeCompare(b.code))) {
      if (byCode.has(division.code)) throw new Error(`Duplicate division code ${division.code}`);
      // Frozen copies: every caller shares these objects, none may change them for the others.
      byCode.set(division.code, Object.freeze({ ...division }));
    }
    const currentChildren = new Map<string, Division[]>();
    for (const division of byCode.values()) {
      if (division.parentCode !== null && !byCode.has(division.parentCode)) {
        throw new Error(`Division ${division.code} has unknown parent ${division.parentCode}`);
      }
      if ((division.validTo === null) !== (division.successorCode === null)) {
        throw new Error(`Division ${division.code} must have both validTo and successorCode, or neither`);
      }
      if (division.parentCode !== null && division.validTo === null) {
        const siblings = currentChildren.get(division.parentCode) ?? [];
        currentChildren.set(division.parentCode, [...siblings, division]);
      }
    }
    this.byCode = byCode;
    this.currentChildren = currentChildren;
    // Every successor chain must end in a current division (this also rules out cycles).
    for (const division of byCode.values()) this.currentSuccessorOf(division);
  }

  /** Every division, current and replaced, ordered by code. */
  all(): Division[] {
    return [...this.byCode.values()];
  }

  /** The divisions that have not been replaced (validTo null), ordered by code. */
  current(): Division[] {
    return this.all().filter((division) => division.validTo === null);
  }

  /** The division with this exact code, whether current or replaced. */
  find(code: string): Division | undefined {
    return this.byCode.get(code);
  }

  /** Whether the value has the form of a GB/T 2260 code (6 digits); says nothing about existence. */
  isValidCode(code: string): boolean {
    return DIVISION_CODE.test(code);
  }

  /**
   * The division a code stands for on a day: the division itself if it was in force then,
   * otherwise its successor (followed as far as needed) in force on that day. Undefined for an
   * unknown code or a day on which neither the division nor a successor was in force yet.
   */
  resolve(code: string, on: string = calendarDateInChina()): Division | undefined {
    if (!ISO_DATE.test(on)) throw new RangeError(`resolve: "${on}" is not a YYYY-MM-DD date`);
    let division = this.find(code);
    while (division !== undefined) {
      if (on < division.validFrom) return undefined;
      if (division.validTo === null || on < division.validTo) return division;
      division = this.find(division.successorCode ?? '');
    }
    return undefined;
  }

  /** The parent division, or undefined for the province. Throws for an unknown code. */
  parentOf(code: string): Division | undefined {
    const { parentCode } = this.require(code);
    return parentCode === null ? undefined : this.require(parentCode);
  }

  /** The current divisions directly beneath this one, ordered by code. Throws for an unknown code. */
  children(code: string): Division[] {
    this.require(code);
    return [...(this.currentChildren.get(code) ?? [])];
  }

  /** Parent, grandparent, … up to the province. Throws for an unknown code. */
  ancestors(code: string): Division[] {
    const ancestors: Division[] = [];
    for (let parent = this.parentOf(code); parent !== undefined; parent = this.parentOf(parent.code)) {
      ancestors.push(parent);
    }
    return ancestors;
  }

  /**
   * The codes a deployment hosts, from a HOSTED_TENANTS value: comma-separated entries, each a
   * current 6-digit code, `all`, `level:province|city|county`, or `under:<code>` (that division
   * and every current division beneath it). Sorted and unique. Throws a {@link HostedSelectorError}
   * naming the first entry that is empty, unknown, malformed or a replaced division.
   */
  selectHosted(selector: string): string[] {
    const tokens = selector.split(',').map((token) => token.trim());
    if (tokens.every((token) => token === '')) {
      throw new HostedSelectorError(selector, `The hosted-tenant selector is empty; ${SELECTOR_SYNTAX}`);
    }
    const codes = new Set<string>();
    for (const token of tokens) {
      for (const division of this.selectEntry(token)) codes.add(division.code);
    }
    return [...codes].sort();
  }

  private selectEntry(token: string): Division[] {
    if (token === '') {
      throw new HostedSelectorError(token, 'Empty entry in the hosted-tenant selector (a stray comma?)');
    }
    if (token === 'all') return this.current();
    const level = LEVEL_SELECTORS.get(token);
    if (level !== undefined) return this.current().filter((division) => division.level === level);
    if (token.startsWith('under:')) {
      const root = this.hostable(token.slice('under:'.length).trim(), token);
      return [root, ...this.currentDescendants(root.code)];
    }
    if (DIVISION_CODE.test(token)) return [this.hostable(token, token)];
    throw new HostedSelectorError(token, `Unknown hosted-tenant selector "${token}"; ${SELECTOR_SYNTAX}`);
  }

  private hostable(code: string, token: string): Division {
    if (!DIVISION_CODE.test(code)) {
      throw new HostedSelectorError(token, `"${token}": "${code}" is not a 6-digit division code`);
    }
    const division = this.find(code);
    if (division === undefined) {
      throw new HostedSelectorError(token, `"${token}": unknown division code ${code}`);
    }
    if (division.validTo !== null) {
      const successor = this.currentSuccessorOf(division);
      throw new HostedSelectorError(
        token,
        `"${token}": ${division.code} ${division.name} was replaced by ${successor.code} ${successor.name} ` +
          `on ${division.validTo} and cannot be hosted; use ${successor.code}`,
      );
    }
    return division;
  }

  private currentDescendants(code: string): Division[] {
    return this.children(code).flatMap((child) => [child, ...this.currentDescendants(child.code)]);
  }

  private currentSuccessorOf(division: Division): Division {
    const seen = new Set<string>();
    let current = division;
    while (current.successorCode !== null) {
      if (seen.has(current.code)) throw new Error(`Division ${division.code}: successor cycle`);
      seen.add(current.code);
      const next = this.find(current.successorCode);
      if (next === undefined) {
        throw new Error(`Division ${current.code} has unknown successor ${current.successorCode}`);
      }
      current = next;
    }
    return current;
  }

  private require(code: string): Division {
    const division = this.find(code);
    if (division === undefined) throw new RangeError(`Unknown division code "${code}"`);
    return division;
  }
}
