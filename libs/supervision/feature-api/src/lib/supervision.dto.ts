import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ALERT_LEVELS,
  type AlertLevel,
  type SupervisionNoticeStatus as NoticeStatus,
  RECIPIENTS,
  type Recipient,
  type RuleScope,
  type RuleTrigger,
  STAT_DIMENSIONS,
  type StatDimension,
} from '@zhengwu/shared/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
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

/*
 * Request shapes of the supervision API. The nested scope and trigger are checked field by field by
 * the domain (ruleShapeProblems), which knows which fields each kind needs.
 */

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && value !== '' ? Number(value) : value);

export class CentreParams {
  @Matches(/^\d{6}$/, { message: 'centreCode must be a 6-digit division code' })
  centreCode!: string;
}

export class RuleParams extends CentreParams {
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'ruleId must be 2–63 characters of a-z, 0-9 and -' })
  ruleId!: string;
}

export class NoticeParams extends CentreParams {
  @IsUUID()
  id!: string;
}

export class LocalizedNameDto {
  @IsString() @MinLength(1) @MaxLength(100)
  zh!: string;

  @IsString() @MinLength(1) @MaxLength(200)
  en!: string;
}

/** A centre's rule (override of a province rule with the same id, or an addition). */
export class PutRuleRequest {
  @ValidateNested() @Type(() => LocalizedNameDto)
  name!: LocalizedNameDto;

  @ApiProperty({ example: { kind: 'all' }, description: "{kind:'all'} | {kind:'department', departmentCode} | {kind:'item', itemCode}" })
  @IsObject()
  scope!: RuleScope;

  @ApiProperty({
    example: { kind: 'due_soon', target: 'step', withinWorkingDays: 2 },
    description: 'case_overdue|step_overdue|pre_review_undecided|verification_overdue {afterWorkingDays}; due_soon {target, withinWorkingDays}; refused_without_reasons',
  })
  @IsObject()
  trigger!: RuleTrigger;

  @IsIn(ALERT_LEVELS)
  level!: AlertLevel;

  @ArrayMinSize(1) @ArrayMaxSize(3) @ArrayUnique() @IsIn(RECIPIENTS, { each: true })
  notify!: Recipient[];

  @IsBoolean()
  enabled!: boolean;
}

export class ListQuery {
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0)
  offset?: number;
}

export class AlertsQuery extends ListQuery {
  @IsOptional() @IsIn(ALERT_LEVELS)
  level?: AlertLevel;

  @ApiPropertyOptional({ enum: ['open', 'resolved', 'all'], default: 'open' })
  @IsOptional() @IsIn(['open', 'resolved', 'all'])
  state?: 'open' | 'resolved' | 'all';

  @IsOptional() @IsUUID()
  applicationId?: string;
}

export class NoticesQuery extends ListQuery {
  @IsOptional() @IsIn(['open', 'responded', 'closed'])
  status?: NoticeStatus;
}

export class AccountabilityQuery extends ListQuery {
  @IsOptional() @IsUUID()
  holderId?: string;

  @IsOptional() @IsUUID()
  applicationId?: string;
}

export class RespondToNoticeRequest {
  @IsString() @MinLength(2) @MaxLength(2000)
  response!: string;
}

export class CloseNoticeRequest {
  @IsOptional() @IsString() @MaxLength(2000)
  comment?: string;
}

export class StatisticsQuery {
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date (YYYY-MM-DD)' })
  from!: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date (YYYY-MM-DD)' })
  to!: string;

  @ApiPropertyOptional({ enum: STAT_DIMENSIONS, default: 'centre' })
  @IsOptional() @IsIn(STAT_DIMENSIONS)
  dimension?: StatDimension;
}
