export type { LocalizedText } from './lib/localized-text';

// Vocabulary
export {
  APPLICATION_STATUSES,
  ApplicationStatus,
  DECIDED_STATUSES,
  FINAL_STATUSES,
  FINAL_STATUS_THRESHOLD,
  STATUS_LABELS,
  STEP_STATUSES,
  isFinalStatus,
  isPreAcceptanceStatus,
  isStepStatus,
  parseApplicationStatus,
} from './lib/application-status';
export {
  ACTION_LABELS,
  APPLICATION_ACTIONS,
  CASE_TYPES,
  CASE_TYPE_LABELS,
  CLOCK_STATES,
  CLOCK_STATE_LABELS,
  DEFECT_KINDS,
  DEFECT_KIND_LABELS,
  DELIVERY_MODES,
  DELIVERY_MODE_LABELS,
  RESULT_TYPES,
  RESULT_TYPE_LABELS,
  SPECIAL_PROCEDURE_KINDS,
  SPECIAL_PROCEDURE_LABELS,
  STEP_POSTS,
  STEP_POST_LABELS,
  SUPERVISION_LEVELS,
  SUPERVISION_LEVEL_LABELS,
  caseTypeFromGbt39046Code,
  caseTypeToGbt39046Code,
  isOneOf,
} from './lib/vocabulary';
export type {
  ApplicationAction,
  CaseType,
  ClockState,
  DefectKind,
  DeliveryMode,
  ResultType,
  SpecialProcedureKind,
  StepPost,
  SupervisionLevel,
} from './lib/vocabulary';
export { ITEM_TYPE_CODES, ITEM_TYPE_LABELS, isItemTypeCode } from './lib/item-type';
export type { ItemTypeCode } from './lib/item-type';

// Status machine
export { assertConsistentState, clockStatesFor, initialState, stateInvariantViolations } from './lib/application-state';
export type {
  ApplicationState,
  TransitionActor,
  TransitionContext,
  TransitionErrorCode,
  TransitionEvent,
  TransitionPost,
  TransitionResult,
} from './lib/application-state';
export { actionRequires, allowedActions, transition } from './lib/application-state-machine';
export { POST_LABELS, TRANSITION_ERROR_MESSAGES } from './lib/transition-messages';

// One-time notice (行政许可法 §32)
export { checkNewNotice, noticeLocks } from './lib/one-time-notice';
export type { Defect, MaterialHistory, NoticeCheck, NoticeLock, NoticeLockReason, NoticeRecord, NoticeViolation } from './lib/one-time-notice';

// Case number and query code
export {
  CASE_NUMBER_LENGTH,
  MAX_DAILY_SEQUENCE,
  formatCaseNumber,
  isValidCaseNumber,
  normaliseCaseNumber,
  parseCaseNumber,
} from './lib/case-number';
export type { CaseNumberParts } from './lib/case-number';
export { hasValidMod11_2CheckCharacter, mod11_2CheckCharacter } from './lib/iso7064-mod11-2';
export {
  QUERY_CODE_ALPHABET,
  QUERY_CODE_LENGTH,
  QUERY_CODE_RANDOM_BYTES,
  generateQueryCode,
  isQueryCode,
  normaliseQueryCode,
} from './lib/query-code';

// Deadlines
export {
  PRE_REVIEW_WORKING_DAYS,
  caseDeadlines,
  preReviewDeemedAcceptanceDate,
  stepDeadline,
  supervisionLevelFor,
} from './lib/deadlines';
export type { CaseDeadlines, LimitSpec, StepDeadline } from './lib/deadlines';

// Ratings (好差评)
export {
  HALL_INDICATORS,
  ONLINE_INDICATORS,
  RATING_CHANNELS,
  RATING_CHANNEL_LABELS,
  RATING_LABELS,
  RATING_LEVELS,
  RatingLevel,
  fromGbt39046Code,
  fromHaoChaPingCode,
  fromRatingChannelCode,
  isBadReview,
  toGbt39046Code,
  toHaoChaPingCode,
  toRatingChannelCode,
} from './lib/rating';
export type { HallIndicator, OnlineIndicator, RatingChannel, RatingChannelCode, RatingCode } from './lib/rating';

// Applicant-facing timeline
export { buildTimeline } from './lib/timeline';
export type { StepOutcome, TimelineEntry, TimelineEventInput, TimelineStepDefinition, TimelineStepRecordInput } from './lib/timeline';

// Rectification of bad reviews (差评整改)
export {
  FINISHED_RECTIFICATION_STATUSES,
  MAX_RECTIFICATION_EXTENSION_WORKING_DAYS,
  RECTIFICATION_ACTIONS,
  RECTIFICATION_NOTE_REQUIRED,
  RECTIFICATION_STATUSES,
  rectificationActionsFor,
  rectificationStep,
} from './lib/rectification';
export type { RectificationAction, RectificationRefusal, RectificationState, RectificationStatus } from './lib/rectification';
