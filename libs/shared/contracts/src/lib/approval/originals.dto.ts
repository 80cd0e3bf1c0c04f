import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import type { ApplicantIdentitySummary, ManifestMaterial, MaterialAttestation, MaterialCheckResult } from '../routing/verification.messages';

export class MaterialCheckDto {
  @Matches(/^[A-Za-z0-9_.-]{1,40}$/)
  code!: string;

  @IsInt() @Min(1)
  version!: number;

  @IsIn(['match', 'mismatch', 'not_presented'])
  result!: MaterialCheckResult;

  /** Required when the original does not match. */
  @IsOptional() @IsString() @MaxLength(1000)
  note?: string;
}

/** The verifying clerk's record: every material of the manifest, the ID check and the paper's custody. */
export class CompleteVerificationRequest {
  @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => MaterialCheckDto)
  materials!: MaterialCheckDto[];

  @IsBoolean()
  identityChecked!: boolean;

  @IsIn(['returned_to_applicant', 'forwarded'])
  custody!: 'returned_to_applicant' | 'forwarded';

  @IsOptional() @IsString() @MaxLength(100)
  courierNumber?: string;
}

export interface VerificationTaskView {
  id: string;
  handlingCentre: string;
  caseNumber: string;
  itemName: string;
  applicant: ApplicantIdentitySummary;
  materials: ManifestMaterial[];
  status: 'pending' | 'completed';
  due: string | null;
  dueProvisional: boolean;
  createdAt: string;
  completedAt: string | null;
  completedBy: string | null;
  results: MaterialAttestation[] | null;
  identityChecked: boolean | null;
  custody: 'returned_to_applicant' | 'forwarded' | null;
  courierNumber: string | null;
}

export interface OriginalsCheckView {
  seq: number;
  verifyingCentre: string;
  status: 'requested' | 'matched' | 'mismatched';
  requestedAt: string;
  completedAt: string | null;
  results: MaterialAttestation[] | null;
  identityChecked: boolean | null;
  custody: 'returned_to_applicant' | 'forwarded' | null;
  courierNumber: string | null;
  paperArrivedAt: string | null;
}
