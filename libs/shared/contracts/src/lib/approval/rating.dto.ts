import { RATING_LEVELS, RatingLevel } from '@zhengwu/approval/domain';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** 好差评: one rating per finished step (`stepSeq`) and one for the whole case (no `stepSeq`). */
export class RateRequest {
  @IsOptional() @IsInt() @Min(1)
  stepSeq?: number;

  @IsIn(RATING_LEVELS)
  level!: RatingLevel;

  @IsOptional() @IsArray() @ArrayUnique() @ArrayMaxSize(10) @Matches(/^[a-z_]{2,40}$/, { each: true })
  indicators?: string[];

  @IsOptional() @IsString() @MaxLength(1000)
  comment?: string;

  /** 好差评 channel code: 1 PC, 2 mobile, 3 QR code, 4 hall pad, 5 other hall terminal, 6 phone, 7 SMS. */
  @IsOptional() @IsInt() @Min(1) @Max(7)
  channel?: number;
}

export interface RatingView {
  id: string;
  stepSeq: number | null;
  level: RatingLevel;
  indicators: string[];
  comment: string | null;
  createdAt: string;
  rectificationOpened: boolean;
}

export interface RectificationView {
  id: string;
  caseNumber: string;
  applicationId: string;
  status: string;
  due: string;
  dueProvisional: boolean;
  createdAt: string;
}
