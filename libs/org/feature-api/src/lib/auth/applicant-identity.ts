import { ApplicantEntity } from '@zhengwu/org/data-access';
import { PersonalDataProtector } from '@zhengwu/server/core/crypto';
import type { ApplicantProfile } from '@zhengwu/shared/contracts';
import {
  maskMobile,
  maskResidentIdNumber,
  normaliseResidentIdNumber,
  normaliseUscc,
  residentIdNumberProblem,
  usccProblem,
} from '@zhengwu/shared/util';

/** Hash purposes keep identity numbers and mobiles in separate hash spaces. */
const IDENTITY = 'applicant-identity';
const MOBILE = 'applicant-mobile';

export function identityLookupHash(protector: PersonalDataProtector, normalisedIdentity: string): string {
  return protector.lookupHash(IDENTITY, normalisedIdentity);
}

export function mobileLookupHash(protector: PersonalDataProtector, mobile: string): string {
  return protector.lookupHash(MOBILE, mobile);
}

/**
 * What a login identifier is: an 18-character resident ID number or unified social credit code,
 * or an 11-digit mobile. Returns the lookup hash to search by, or undefined for anything else.
 */
export function loginLookupHash(protector: PersonalDataProtector, identifier: string): string | undefined {
  const trimmed = identifier.trim();
  if (/^1[3-9]\d{9}$/.test(trimmed)) {
    return mobileLookupHash(protector, trimmed);
  }
  const asId = normaliseResidentIdNumber(trimmed);
  if (residentIdNumberProblem(asId) === null) {
    return identityLookupHash(protector, asId);
  }
  const asUscc = normaliseUscc(trimmed);
  if (usccProblem(asUscc) === null) {
    return identityLookupHash(protector, asUscc);
  }
  return undefined;
}

export function sealIdentity(
  protector: PersonalDataProtector,
  kind: ApplicantEntity['kind'],
  rawIdentity: string,
  mobile: string,
): Pick<ApplicantEntity, 'identityHash' | 'identitySealed' | 'identityMasked' | 'mobileHash' | 'mobileSealed' | 'mobileMasked'> {
  const identity = kind === 'natural_person' ? normaliseResidentIdNumber(rawIdentity) : normaliseUscc(rawIdentity);
  return {
    identityHash: identityLookupHash(protector, identity),
    identitySealed: protector.encrypt(identity),
    // A USCC is printed on every business licence; a resident ID number is personal data.
    identityMasked: kind === 'natural_person' ? maskResidentIdNumber(identity) : identity,
    mobileHash: mobileLookupHash(protector, mobile),
    mobileSealed: protector.encrypt(mobile),
    mobileMasked: maskMobile(mobile),
  };
}

export function applicantProfile(applicant: ApplicantEntity): ApplicantProfile {
  return {
    id: applicant.id,
    kind: applicant.kind,
    name: applicant.name,
    identityNumberMasked: applicant.identityMasked,
    mobileMasked: applicant.mobileMasked,
    ...(applicant.contactName ? { contactName: applicant.contactName } : {}),
    createdAt: applicant.createdAt.toISOString(),
  };
}
