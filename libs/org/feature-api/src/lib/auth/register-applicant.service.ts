import { Injectable } from '@nestjs/common';
import { ApplicantEntity, ApplicantRepository } from '@zhengwu/org/data-access';
import { AccessTokenService, PasswordHasher } from '@zhengwu/server/core/auth';
import { PersonalDataProtector } from '@zhengwu/server/core/crypto';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type {
  ApplicantTokenResponse,
  RegisterLegalPersonRequest,
  RegisterNaturalPersonRequest,
} from '@zhengwu/shared/contracts';
import { v7 as uuidv7 } from 'uuid';
import { isUniqueViolation, OrgError } from '../org-errors';
import { IdentityIssuerCheck } from './identity-issuer.guard';
import { applicantProfile, sealIdentity } from './applicant-identity';

@Injectable()
export class RegisterApplicantService {
  constructor(
    private readonly applicants: ApplicantRepository,
    private readonly uow: UnitOfWork,
    private readonly protector: PersonalDataProtector,
    private readonly passwords: PasswordHasher,
    private readonly tokens: AccessTokenService,
    private readonly identityIssuer: IdentityIssuerCheck,
  ) {}

  naturalPerson(request: RegisterNaturalPersonRequest): Promise<ApplicantTokenResponse> {
    this.identityIssuer.assertHere();
    return this.register({
      kind: 'natural_person',
      name: request.name.trim(),
      identity: request.idNumber,
      mobile: request.mobile,
      contactName: null,
      password: request.password,
    });
  }

  legalPerson(request: RegisterLegalPersonRequest): Promise<ApplicantTokenResponse> {
    this.identityIssuer.assertHere();
    return this.register({
      kind: 'legal_person',
      name: request.name.trim(),
      identity: request.uscc,
      mobile: request.mobile,
      contactName: request.contactName.trim(),
      password: request.password,
    });
  }

  private async register(input: {
    kind: ApplicantEntity['kind'];
    name: string;
    identity: string;
    mobile: string;
    contactName: string | null;
    password: string;
  }): Promise<ApplicantTokenResponse> {
    const applicant: ApplicantEntity = {
      id: uuidv7(),
      kind: input.kind,
      name: input.name,
      ...sealIdentity(this.protector, input.kind, input.identity, input.mobile),
      contactName: input.contactName,
      passwordHash: await this.passwords.hash(input.password),
      failedLogins: 0,
      lockedUntil: null,
      createdAt: new Date(),
    };
    try {
      await this.uow.run({ applicantId: applicant.id }, () => this.applicants.insert(applicant));
    } catch (error) {
      if (isUniqueViolation(error, 'applicants_identity_hash_key')) {
        throw OrgError.APPLICANT_ALREADY_REGISTERED();
      }
      throw error;
    }
    const { token, expiresIn } = await this.tokens.issue(applicant.id, { kind: 'applicant', name: applicant.name, ak: applicant.kind, idm: applicant.identityMasked });
    return { accessToken: token, tokenType: 'Bearer', expiresIn, profile: applicantProfile(applicant) };
  }
}
