import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && value !== '' ? Number(value) : value);
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const toIntList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').filter(Boolean).map(Number) : Array.isArray(value) ? value.map(Number) : value;

export class PageQuery {
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100000)
  page = 1;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100)
  pageSize = 20;
}

/** The staff inbox: what waits at my posts, soonest due first. */
export class InboxQuery extends PageQuery {
  /** Only this post (default: every post the caller holds). */
  @IsOptional() @IsIn(['window_clerk', 'reviewer', 'approver'])
  post?: 'window_clerk' | 'reviewer' | 'approver';

  /** Status codes, comma-separated (e.g. `12,30`). */
  @IsOptional() @Transform(toIntList) @IsInt({ each: true })
  status?: number[];

  @IsOptional() @IsUUID()
  itemId?: string;

  /** Due within this many working days (including overdue). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(250)
  dueWithin?: number;

  @IsOptional() @Transform(toBool) @IsBoolean()
  overdue?: boolean;

  /** Only steps assigned to me. */
  @IsOptional() @Transform(toBool) @IsBoolean()
  mine?: boolean;
}

export class PublicLookupQuery {
  @Matches(/^[A-Za-z0-9]{8}$/, { message: 'queryCode must be the 8-character query code' })
  queryCode!: string;
}
