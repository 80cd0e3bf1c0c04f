import { Module } from '@nestjs/common';
import { OrgDataAccessModule } from '@zhengwu/org/data-access';
import { ApplicantLoginService } from './auth/applicant-login.service';
import { IdentityIssuerCheck } from './auth/identity-issuer.guard';
import { AuthController } from './auth/auth.controller';
import { CurrentProfileService } from './auth/current-profile.service';
import { RegisterApplicantService } from './auth/register-applicant.service';
import { StaffLoginService } from './auth/staff-login.service';
import { CentresController } from './centres/centres.controller';
import { ListCentresService } from './centres/list-centres.service';
import { ResolveDivisionService } from './centres/resolve-division.service';
import { DemoSeedService } from './seed/demo-seed.service';
import { ManageStaffService } from './staff/manage-staff.service';
import { StaffController } from './staff/staff.controller';

/** Scope org: centres and divisions, applicant and staff identity. */
@Module({
  imports: [OrgDataAccessModule],
  controllers: [CentresController, AuthController, StaffController],
  providers: [
    ListCentresService,
    ResolveDivisionService,
    RegisterApplicantService,
    ApplicantLoginService,
    StaffLoginService,
    CurrentProfileService,
    ManageStaffService,
    DemoSeedService,
    IdentityIssuerCheck,
  ],
})
export class OrgFeatureModule {}
