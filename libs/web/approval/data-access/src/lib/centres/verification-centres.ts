import type { CentreSummary } from '@zhengwu/shared/contracts';

/** Why a centre is offered for the originals check (原件核验). */
export type VerificationCentreReason = 'home' | 'nearby' | 'city' | 'handling';

export interface VerificationCentreOption {
  centre: CentreSummary;
  reason: VerificationCentreReason;
}

export interface VerificationCentreChoices {
  /** What the server picks when the applicant does not choose. */
  defaultCode: string;
  /** The default first, then the centres near it. */
  options: VerificationCentreOption[];
}

/**
 * The division code inside an identity number, as the server reads it: digits 1–6 of a resident ID
 * number, characters 3–8 of a USCC. Null when they are not six digits (a masked or foreign number).
 */
export function homeDivisionOf(identityNumber: string, kind: 'natural_person' | 'legal_person'): string | null {
  const division = kind === 'natural_person' ? identityNumber.slice(0, 6) : identityNumber.slice(2, 8);
  return /^\d{6}$/.test(division) ? division : null;
}

/**
 * 就地就近: where the applicant may show the paper originals. The server's default is the county
 * centre of the applicant's home division (falling back to the handling centre); next to it the
 * other counties of the same city and the city centre itself, then the handling centre. Without a
 * home county, the centres around the handling centre are offered instead.
 */
export function verificationCentreChoices(
  centres: readonly CentreSummary[],
  homeDivision: string | null,
  handlingCentre: string,
): VerificationCentreChoices {
  const byCode = new Map(centres.map((centre) => [centre.code, centre]));
  const home = homeDivision ? byCode.get(homeDivision) : undefined;
  const handling = byCode.get(handlingCentre);
  const anchor = home?.level === 'county' ? home : undefined;
  const options: VerificationCentreOption[] = [];
  const seen = new Set<string>();
  const add = (centre: CentreSummary | undefined, reason: VerificationCentreReason) => {
    if (!centre || seen.has(centre.code)) return;
    seen.add(centre.code);
    options.push({ centre, reason });
  };
  const byCodeOrder = (a: CentreSummary, b: CentreSummary) => a.code.localeCompare(b.code);

  if (anchor) {
    add(anchor, 'home');
    const city = anchor.parentCode ? byCode.get(anchor.parentCode) : undefined;
    centres.filter((c) => c.parentCode === anchor.parentCode && c.level === 'county').sort(byCodeOrder).forEach((c) => add(c, 'nearby'));
    add(city, 'city');
    add(handling, 'handling');
    return { defaultCode: anchor.code, options };
  }

  add(handling, 'handling');
  if (handling?.level === 'county') {
    centres.filter((c) => c.parentCode === handling.parentCode && c.level === 'county').sort(byCodeOrder).forEach((c) => add(c, 'nearby'));
    add(handling.parentCode ? byCode.get(handling.parentCode) : undefined, 'city');
  } else if (handling?.level === 'city') {
    centres.filter((c) => c.parentCode === handling.code).sort(byCodeOrder).forEach((c) => add(c, 'nearby'));
  }
  return { defaultCode: handlingCentre, options };
}
