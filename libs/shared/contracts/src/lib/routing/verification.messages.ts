import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const SHA256 = /^[0-9a-f]{64}$/;
const CASE_NUMBER = /^\d{22}[0-9X]$/;

/** What the verifier needs to know of the applicant: enough to check an ID card, nothing more. */
export class ApplicantIdentitySummary {
  @IsIn(['natural_person', 'legal_person'])
  kind!: 'natural_person' | 'legal_person';

  @IsString() @MaxLength(100)
  name!: string;

  /** Masked resident ID number (`510981********1234`) or the USCC. */
  @IsString() @MaxLength(40)
  identityMasked!: string;
}

export class ManifestMaterial {
  @Matches(/^[A-Za-z0-9_.-]{1,40}$/)
  code!: string;

  @IsString() @MaxLength(200)
  name!: string;

  @IsInt() @Min(1)
  version!: number;

  @Matches(SHA256)
  sha256!: string;

  @IsString() @MaxLength(100)
  mediaType!: string;

  @IsInt() @Min(0)
  sizeBytes!: number;

  @IsString() @MaxLength(255)
  fileName!: string;

  @IsInt() @Min(0)
  originalCount!: number;

  @IsInt() @Min(0)
  copyCount!: number;
}

/** The handling centre asks another (or itself) to check the paper originals (就地就近). */
export class VerificationRequestedV1 {
  @Matches(CASE_NUMBER)
  caseNumber!: string;

  @IsString() @MaxLength(200)
  itemName!: string;

  @ValidateNested() @Type(() => ApplicantIdentitySummary)
  applicant!: ApplicantIdentitySummary;

  @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ManifestMaterial)
  materials!: ManifestMaterial[];

  /** The handling centre's deadline for the check, in the verifier's working days. */
  @IsInt() @Min(1)
  limitWorkingDays!: number;
}

export type MaterialCheckResult = 'match' | 'mismatch' | 'not_presented';

export class MaterialAttestation {
  @Matches(/^[A-Za-z0-9_.-]{1,40}$/)
  code!: string;

  @IsInt() @Min(1)
  version!: number;

  @Matches(SHA256)
  sha256!: string;

  @IsIn(['match', 'mismatch', 'not_presented'])
  result!: MaterialCheckResult;

  @IsOptional() @IsString() @MaxLength(1000)
  note?: string;
}

/** The verifier's signed record (核验证明): per material, plus the identity check and the custody of the paper. */
export class VerificationCompletedV1 {
  @Matches(CASE_NUMBER)
  caseNumber!: string;

  @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => MaterialAttestation)
  materials!: MaterialAttestation[];

  @IsBoolean()
  identityChecked!: boolean;

  /** Paper originals: handed back to the applicant, or forwarded to the handling centre by courier. */
  @IsIn(['returned_to_applicant', 'forwarded'])
  custody!: 'returned_to_applicant' | 'forwarded';

  @IsOptional() @IsString() @MaxLength(100)
  courierNumber?: string;

  /** Staff member who checked (their id at the verifying centre) and when. */
  @IsString() @MaxLength(100)
  verifiedBy!: string;

  @IsString() @MaxLength(40)
  verifiedAt!: string;
}

export { SHA256 as SHA256_PATTERN, CASE_NUMBER as CASE_NUMBER_PATTERN };
