import { sichuanDivisions } from '@zhengwu/divisions/domain';

/**
 * 就地就近: by default the originals are checked at the centre of the applicant's own county, taken
 * from the division code inside their identity number (resident ID: digits 1–6; USCC: 3–8), resolved
 * to today's code (510922 → 510981). Falls back to the handling centre when that is not a county of
 * the directory (e.g. an applicant from another province).
 */
export function defaultVerificationCentre(identityMasked: string, kind: 'natural_person' | 'legal_person', handlingCentre: string): string {
  const division = kind === 'natural_person' ? identityMasked.slice(0, 6) : identityMasked.slice(2, 8);
  const current = /^\d{6}$/.test(division) ? sichuanDivisions.resolve(division) : undefined;
  return current && current.level === 'county' ? current.code : handlingCentre;
}

export function isCurrentCentre(code: string): boolean {
  const division = sichuanDivisions.find(code);
  return division !== undefined && division.validTo === null;
}
