import { Injectable } from '@nestjs/common';
import { ApplicantRepository, StaffRepository } from '@zhengwu/org/data-access';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type { Principal } from '@zhengwu/server/core/tenancy';
import type { ApplicantProfile, StaffProfile } from '@zhengwu/shared/contracts';
import { OrgError } from '../org-errors';
import { staffProfile } from '../staff/staff-profile';
import { applicantProfile } from './applicant-identity';

@Injectable()
export class CurrentProfileService {
  constructor(
    private readonly applicants: ApplicantRepository,
    private readonly staff: StaffRepository,
    private readonly uow: UnitOfWork,
  ) {}

  async of(principal: Principal): Promise<ApplicantProfile | StaffProfile> {
    if (principal.kind === 'applicant') {
      const applicant = await this.uow.run({ applicantId: principal.id }, () => this.applicants.findById(principal.id));
      if (!applicant) throw OrgError.PROFILE_NOT_FOUND();
      return applicantProfile(applicant);
    }
    const account = await this.uow.run({ tenantId: principal.tenantId }, () =>
      this.staff.findById(principal.tenantId, principal.id),
    );
    if (!account?.active) throw OrgError.PROFILE_NOT_FOUND();
    return staffProfile(account);
  }
}
