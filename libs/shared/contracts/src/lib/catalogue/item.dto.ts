import { Transform, Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
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
import {
  CASE_TYPE_CODES,
  type CaseTypeValue,
  type CatalogueStatusValue,
  CROSS_REGION_SCOPE_CODES,
  type CrossRegionScopeValue,
  EXERCISE_LEVEL_CODES,
  HANDLING_FORM_CODES,
  ITEM_CODE_MAX_LENGTH,
  ITEM_CODE_PATTERN,
  ITEM_TYPE_CODES,
  type ItemTypeCodeValue,
  LIMIT_UNIT_CODES,
  type LimitUnitValue,
  ORIGINALS_CHECK_POINT_CODES,
  type OriginalsCheckPointValue,
  SERVICE_OBJECT_CODES,
} from './catalogue-codes';
import type { DepartmentView, WindowView } from './department.dto';
import type { MaterialView } from './material.dto';
import type { ProcedureStepView, ProcedureVersionView } from './procedure.dto';

const ITEM_CODE_MESSAGE = 'must be letters, digits, ".", "_" or "-", starting with a letter or digit';
const LONG_TEXT = 5000;

export class TimeLimitDto {
  @IsInt() @Min(0) @Max(3650)
  value!: number;

  @IsIn(LIMIT_UNIT_CODES)
  unit!: LimitUnitValue;
}

export class FeeDto {
  /** In fen (分); 0 for a free item. */
  @IsInt() @Min(0) @Max(2_000_000_000)
  amountFen!: number;

  /** The basis of the fee (收费依据) or 不收费. */
  @IsOptional() @IsString() @MaxLength(1000)
  description?: string | null;
}

/** `POST /centres/:centreCode/items`; `PUT …/items/:itemId` takes the same body. */
export class CreateItemRequest {
  @IsUUID('all')
  departmentId!: string;

  @IsString() @MinLength(2) @MaxLength(200)
  name!: string;

  /** 基本编码 (national). */
  @IsString() @MaxLength(ITEM_CODE_MAX_LENGTH) @Matches(ITEM_CODE_PATTERN, { message: `basicCode ${ITEM_CODE_MESSAGE}` })
  basicCode!: string;

  /** 实施编码 (national); unique within a centre. */
  @IsString() @MaxLength(ITEM_CODE_MAX_LENGTH) @Matches(ITEM_CODE_PATTERN, { message: `implementationCode ${ITEM_CODE_MESSAGE}` })
  implementationCode!: string;

  /** The province's own code, when it has one. */
  @IsOptional() @IsString() @MaxLength(ITEM_CODE_MAX_LENGTH) @Matches(ITEM_CODE_PATTERN, { message: `localCode ${ITEM_CODE_MESSAGE}` })
  localCode?: string | null;

  @IsIn(ITEM_TYPE_CODES)
  itemType!: ItemTypeCodeValue;

  /** 行使层级 1–7. */
  @IsIn(EXERCISE_LEVEL_CODES)
  level!: number;

  @IsIn(CASE_TYPE_CODES)
  caseType!: CaseTypeValue;

  @ValidateNested() @Type(() => TimeLimitDto)
  legalLimit!: TimeLimitDto;

  @ValidateNested() @Type(() => TimeLimitDto)
  promisedLimit!: TimeLimitDto;

  @IsIn(CROSS_REGION_SCOPE_CODES)
  crossRegionScope!: CrossRegionScopeValue;

  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(SERVICE_OBJECT_CODES, { each: true })
  serviceObjects!: number[];

  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(HANDLING_FORM_CODES, { each: true })
  handlingForms!: number[];

  @IsBoolean()
  onlineApplicable!: boolean;

  /** 全程网办: no visit at all (implies online-applicable). */
  @IsBoolean()
  fullyOnline!: boolean;

  @ValidateNested() @Type(() => FeeDto)
  fee!: FeeDto;

  @IsBoolean()
  originalsCheckRequired!: boolean;

  @IsOptional() @IsIn(ORIGINALS_CHECK_POINT_CODES)
  originalsCheckPoint?: OriginalsCheckPointValue;

  /** 现场勘验/验收. */
  @IsBoolean()
  onSiteInspection!: boolean;

  /** 受理条件. */
  @IsString() @MaxLength(LONG_TEXT)
  acceptanceConditions!: string;

  /** 设定依据. */
  @IsString() @MaxLength(LONG_TEXT)
  legalBasis!: string;

  /** 办理地点和时间. */
  @IsString() @MaxLength(2000)
  whereAndWhen!: string;

  @IsOptional() @IsString() @MaxLength(100)
  consultationPhone?: string | null;
}

export class UpdateItemRequest extends CreateItemRequest {}

/** `PUT /centres/:centreCode/items/:itemId/status`. Publishing needs a published procedure. */
export class ItemStatusRequest {
  @IsIn(['published', 'retired'])
  status!: 'published' | 'retired';
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** `GET /centres/:centreCode/items?…`: published items of the centre, paged. */
export class ItemSearchQuery {
  /** Department id. */
  @IsOptional() @IsUUID('all')
  department?: string;

  /** Words of the name, or a (part of a) basic, implementation or local code. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100)
  q?: string;

  /** Service object code (1 natural person, 2 enterprise, …). */
  @IsOptional() @Type(() => Number) @IsIn(SERVICE_OBJECT_CODES)
  object?: number;

  @IsOptional() @IsIn(CASE_TYPE_CODES)
  caseType?: CaseTypeValue;

  @IsOptional() @Transform(toBoolean) @IsBoolean()
  onlineApplicable?: boolean;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10_000)
  page?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  pageSize?: number;
}

export interface TimeLimitView {
  value: number;
  unit: LimitUnitValue;
}

export interface ItemSummary {
  id: string;
  name: string;
  status: CatalogueStatusValue;
  department: Pick<DepartmentView, 'id' | 'code' | 'name'>;
  basicCode: string;
  implementationCode: string;
  localCode: string | null;
  itemType: ItemTypeCodeValue;
  level: number;
  caseType: CaseTypeValue;
  legalLimit: TimeLimitView;
  promisedLimit: TimeLimitView;
  crossRegionScope: CrossRegionScopeValue;
  serviceObjects: number[];
  handlingForms: number[];
  onlineApplicable: boolean;
  fullyOnline: boolean;
  fee: { amountFen: number; description: string | null };
}

export interface ItemPage {
  items: ItemSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PublishedProcedureView {
  versionId: string;
  version: number;
  publishedAt: string;
  steps: ProcedureStepView[];
  /** Sum of the step limits. */
  totalWorkingDays: number;
}

/** The public service guide (办事指南) of one item. */
export interface ItemGuide extends ItemSummary {
  originalsCheckRequired: boolean;
  originalsCheckPoint: OriginalsCheckPointValue;
  onSiteInspection: boolean;
  acceptanceConditions: string;
  legalBasis: string;
  whereAndWhen: string;
  consultationPhone: string | null;
  updatedAt: string;
  /** The department's windows and the centre's comprehensive windows. */
  windows: WindowView[];
  materials: MaterialView[];
  procedure: PublishedProcedureView | null;
}

/** A centre admin's view of an item in any status, with every version of its procedure. */
export interface ItemDetailView extends ItemGuide {
  /** Newest first. */
  procedureVersions: ProcedureVersionView[];
}
