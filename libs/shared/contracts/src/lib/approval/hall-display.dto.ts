import { IsString, MaxLength, MinLength } from 'class-validator';

/** Longest name of a hall display (e.g. 一楼大厅屏). */
export const HALL_DISPLAY_NAME_MAX_LENGTH = 40;

/** The HTTP authorization scheme of a hall display: `Authorization: Display <token>`. */
export const HALL_DISPLAY_AUTH_SCHEME = 'Display';

/** A centre admin registers a screen in the hall; the answer carries its token, once. */
export class CreateHallDisplayRequest {
  @IsString() @MinLength(1) @MaxLength(HALL_DISPLAY_NAME_MAX_LENGTH)
  name!: string;
}

/** A registered hall display, as the centre admin lists it (never its token). */
export interface HallDisplayView {
  id: string;
  centreCode: string;
  name: string;
  /** The last characters of the token, so an admin can tell two screens' links apart. */
  tokenHint: string;
  createdAt: string;
  createdByName: string;
  /** When a screen last opened its feed with this token. */
  lastSeenAt: string | null;
  revokedAt: string | null;
}

/** The answer to creating a display: the token is shown this once and stored only as a hash. */
export interface CreatedHallDisplayView {
  display: HallDisplayView;
  token: string;
}

/** What a public call on the hall screen announces. */
export type HallDisplayCallKind = 'accepted' | 'returned' | 'completed';

/** One line of the hall screen: a case number and the masked applicant (张*明), nothing more. */
export interface HallDisplayCall {
  kind: HallDisplayCallKind;
  caseNumber: string;
  applicantMasked: string;
  /** How the result reaches the applicant, for completed cases (window: come and collect it). */
  deliveryMode: 'window' | 'post' | 'electronic' | null;
  at: string;
}

/** Today's figures of the centre (China time, calendar day). */
export interface HallDisplayCounts {
  /** Applications submitted today. */
  receivedToday: number;
  acceptedToday: number;
  completedToday: number;
  /** Submitted and not yet final (any day). */
  inProgress: number;
  /** In progress with the current step past its due date. */
  overdue: number;
}

/** The `snapshot` event of the hall display feed. */
export interface HallDisplaySnapshot {
  centreCode: string;
  centreName: string;
  /** Today in China time (YYYY-MM-DD). */
  date: string;
  generatedAt: string;
  counts: HallDisplayCounts;
  /** Newest first, at most HALL_DISPLAY_CALLS. */
  calls: HallDisplayCall[];
}

export const HALL_DISPLAY_CALLS = 10;
