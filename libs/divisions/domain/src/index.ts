export { type Division, type DivisionLevel, IN_FORCE_BEFORE_RECORDS } from './lib/division.model';
export { divisionsFromCsv } from './lib/division-csv.mapper';
export { DivisionRegistry } from './lib/division.registry';
export { HostedSelectorError } from './lib/hosted-selector.error';
export { sichuanDivisions } from './lib/sichuan-divisions';
