import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsString, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';

const CENTRE_CODE = /^\d{6}$/;
const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const COUNT_MAX = 1_000_000_000;

/** Open work of the centre at `generatedAt`: counts only. */
export class SnapshotOpenWorkV1 {
  /** Open cases (awaiting pre-review, or accepted and not completed). */
  @IsInt() @Min(0) @Max(COUNT_MAX)
  open!: number;

  /** Open cases without an open alert. */
  @IsInt() @Min(0) @Max(COUNT_MAX)
  normal!: number;

  /** Open cases whose highest open alert is yellow (due soon). */
  @IsInt() @Min(0) @Max(COUNT_MAX)
  yellow!: number;

  /** Open cases whose highest open alert is red (overdue, or another red rule). */
  @IsInt() @Min(0) @Max(COUNT_MAX)
  red!: number;

  /** Open red alerts (the board's overdue list, uncapped). */
  @IsInt() @Min(0) @Max(COUNT_MAX)
  overdueAlerts!: number;

  /** Open yellow alerts of cases without a red one (the board's due-soon list, uncapped). */
  @IsInt() @Min(0) @Max(COUNT_MAX)
  dueSoonAlerts!: number;
}

/** The centre's statistics for the period (the centre dimension of GET …/supervision/statistics). */
export class SnapshotStatisticsV1 {
  @IsInt() @Min(0) @Max(COUNT_MAX) received!: number;
  @IsInt() @Min(0) @Max(COUNT_MAX) accepted!: number;
  @IsInt() @Min(0) @Max(COUNT_MAX) completed!: number;
  @IsInt() @Min(0) @Max(COUNT_MAX) completedOnTime!: number;
  @IsInt() @Min(0) @Max(COUNT_MAX) overdueCompleted!: number;
  @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) handlingWorkingDays!: number;
  @IsInt() @Min(0) @Max(COUNT_MAX) immediateReceived!: number;

  @ValidateIf((_, value) => value !== null) @IsNumber() @Min(0) @Max(1)
  onTimeRate!: number | null;

  @ValidateIf((_, value) => value !== null) @IsNumber() @Min(0)
  averageHandlingWorkingDays!: number | null;

  @ValidateIf((_, value) => value !== null) @IsNumber() @Min(0) @Max(1)
  immediateShare!: number | null;

  /** 好差评: ratings given, of which case ratings, satisfied ratings and bad reviews (and how those ended). */
  @IsInt() @Min(0) @Max(COUNT_MAX) ratings!: number;
  @IsInt() @Min(0) @Max(COUNT_MAX) caseRatings!: number;
  @IsInt() @Min(0) @Max(COUNT_MAX) satisfiedRatings!: number;
  @IsInt() @Min(0) @Max(COUNT_MAX) badReviews!: number;
  @IsInt() @Min(0) @Max(COUNT_MAX) badReviewsRectified!: number;
  @IsInt() @Min(0) @Max(COUNT_MAX) badReviewsInvalid!: number;

  /** caseRatings / completed (may exceed 1: a case completed before the period rated in it). */
  @ValidateIf((_, value) => value !== null) @IsNumber() @Min(0)
  ratingRate!: number | null;

  @ValidateIf((_, value) => value !== null) @IsNumber() @Min(0) @Max(1)
  satisfactionRate!: number | null;

  @ValidateIf((_, value) => value !== null) @IsNumber() @Min(0)
  rectificationRate!: number | null;
}

/** The centre's published catalogue: item counts and the shares derived from them. */
export class SnapshotCatalogueV1 {
  @IsInt() @Min(0) @Max(COUNT_MAX) items!: number;
  @IsInt() @Min(0) @Max(COUNT_MAX) onlineApplicableItems!: number;
  @IsInt() @Min(0) @Max(COUNT_MAX) fullyOnlineItems!: number;
  @IsInt() @Min(0) @Max(COUNT_MAX) immediateItems!: number;
  @IsInt() @Min(0) @Max(COUNT_MAX) limitComparableItems!: number;

  /** Sum over the comparable items of (法定 − 承诺) / 法定. */
  @IsNumber() @Min(-COUNT_MAX) @Max(COUNT_MAX)
  limitCompressionSum!: number;

  @ValidateIf((_, value) => value !== null) @IsNumber() @Min(0) @Max(1)
  onlineApplicableShare!: number | null;

  @ValidateIf((_, value) => value !== null) @IsNumber() @Min(0) @Max(1)
  fullyOnlineShare!: number | null;

  @ValidateIf((_, value) => value !== null) @IsNumber() @Min(0) @Max(1)
  immediateItemShare!: number | null;

  @ValidateIf((_, value) => value !== null) @IsNumber()
  limitCompression!: number | null;
}

/**
 * `supervision.snapshot.v1`: a centre's supervision aggregates, sent every few minutes to each of
 * its ancestors (county → city and province; city → province), signed by the centre itself.
 * Aggregates only: no case numbers, names, identity numbers or staff ids travel.
 */
export class SupervisionSnapshotV1 {
  /** The sending centre (equals the envelope's `from`). */
  @Matches(CENTRE_CODE)
  centreCode!: string;

  @IsString() @MaxLength(100)
  centreName!: string;

  @IsIn(['province', 'city', 'county'])
  level!: 'province' | 'city' | 'county';

  @ValidateIf((_, value) => value !== null) @Matches(CENTRE_CODE)
  parentCode!: string | null;

  /** When the figures were taken (the sender's clock). */
  @Matches(ISO_INSTANT)
  generatedAt!: string;

  /** The statistics period (China civil dates, inclusive): the month to date. */
  @Matches(CIVIL_DATE)
  periodFrom!: string;

  @Matches(CIVIL_DATE)
  periodTo!: string;

  /** The sender's snapshot interval: the receiver flags the centre missing after interval × grace. */
  @IsInt() @Min(1000) @Max(86_400_000)
  intervalMs!: number;

  /** The sender's last supervision sweep (null: never swept). */
  @ValidateIf((_, value) => value !== null) @Matches(ISO_INSTANT)
  lastSweptAt!: string | null;

  @ValidateNested() @Type(() => SnapshotOpenWorkV1)
  openWork!: SnapshotOpenWorkV1;

  @ValidateNested() @Type(() => SnapshotStatisticsV1)
  statistics!: SnapshotStatisticsV1;

  @ValidateNested() @Type(() => SnapshotCatalogueV1)
  catalogue!: SnapshotCatalogueV1;
}
