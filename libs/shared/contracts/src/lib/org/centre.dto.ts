/** Administrative level; the NBS "prefecture" level (地级: cities and autonomous prefectures) is called city. */
export type DivisionLevel = 'province' | 'city' | 'county';

export interface CentreSummary {
  /** GB/T 2260 code of the centre's division; also the tenant id. */
  code: string;
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
}

export interface DivisionView {
  code: string;
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
  /** Set when this code was replaced; follow it to the current division. */
  successorCode: string | null;
  /** The division in force today that this code resolves to (itself when still valid). */
  current: { code: string; name: string; level: DivisionLevel; parentCode: string | null };
}
