import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ApplicantRepository, StaffRepository } from '@zhengwu/org/data-access';
import { AppConfig } from '@zhengwu/server/core/config';
import { PersonalDataProtector } from '@zhengwu/server/core/crypto';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { HostedTenants, RequestContext } from '@zhengwu/server/core/tenancy';
import { normaliseResidentIdNumber, normaliseUscc } from '@zhengwu/shared/util';
import { DomainError } from '@zhengwu/server/core/errors';
import { identityLookupHash } from '../auth/applicant-identity';
import { OrgError } from '../org-errors';
import { IdentityIssuerCheck } from '../auth/identity-issuer.guard';
import { RegisterApplicantService } from '../auth/register-applicant.service';
import { ManageStaffService } from '../staff/manage-staff.service';
import { DEMO_APPLICANT, DEMO_CENTRES, DEMO_COMPANY, DEMO_PASSWORD, DEMO_STAFF } from './demo-accounts';

/**
 * Creates the demo accounts through the same use cases a real centre admin and applicant use,
 * skipping any that exist, so restarting `npm start` never duplicates anything.
 */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly config: AppConfig,
    private readonly hosted: HostedTenants,
    private readonly context: RequestContext,
    private readonly uow: UnitOfWork,
    private readonly staff: StaffRepository,
    private readonly applicants: ApplicantRepository,
    private readonly protector: PersonalDataProtector,
    private readonly manageStaff: ManageStaffService,
    private readonly registration: RegisterApplicantService,
    private readonly identityIssuer: IdentityIssuerCheck,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.SEED_DEMO) {
      await this.context.runDetached(() => this.seed());
    }
  }

  async seed(): Promise<void> {
    let created = 0;
    for (const centre of DEMO_CENTRES.filter((code) => this.hosted.has(code))) {
      for (const account of DEMO_STAFF) {
        const existing = await this.uow.run({ tenantId: centre }, () => this.staff.findByUsername(centre, account.username));
        if (!existing && (await this.tolerateConcurrentSeed(() => this.manageStaff.create(centre, { ...account, password: DEMO_PASSWORD })))) {
          created++;
        }
      }
    }
    // Applicant accounts are seeded only where they live (the identity issuer).
    if (!this.identityIssuer.isHere()) {
      this.logger.log(`Demo staff ready (${created} created); applicant accounts live at the identity issuer`);
      return;
    }
    if (
      !(await this.applicantExists(normaliseResidentIdNumber(DEMO_APPLICANT.idNumber))) &&
      (await this.tolerateConcurrentSeed(() => this.registration.naturalPerson({ ...DEMO_APPLICANT, password: DEMO_PASSWORD })))
    ) {
      created++;
    }
    if (
      !(await this.applicantExists(normaliseUscc(DEMO_COMPANY.uscc))) &&
      (await this.tolerateConcurrentSeed(() => this.registration.legalPerson({ ...DEMO_COMPANY, password: DEMO_PASSWORD })))
    ) {
      created++;
    }
    this.logger.log(`Demo accounts ready (${created} created)`);
  }

  /** Another replica (or test) may seed at the same moment; its account is as good as ours. */
  private async tolerateConcurrentSeed(create: () => Promise<unknown>): Promise<boolean> {
    try {
      await create();
      return true;
    } catch (error) {
      if (error instanceof DomainError && [OrgError.STAFF_USERNAME_TAKEN.code, OrgError.APPLICANT_ALREADY_REGISTERED.code].includes(error.code)) {
        return false;
      }
      throw error;
    }
  }

  private async applicantExists(identity: string): Promise<boolean> {
    const lookup = identityLookupHash(this.protector, identity);
    const found = await this.uow.run({ applicantLookup: lookup }, () => this.applicants.findByLookup(lookup));
    return found.length > 0;
  }
}
