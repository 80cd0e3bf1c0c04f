import { DEFECT_KINDS, DELIVERY_MODES, SPECIAL_PROCEDURE_KINDS } from '@zhengwu/approval/domain';
import type { DefectKind, DeliveryMode, SpecialProcedureKind } from '@zhengwu/approval/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
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

export const MATERIAL_CODE_PATTERN = /^[A-Za-z0-9_.-]{1,40}$/;

const COMMENT_MAX = 2000;

export class CreateApplicationRequest {
  @IsUUID()
  itemId!: string;

  /** Where the applicant will show the paper originals (items that need an originals check). */
  @IsOptional() @Matches(/^\d{6}$/, { message: 'verificationCentre must be a 6-digit centre code' })
  verificationCentre?: string;

  @IsOptional() @IsIn(DELIVERY_MODES)
  deliveryMode?: DeliveryMode;

  /** Answers of the item's guided form (free-form; bounded by the body limit). */
  @IsOptional() @IsObject()
  formData?: Record<string, unknown>;
}

export class UpdateApplicationRequest {
  @IsInt() @Min(1)
  version!: number;

  @IsOptional() @Matches(/^\d{6}$/, { message: 'verificationCentre must be a 6-digit centre code' })
  verificationCentre?: string;

  @IsOptional() @IsIn(DELIVERY_MODES)
  deliveryMode?: DeliveryMode;

  @IsOptional() @IsObject()
  formData?: Record<string, unknown>;
}

/** Every staff action carries the version of the application the actor saw (optimistic concurrency). */
export class TransitionRequest {
  @IsInt() @Min(1)
  version!: number;

  @IsOptional() @IsString() @MaxLength(COMMENT_MAX)
  comment?: string;
}

export class ReasonedTransitionRequest {
  @IsInt() @Min(1)
  version!: number;

  @IsString() @MinLength(2) @MaxLength(COMMENT_MAX)
  reason!: string;
}

export class AcceptRequest extends TransitionRequest {
  /** 容缺受理: deferrable materials the applicant may hand in after acceptance. */
  @IsOptional() @IsArray() @ArrayUnique() @ArrayMaxSize(50) @Matches(MATERIAL_CODE_PATTERN, { each: true })
  owedMaterials?: string[];
}

export class DefectDto {
  @Matches(MATERIAL_CODE_PATTERN, { message: 'materialCode is not a material code' })
  materialCode!: string;

  @IsIn(DEFECT_KINDS)
  kind!: DefectKind;

  @IsString() @MinLength(2) @MaxLength(1000)
  explanation!: string;
}

export class ReturnWithNoticeRequest {
  @IsInt() @Min(1)
  version!: number;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => DefectDto)
  defects!: DefectDto[];
}

/** A supervisor's return that may raise defects the one-time rule would refuse, with the reason. */
export class OverrideReturnRequest extends ReturnWithNoticeRequest {
  @IsString() @MinLength(5) @MaxLength(COMMENT_MAX)
  overrideReason!: string;
}

export class NotAcceptRequest {
  @IsInt() @Min(1)
  version!: number;

  @IsString() @MinLength(2) @MaxLength(COMMENT_MAX)
  reason!: string;

  /** The legal basis for not accepting (不予受理依据). */
  @IsString() @MinLength(2) @MaxLength(COMMENT_MAX)
  legalBasis!: string;
}

export class StartSpecialProcedureRequest {
  @IsInt() @Min(1)
  version!: number;

  @IsIn(SPECIAL_PROCEDURE_KINDS)
  kind!: SpecialProcedureKind;

  @IsString() @MinLength(2) @MaxLength(COMMENT_MAX)
  reason!: string;

  /** How long it may take, in working days (the applicant is told in writing: 行政许可法 §45). */
  @IsInt() @Min(1) @Max(250)
  capWorkingDays!: number;
}

export class CompleteRequest extends TransitionRequest {
  @IsOptional() @IsIn(DELIVERY_MODES)
  deliveryMode?: DeliveryMode;
}

export class AssignStepRequest {
  @IsInt() @Min(1)
  version!: number;

  @IsUUID()
  staffId!: string;
}
