import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && value !== '' ? Number(value) : value);
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export const NOTIFICATION_PAGE_SIZE_MAX = 100;

/** `GET /me/notifications?unread=true&page=1&pageSize=20`: newest first. */
export class ListMyNotificationsQuery {
  /** Only notifications not yet marked read. */
  @IsOptional() @Transform(toBool) @IsBoolean()
  unread?: boolean;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100_000)
  page = 1;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(NOTIFICATION_PAGE_SIZE_MAX)
  pageSize = 20;
}

/** `POST /me/notifications/:id/read`. */
export class NotificationIdParams {
  @IsUUID()
  id!: string;
}
