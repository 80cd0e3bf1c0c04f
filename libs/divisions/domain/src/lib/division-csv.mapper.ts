import { Division, DivisionLevel, IN_FORCE_BEFORE_RECORDS } from './division.model';
import { parseSimpleCsv } from './simple-csv.parser';

const DIVISION_COLUMNS = ['code6', 'code12', 'name', 'level', 'parent_code6', 'parent_name'] as const;
const CHANGE_COLUMNS = ['old_code6', 'old_name', 'new_code6', 'changed_on'] as const;

// A Map, not an object literal: `LEVELS['constructor']` would find Object.prototype's.
const LEVELS: ReadonlyMap<string, DivisionLevel> = new Map([
  ['province', 'province'],
  ['prefecture', 'city'], // see DivisionLevel for why
  ['county', 'county'],
]);

/**
 * Builds the division list from the NBS division CSV (current divisions) and the change CSV (one
 * row per replaced code). A replaced division keeps its successor's parent and level, is in force
 * until `changed_on`, and its successor is in force from that day.
 */
export function divisionsFromCsv(divisionsCsv: string, changesCsv: string): Division[] {
  const current = new Map<string, Division>();
  const parentNames = new Map<string, string>();
  for (const row of parseSimpleCsv(divisionsCsv, DIVISION_COLUMNS, 'division CSV')) {
    const where = `division CSV, code ${row.code6}`;
    assert(/^\d{6}$/.test(row.code6), `${where}: code6 must be 6 digits`);
    assert(row.code12 === `${row.code6}000000`, `${where}: code12 must be code6 followed by 000000`);
    assert(row.name !== '', `${where}: empty name`);
    const level = LEVELS.get(row.level);
    assert(level !== undefined, `${where}: unknown level "${row.level}"`);
    assert(!current.has(row.code6), `${where}: duplicate code`);
    assert((level === 'province') === (row.parent_code6 === ''), `${where}: only the province has no parent`);
    current.set(row.code6, {
      code: row.code6,
      code12: row.code12,
      name: row.name,
      level,
      parentCode: row.parent_code6 === '' ? null : row.parent_code6,
      validFrom: IN_FORCE_BEFORE_RECORDS,
      validTo: null,
      successorCode: null,
    });
    parentNames.set(row.code6, row.parent_name);
  }
  for (const division of current.values()) {
    if (division.parentCode === null) continue;
    const parent = current.get(division.parentCode);
    assert(parent !== undefined, `division CSV, code ${division.code}: unknown parent ${division.parentCode}`);
    assert(
      parent.name === parentNames.get(division.code),
      `division CSV, code ${division.code}: parent_name "${parentNames.get(division.code)}" is not ${parent.name}`,
    );
  }

  const replaced: Division[] = [];
  for (const row of parseSimpleCsv(changesCsv, CHANGE_COLUMNS, 'division change CSV')) {
    const where = `division change CSV, code ${row.old_code6}`;
    assert(/^\d{6}$/.test(row.old_code6), `${where}: old_code6 must be 6 digits`);
    assert(!current.has(row.old_code6), `${where}: the old code is still current`);
    assert(!replaced.some((d) => d.code === row.old_code6), `${where}: duplicate old code`);
    assert(row.old_name !== '', `${where}: empty old_name`);
    assert(/^\d{4}-\d{2}-\d{2}$/.test(row.changed_on), `${where}: changed_on must be YYYY-MM-DD`);
    assert(row.changed_on > IN_FORCE_BEFORE_RECORDS, `${where}: changed_on precedes our records`);
    const successor = current.get(row.new_code6);
    // Only one-to-one renames are modelled: chains (A → B → C) and mergers need a richer format.
    assert(successor !== undefined, `${where}: successor ${row.new_code6} is not a current division`);
    assert(successor.validFrom === IN_FORCE_BEFORE_RECORDS, `${where}: ${row.new_code6} already has a predecessor`);
    successor.validFrom = row.changed_on;
    replaced.push({
      code: row.old_code6,
      code12: `${row.old_code6}000000`,
      name: row.old_name,
      level: successor.level,
      parentCode: successor.parentCode,
      validFrom: IN_FORCE_BEFORE_RECORDS,
      validTo: row.changed_on,
      successorCode: successor.code,
    });
  }

  return [...current.values(), ...replaced].sort((a, b) => a.code.localeCompare(b.code));
}

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
