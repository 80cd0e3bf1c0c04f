import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && value !== '' ? Number(value) : value);

export class TaskParams {
  @Matches(/^\d{6}$/, { message: 'centreCode must be a 6-digit division code' })
  centreCode!: string;

  @IsUUID()
  taskId!: string;
}

export class TaskCopyParams extends TaskParams {
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 hex digits' })
  sha256!: string;
}

export class TaskListQuery {
  @IsOptional() @IsIn(['pending', 'completed'])
  status: 'pending' | 'completed' = 'pending';

  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  page = 1;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100)
  pageSize = 20;
}
