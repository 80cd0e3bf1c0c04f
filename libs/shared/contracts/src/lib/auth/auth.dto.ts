import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsResidentIdNumber, IsUnifiedSocialCreditCode } from './identity-validators';
import { StaffRole } from './role';

export const PERSON_NAME_MIN_LENGTH = 2;
export const PERSON_NAME_MAX_LENGTH = 50;
export const ORGANISATION_NAME_MAX_LENGTH = 100;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
/** Mainland mobile numbers: 11 digits starting with 1[3-9]. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
export const CENTRE_CODE_PATTERN = /^\d{6}$/;

export class RegisterNaturalPersonRequest {
  @IsString() @MinLength(PERSON_NAME_MIN_LENGTH) @MaxLength(PERSON_NAME_MAX_LENGTH)
  name!: string;

  @IsString() @IsResidentIdNumber()
  idNumber!: string;

  @IsString() @Matches(MOBILE_PATTERN, { message: 'mobile must be an 11-digit mainland mobile number' })
  mobile!: string;

  @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class RegisterLegalPersonRequest {
  /** Registered name of the organisation. */
  @IsString() @MinLength(PERSON_NAME_MIN_LENGTH) @MaxLength(ORGANISATION_NAME_MAX_LENGTH)
  name!: string;

  @IsString() @IsUnifiedSocialCreditCode()
  uscc!: string;

  /** The person who operates the account on behalf of the organisation. */
  @IsString() @MinLength(PERSON_NAME_MIN_LENGTH) @MaxLength(PERSON_NAME_MAX_LENGTH)
  contactName!: string;

  @IsString() @Matches(MOBILE_PATTERN, { message: 'mobile must be an 11-digit mainland mobile number' })
  mobile!: string;

  @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class ApplicantLoginRequest {
  /** Resident ID number, unified social credit code or mobile number. */
  @IsString() @MinLength(11) @MaxLength(18)
  identifier!: string;

  @IsString() @MinLength(1) @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class StaffLoginRequest {
  @IsString() @Matches(CENTRE_CODE_PATTERN, { message: 'centreCode must be a 6-digit division code' })
  centreCode!: string;

  @IsString() @MinLength(2) @MaxLength(50)
  username!: string;

  @IsString() @MinLength(1) @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class CreateStaffRequest {
  @IsString() @Matches(/^[a-z][a-z0-9_.-]{1,49}$/, {
    message: 'username must be 2–50 lowercase letters, digits, ".", "_" or "-", starting with a letter',
  })
  username!: string;

  @IsString() @MinLength(PERSON_NAME_MIN_LENGTH) @MaxLength(PERSON_NAME_MAX_LENGTH)
  name!: string;

  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsEnum(StaffRole, { each: true })
  roles!: StaffRole[];

  @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @IsOptional() @IsString() @Matches(MOBILE_PATTERN, { message: 'mobile must be an 11-digit mainland mobile number' })
  mobile?: string;
}

export type ApplicantKind = 'natural_person' | 'legal_person';

export interface ApplicantProfile {
  id: string;
  kind: ApplicantKind;
  name: string;
  /** Masked: `510981********1234` for a resident ID; a USCC is public and shown whole. */
  identityNumberMasked: string;
  mobileMasked: string;
  contactName?: string;
  createdAt: string;
}

export interface StaffProfile {
  id: string;
  centreCode: string;
  username: string;
  name: string;
  roles: StaffRole[];
  active: boolean;
  createdAt: string;
}

export interface TokenResponse<P> {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the token expires. */
  expiresIn: number;
  profile: P;
}

export type ApplicantTokenResponse = TokenResponse<ApplicantProfile>;
export type StaffTokenResponse = TokenResponse<StaffProfile>;
