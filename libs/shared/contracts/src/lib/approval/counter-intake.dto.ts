import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CENTRE_CODE_PATTERN, MOBILE_PATTERN, ORGANISATION_NAME_MAX_LENGTH, PERSON_NAME_MIN_LENGTH } from '../auth/auth.dto';
import { IsIdentityNumberOfKind } from '../auth/identity-validators';
import type { ApplicantIdentitySummary, MaterialAttestation } from '../routing/verification.messages';
import { MaterialCheckDto } from './originals.dto';

/** The walk-in applicant as the clerk read them from the ID card (or the business licence). */
export class CounterApplicantInput {
  @IsIn(['natural_person', 'legal_person'])
  kind!: 'natural_person' | 'legal_person';

  @IsString() @MinLength(PERSON_NAME_MIN_LENGTH) @MaxLength(ORGANISATION_NAME_MAX_LENGTH)
  name!: string;

  /** Resident ID number (natural person) or unified social credit code (legal person), check digit verified. */
  @IsString() @IsIdentityNumberOfKind()
  identityNumber!: string;

  @IsString() @Matches(MOBILE_PATTERN, { message: 'mobile must be an 11-digit mainland mobile number' })
  mobile!: string;
}

/** A window clerk starts an intake for an item of this centre or of any other (窗口代收). */
export class CreateCounterIntakeRequest {
  /** The centre that handles the item (its own catalogue); may be this centre. */
  @Matches(CENTRE_CODE_PATTERN)
  itemCentre!: string;

  @IsUUID()
  itemId!: string;

  /** As the item's centre publishes it; checked against the catalogue when that centre is hosted here. */
  @IsString() @MinLength(1) @MaxLength(200)
  itemName!: string;

  @ValidateNested() @Type(() => CounterApplicantInput)
  applicant!: CounterApplicantInput;

  @IsOptional() @IsObject()
  formData?: Record<string, unknown>;

  @IsOptional() @IsIn(['window', 'post'])
  deliveryMode?: 'window' | 'post';
}

/** The on-the-spot originals check per scanned material. */
export class CounterOriginalsCheck extends MaterialCheckDto {}

/** The clerk checked the ID and (where the item needs it) the originals, and sends the intake on. */
export class ForwardCounterIntakeRequest {
  @IsBoolean()
  identityChecked!: boolean;

  @IsOptional() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => CounterOriginalsCheck)
  originals?: CounterOriginalsCheck[];
}

/** Optional fields the clerk gives with a scan (name and counts as the item's guide states them). */
export class CounterIntakeMaterialQuery {
  @IsOptional() @IsString() @MaxLength(200)
  name?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(20)
  originalCount?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(20)
  copyCount?: number;
}

export class CounterIntakeListQuery {
  @IsOptional() @IsIn(['drafting', 'forwarded', 'reported'])
  status?: CounterIntakeStatus;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  page = 1;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  pageSize = 20;
}

/** drafting: scans being taken; forwarded: sent, no report yet; reported: the handling centre answered. */
export type CounterIntakeStatus = 'drafting' | 'forwarded' | 'reported';

export interface CounterIntakeMaterialView {
  code: string;
  name: string;
  version: number;
  sha256: string;
  mediaType: string;
  sizeBytes: number;
  fileName: string;
  originalCount: number;
  copyCount: number;
  uploadedAt: string;
}

export interface CounterIntakeReportView {
  /** The handling centre's status code (DOMAIN.md status codes). */
  status: number;
  caseNumber: string | null;
  resultType: string | null;
  note: string | null;
  at: string;
}

export interface CounterIntakeView {
  id: string;
  centreCode: string;
  itemCentre: string;
  itemId: string;
  itemName: string;
  applicant: ApplicantIdentitySummary;
  formData: Record<string, unknown>;
  deliveryMode: 'window' | 'post';
  status: CounterIntakeStatus;
  identityChecked: boolean;
  attestation: MaterialAttestation[];
  receivedBy: string;
  createdAt: string;
  forwardedAt: string | null;
  caseNumber: string | null;
  handlingStatus: number | null;
  resultType: string | null;
  lastNote: string | null;
  /**
   * The handling centre returned the case with a one-time notice (status 13 or 14): the counter may
   * rescan the materials named and send the correction up (代收补正).
   */
  awaitingCorrection: boolean;
  /** When corrected materials were last sent up, and how many times. */
  supplementedAt: string | null;
  supplementCount: number;
  /** Latest version of each material. */
  materials: CounterIntakeMaterialView[];
  history: CounterIntakeReportView[];
  version: number;
}
