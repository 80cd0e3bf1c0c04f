// A path reference is the one way to bring csv.d.ts (a global declaration, not a module, so it
// cannot be imported) into every program that compiles this file: apps and other libraries then
// type the .csv imports without adding csv.d.ts to their own tsconfig.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../csv.d.ts" />
import changesCsv from '../../data/division-changes.csv';
import divisionsCsv from '../../data/sichuan-divisions.csv';
import { divisionsFromCsv } from './division-csv.mapper';
import { DivisionRegistry } from './division.registry';

/**
 * Sichuan's GB/T 2260 divisions: 205 current (NBS 2022/23 edition) and 4 replaced since 2011.
 * See data/README.md for sources and the dates of the changes.
 */
export const sichuanDivisions = new DivisionRegistry(divisionsFromCsv(divisionsCsv, changesCsv));
