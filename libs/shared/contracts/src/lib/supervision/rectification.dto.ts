import {
  MAX_RECTIFICATION_EXTENSION_WORKING_DAYS,
  RECTIFICATION_ACTIONS,
  RECTIFICATION_STATUSES,
  type RectificationAction,
  type RectificationStatus,
} from '@zhengwu/approval/domain';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export { RECTIFICATION_ACTIONS, RECTIFICATION_STATUSES, type RectificationAction, type RectificationStatus };

const toStatusList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);

/** `GET …/rectification-cases`: every rectification case of the centre, or those in the given statuses. */
export class RectificationCasesQuery {
  /** Statuses, comma-separated (default: all). */
  @IsOptional() @Transform(toStatusList) @IsIn(RECTIFICATION_STATUSES, { each: true })
  status?: RectificationStatus[];
}

/**
 * `POST …/rectification-cases/{id}/actions`: one step of a rectification case. `note` is required
 * for every action but confirming and starting (the reason, the rectification done, or for
 * `follow_up` what the applicant said on the call); `workingDays` only for `extend`.
 */
export class RectificationActionRequest {
  @IsIn(RECTIFICATION_ACTIONS)
  action!: RectificationAction;

  @IsOptional() @IsString() @MaxLength(2000)
  note?: string;

  @IsOptional() @IsInt() @Min(1) @Max(MAX_RECTIFICATION_EXTENSION_WORKING_DAYS)
  workingDays?: number;
}

/** A rectification case with how it has been handled and what can be done next. */
export interface RectificationCaseView {
  id: string;
  caseNumber: string;
  applicationId: string;
  status: RectificationStatus;
  due: string;
  dueProvisional: boolean;
  /** The deadline before the extension; null while not extended. */
  firstDue: string | null;
  extendedAt: string | null;
  note: string | null;
  handledByName: string | null;
  followUp: { at: string; note: string; byName: string | null } | null;
  createdAt: string;
  updatedAt: string;
  /** The actions open now. */
  actions: RectificationAction[];
}
