import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessTokenService, CurrentPrincipal, Public, RequirePermission } from '@zhengwu/server/core/auth';
import type { Principal } from '@zhengwu/server/core/tenancy';
import {
  ApplicantLoginRequest,
  Permission,
  RegisterLegalPersonRequest,
  RegisterNaturalPersonRequest,
  StaffLoginRequest,
} from '@zhengwu/shared/contracts';
import { ApplicantLoginService } from './applicant-login.service';
import { CurrentProfileService } from './current-profile.service';
import { RegisterApplicantService } from './register-applicant.service';
import { StaffLoginService } from './staff-login.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly registration: RegisterApplicantService,
    private readonly applicantLogin: ApplicantLoginService,
    private readonly staffLogin: StaffLoginService,
    private readonly profiles: CurrentProfileService,
    private readonly tokens: AccessTokenService,
  ) {}

  @Post('applicants/register/natural-person')
  @Public('self-registration of applicants')
  @ApiOperation({ summary: 'Register a natural person (resident ID number checked)' })
  registerNaturalPerson(@Body() body: RegisterNaturalPersonRequest) {
    return this.registration.naturalPerson(body);
  }

  @Post('applicants/register/legal-person')
  @Public('self-registration of applicants')
  @ApiOperation({ summary: 'Register a legal person (unified social credit code checked)' })
  registerLegalPerson(@Body() body: RegisterLegalPersonRequest) {
    return this.registration.legalPerson(body);
  }

  @Post('applicants/login')
  @HttpCode(HttpStatus.OK)
  @Public('login')
  @ApiOperation({ summary: 'Applicant login by resident ID number, USCC or mobile' })
  loginApplicant(@Body() body: ApplicantLoginRequest) {
    return this.applicantLogin.login(body);
  }

  @Post('staff/login')
  @HttpCode(HttpStatus.OK)
  @Public('login')
  @ApiOperation({ summary: 'Staff login at a centre' })
  loginStaff(@Body() body: StaffLoginRequest) {
    return this.staffLogin.login(body);
  }

  @Get('me')
  @RequirePermission(Permission.ProfileRead)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in applicant or staff member' })
  me(@CurrentPrincipal() principal: Principal) {
    return this.profiles.of(principal);
  }

  @Get('jwks')
  @Public('public keys that verify this deployment’s access tokens')
  @ApiOperation({ summary: 'JSON Web Key Set of the access-token signing keys' })
  async jwks() {
    return { keys: [await this.tokens.publicJwk()] };
  }
}
