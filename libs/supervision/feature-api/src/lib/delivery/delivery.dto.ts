import type { PutDepartmentHeadsBody } from '@zhengwu/shared/contracts';
import { ArrayMaxSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { CentreParams } from '../supervision.dto';

/** A department has a few heads at most; the cap keeps one request from writing thousands of rows. */
export const MAX_DEPARTMENT_HEADS = 20;

export class DepartmentHeadsParams extends CentreParams {
  @IsUUID()
  departmentId!: string;
}

export class PutDepartmentHeadsRequest implements PutDepartmentHeadsBody {
  @IsArray() @ArrayMaxSize(MAX_DEPARTMENT_HEADS) @ArrayUnique() @IsUUID(undefined, { each: true })
  staffIds!: string[];
}
