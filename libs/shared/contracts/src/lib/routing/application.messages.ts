import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { ApplicantIdentitySummary, MaterialAttestation, ManifestMaterial } from './verification.messages';

/**
 * 代收: a centre received an application at its counter for another centre's item and forwards it
 * upward; it arrives there as a submitted case that records where and by whom it was received.
 */
export class ApplicationForwardedV1 {
  /** The receiving centre's intake id: the key the status updates come back with. */
  @IsUUID()
  intakeId!: string;

  @IsUUID()
  itemId!: string;

  @IsUUID()
  applicantId!: string;

  @ValidateNested() @Type(() => ApplicantIdentitySummary)
  applicant!: ApplicantIdentitySummary;

  @IsObject()
  formData!: Record<string, unknown>;

  @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ManifestMaterial)
  materials!: ManifestMaterial[];

  /** Originals checked on the spot at intake (the attestation is made there). */
  @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => MaterialAttestation)
  attestation!: MaterialAttestation[];

  @IsString() @MaxLength(100)
  receivedBy!: string;

  @IsString() @MaxLength(40)
  receivedAt!: string;

  @IsIn(['window', 'post', 'electronic'])
  deliveryMode!: 'window' | 'post' | 'electronic';
}

/** The handling centre tells the receiving centre where a forwarded case stands. */
export class ApplicationStatusV1 {
  @IsUUID()
  intakeId!: string;

  @IsOptional() @Matches(/^\d{22}[0-9X]$/)
  caseNumber?: string;

  @IsInt() @Min(10)
  status!: number;

  @IsOptional() @IsString() @MaxLength(40)
  resultType?: string;

  @IsOptional() @IsString() @MaxLength(2000)
  note?: string;

  @IsString() @MaxLength(40)
  at!: string;
}

/**
 * 代收补正: the handling centre returned a forwarded case with a one-time notice; the walk-in
 * applicant brought the corrected materials back to the same counter, which scanned them, checked
 * the originals on the spot and sends them up. The case is resubmitted at the handling centre.
 */
export class ApplicationSupplementedV1 {
  @IsUUID()
  intakeId!: string;

  /** The latest scan of every material; the handling centre adds those it does not already hold. */
  @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ManifestMaterial)
  materials!: ManifestMaterial[];

  @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => MaterialAttestation)
  attestation!: MaterialAttestation[];

  @IsString() @MaxLength(100)
  receivedBy!: string;

  @IsString() @MaxLength(40)
  receivedAt!: string;
}
