/**
 * The code values the catalogue's requests accept (GB/T 39046 appendix A). The labels and the
 * rules live in `@zhengwu/catalogue/domain`, which this shared library may not import; a test in
 * the catalogue feature checks both lists agree.
 */
export const ITEM_TYPE_CODES = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '20'] as const;
export type ItemTypeCodeValue = (typeof ITEM_TYPE_CODES)[number];

export const EXERCISE_LEVEL_CODES = [1, 2, 3, 4, 5, 6, 7] as const;
export const SERVICE_OBJECT_CODES = [1, 2, 3, 4, 5, 6] as const;
export const HANDLING_FORM_CODES = [1, 2, 3, 4, 9] as const;

export const CASE_TYPE_CODES = ['immediate', 'promised'] as const;
export type CaseTypeValue = (typeof CASE_TYPE_CODES)[number];

export const CROSS_REGION_SCOPE_CODES = ['none', 'cross_county', 'cross_city', 'cross_province', 'national'] as const;
export type CrossRegionScopeValue = (typeof CROSS_REGION_SCOPE_CODES)[number];

export const LIMIT_UNIT_CODES = ['working_day', 'natural_day'] as const;
export type LimitUnitValue = (typeof LIMIT_UNIT_CODES)[number];

export const ORIGINALS_CHECK_POINT_CODES = ['after_approval', 'before_acceptance'] as const;
export type OriginalsCheckPointValue = (typeof ORIGINALS_CHECK_POINT_CODES)[number];

export const STEP_POST_CODES = ['window_clerk', 'reviewer', 'approver'] as const;
export type StepPostValue = (typeof STEP_POST_CODES)[number];

export const CATALOGUE_STATUS_CODES = ['draft', 'published', 'retired'] as const;
export type CatalogueStatusValue = (typeof CATALOGUE_STATUS_CODES)[number];

/** Department, window, material and step codes: short identifiers staff type and systems exchange. */
export const CATALOGUE_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;
/**
 * National basic / implementation codes and local codes (GB/T 39554.1). Stored uncapped (a real
 * Sichuan implementation code is `511A0138000000-511602000000-000-115113010833722043-1-00`);
 * requests are bounded only so a body cannot carry a megabyte "code".
 */
export const ITEM_CODE_PATTERN = /^[0-9A-Za-z][0-9A-Za-z._-]*$/;
export const ITEM_CODE_MAX_LENGTH = 1000;
