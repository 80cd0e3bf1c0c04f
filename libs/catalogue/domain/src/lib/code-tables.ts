/**
 * GB/T 39046-2020 (政务服务平台基础数据规范) appendix A code tables used by the catalogue, each
 * entry with its Chinese and English label. Codes are stored as given here; the external GB/T
 * codes of the two tables kept as words internally (case type) are carried as `gbCode`.
 */
export interface CodeLabel<C extends string | number = string | number> {
  readonly code: C;
  readonly zh: string;
  readonly en: string;
}

/** 事项类型. */
export const ITEM_TYPES = [
  { code: '01', zh: '行政许可', en: 'Administrative licensing' },
  { code: '02', zh: '行政处罚', en: 'Administrative penalty' },
  { code: '03', zh: '行政强制', en: 'Administrative coercion' },
  { code: '04', zh: '行政征收', en: 'Administrative levy' },
  { code: '05', zh: '行政给付', en: 'Administrative benefit payment' },
  { code: '06', zh: '行政检查', en: 'Administrative inspection' },
  { code: '07', zh: '行政确认', en: 'Administrative confirmation' },
  { code: '08', zh: '行政奖励', en: 'Administrative reward' },
  { code: '09', zh: '行政裁决', en: 'Administrative adjudication' },
  { code: '10', zh: '其他行政权力', en: 'Other administrative power' },
  { code: '20', zh: '公共服务', en: 'Public service' },
] as const satisfies readonly CodeLabel<string>[];
export type ItemTypeCode = (typeof ITEM_TYPES)[number]['code'];

/** 行使层级. */
export const EXERCISE_LEVELS = [
  { code: 1, zh: '国家级', en: 'National' },
  { code: 2, zh: '省级', en: 'Provincial' },
  { code: 3, zh: '市级', en: 'City' },
  { code: 4, zh: '县级', en: 'County' },
  { code: 5, zh: '镇（乡、街道）级', en: 'Township' },
  { code: 6, zh: '村（社区）级', en: 'Village (community)' },
  { code: 7, zh: '分级行使', en: 'Exercised at several levels' },
] as const satisfies readonly CodeLabel<number>[];
export type ExerciseLevelCode = (typeof EXERCISE_LEVELS)[number]['code'];

/** 服务对象. */
export const SERVICE_OBJECTS = [
  { code: 1, zh: '自然人', en: 'Natural person' },
  { code: 2, zh: '企业法人', en: 'Enterprise' },
  { code: 3, zh: '事业单位法人', en: 'Public institution' },
  { code: 4, zh: '社会组织法人', en: 'Social organisation' },
  { code: 5, zh: '行政机关', en: 'Administrative organ' },
  { code: 6, zh: '其他组织', en: 'Other organisation' },
] as const satisfies readonly CodeLabel<number>[];
export type ServiceObjectCode = (typeof SERVICE_OBJECTS)[number]['code'];

/** 办理形式. */
export const HANDLING_FORMS = [
  { code: 1, zh: '窗口办理', en: 'At the window' },
  { code: 2, zh: '网上办理（电脑端）', en: 'Online (PC)' },
  { code: 3, zh: '网上办理（移动端）', en: 'Online (mobile)' },
  { code: 4, zh: '快递申请', en: 'By post' },
  { code: 9, zh: '其他', en: 'Other' },
] as const satisfies readonly CodeLabel<number>[];
export type HandlingFormCode = (typeof HANDLING_FORMS)[number]['code'];

/** 办件类型: GB/T 39046 codes 1 = 即办件, 2 = 承诺件. */
export const CASE_TYPES = [
  { code: 'immediate', gbCode: 1, zh: '即办件', en: 'Decided on the spot' },
  { code: 'promised', gbCode: 2, zh: '承诺件', en: 'Decided by a promised date' },
] as const satisfies readonly (CodeLabel<string> & { gbCode: number })[];
export type CaseType = (typeof CASE_TYPES)[number]['code'];

/** 通办范围 (国办发〔2020〕35号). */
export const CROSS_REGION_SCOPES = [
  { code: 'none', zh: '不支持通办', en: 'Only at this centre' },
  { code: 'cross_county', zh: '市内跨县通办', en: 'Across counties of the city' },
  { code: 'cross_city', zh: '省内跨市通办', en: 'Across cities of the province' },
  { code: 'cross_province', zh: '跨省通办', en: 'Across provinces' },
  { code: 'national', zh: '全国通办', en: 'Nationwide' },
] as const satisfies readonly CodeLabel<string>[];
export type CrossRegionScope = (typeof CROSS_REGION_SCOPES)[number]['code'];

/** 时限单位. 行政许可法 §82: statutory limits are working days; some regulations use natural days. */
export const LIMIT_UNITS = [
  { code: 'working_day', zh: '工作日', en: 'working days' },
  { code: 'natural_day', zh: '自然日', en: 'calendar days' },
] as const satisfies readonly CodeLabel<string>[];
export type LimitUnit = (typeof LIMIT_UNITS)[number]['code'];

/** When the paper originals are compared with the uploaded copies (原件核验). */
export const ORIGINALS_CHECK_POINTS = [
  { code: 'after_approval', zh: '审批通过后、领取结果时核验', en: 'After approval, when the result is collected' },
  { code: 'before_acceptance', zh: '受理前核验', en: 'Before acceptance' },
] as const satisfies readonly CodeLabel<string>[];
export type OriginalsCheckPoint = (typeof ORIGINALS_CHECK_POINTS)[number]['code'];

/** 岗位 of a procedure step. */
export const STEP_POSTS = [
  { code: 'window_clerk', zh: '窗口受理', en: 'Window clerk' },
  { code: 'reviewer', zh: '审查', en: 'Reviewer' },
  { code: 'approver', zh: '决定', en: 'Approver' },
] as const satisfies readonly CodeLabel<string>[];
export type StepPost = (typeof STEP_POSTS)[number]['code'];

export const ITEM_STATUSES = [
  { code: 'draft', zh: '草稿', en: 'Draft' },
  { code: 'published', zh: '已发布', en: 'Published' },
  { code: 'retired', zh: '已停用', en: 'Retired' },
] as const satisfies readonly CodeLabel<string>[];
export type CatalogueStatus = (typeof ITEM_STATUSES)[number]['code'];

/** Every table by name, for the public code-table endpoint and the UI. */
export const CATALOGUE_CODE_TABLES = {
  itemTypes: ITEM_TYPES,
  exerciseLevels: EXERCISE_LEVELS,
  serviceObjects: SERVICE_OBJECTS,
  handlingForms: HANDLING_FORMS,
  caseTypes: CASE_TYPES,
  crossRegionScopes: CROSS_REGION_SCOPES,
  limitUnits: LIMIT_UNITS,
  originalsCheckPoints: ORIGINALS_CHECK_POINTS,
  stepPosts: STEP_POSTS,
  statuses: ITEM_STATUSES,
} as const;

export function codesOf<C extends string | number>(table: readonly CodeLabel<C>[]): C[] {
  return table.map((entry) => entry.code);
}

export function labelOf<C extends string | number>(table: readonly CodeLabel<C>[], code: C): CodeLabel<C> | undefined {
  return table.find((entry) => entry.code === code);
}
