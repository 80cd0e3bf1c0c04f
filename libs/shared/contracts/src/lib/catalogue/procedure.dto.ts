import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { CATALOGUE_CODE_PATTERN, type CatalogueStatusValue, STEP_POST_CODES, type StepPostValue } from './catalogue-codes';

export const PROCEDURE_MAX_STEPS = 20;

export class ProcedureStepDto {
  @IsString() @Matches(CATALOGUE_CODE_PATTERN, { message: 'code must be 1–40 letters, digits, ".", "_" or "-"' })
  code!: string;

  /** e.g. 受理, 审查, 决定. */
  @IsString() @MinLength(1) @MaxLength(50)
  name!: string;

  @IsIn(STEP_POST_CODES)
  post!: StepPostValue;

  @IsInt() @Min(0) @Max(365)
  limitWorkingDays!: number;
}

/**
 * `POST /centres/:centreCode/items/:itemId/procedure-versions` (a new draft) and
 * `PUT …/procedure-versions/:versionId/steps` (replace a draft's steps), in order.
 */
export class ProcedureStepsRequest {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(PROCEDURE_MAX_STEPS) @ValidateNested({ each: true }) @Type(() => ProcedureStepDto)
  steps!: ProcedureStepDto[];
}

export interface ProcedureStepView {
  position: number;
  code: string;
  name: string;
  post: StepPostValue;
  limitWorkingDays: number;
}

export interface ProcedureVersionView {
  id: string;
  itemId: string;
  version: number;
  status: CatalogueStatusValue;
  createdAt: string;
  publishedAt: string | null;
  steps: ProcedureStepView[];
}

export interface SlaLintErrorView {
  code: string;
  stepCode?: string;
  message: { zh: string; en: string };
}

/** The SLA lint of a procedure against its item's limits; also `details` of PROCEDURE_SLA_VIOLATION. */
export interface SlaLintResultView {
  ok: boolean;
  errors: SlaLintErrorView[];
}

export interface ProcedureDraftView extends ProcedureVersionView {
  /** What publishing would say today; a draft may be saved with SLA errors, not published. */
  lint: SlaLintResultView;
}
