import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CATALOGUE_CODE_PATTERN } from './catalogue-codes';

const CODE_MESSAGE = 'code must be 1–40 letters, digits, ".", "_" or "-", starting with a letter or digit';

/** `PUT /centres/:centreCode/departments/:departmentId`; the code is fixed once created. */
export class UpdateDepartmentRequest {
  @IsString() @MinLength(2) @MaxLength(100)
  name!: string;

  /** Position in lists (ascending). */
  @IsOptional() @IsInt() @Min(0) @Max(9999)
  ordering?: number;
}

export class CreateDepartmentRequest extends UpdateDepartmentRequest {
  @IsString() @Matches(CATALOGUE_CODE_PATTERN, { message: CODE_MESSAGE })
  code!: string;
}

export interface DepartmentView {
  id: string;
  code: string;
  name: string;
  ordering: number;
}

/** `PUT /centres/:centreCode/windows/:windowId`. */
export class UpdateWindowRequest {
  @IsString() @MinLength(1) @MaxLength(100)
  name!: string;

  /** The department the window serves; null for a comprehensive window (无差别综合受理窗口). */
  @IsOptional() @IsUUID('all')
  departmentId?: string | null;

  /** Where it is in the hall, e.g. 一楼 A 区 12 号窗口. */
  @IsString() @MaxLength(200)
  location!: string;

  /** e.g. 工作日 9:00–12:00，13:30–17:30. */
  @IsString() @MaxLength(200)
  serviceHours!: string;
}

export class CreateWindowRequest extends UpdateWindowRequest {
  @IsString() @Matches(CATALOGUE_CODE_PATTERN, { message: CODE_MESSAGE })
  code!: string;
}

export interface WindowView {
  id: string;
  code: string;
  name: string;
  departmentId: string | null;
  departmentName: string | null;
  location: string;
  serviceHours: string;
}
