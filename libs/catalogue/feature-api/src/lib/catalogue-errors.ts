import { defineErrors } from '@zhengwu/server/core/errors';

/**
 * Errors of the catalogue. PROCEDURE_SLA_VIOLATION is a conflict (409): the publish request is
 * well-formed, but the stored steps do not fit the item's current limits; it can succeed once the
 * draft or the limits change. Its `details` are the lint errors, each naming its step.
 */
export const CatalogueError = defineErrors({
  DEPARTMENT_NOT_FOUND: {
    kind: 'not_found',
    message: { zh: '本中心没有该部门。', en: 'This centre has no such department.' },
  },
  DEPARTMENT_CODE_TAKEN: {
    kind: 'conflict',
    message: { zh: '本中心已有该编码的部门。', en: 'This centre already has a department with that code.' },
  },
  WINDOW_NOT_FOUND: {
    kind: 'not_found',
    message: { zh: '本中心没有该窗口。', en: 'This centre has no such window.' },
  },
  WINDOW_CODE_TAKEN: {
    kind: 'conflict',
    message: { zh: '本中心已有该编码的窗口。', en: 'This centre already has a window with that code.' },
  },
  ITEM_NOT_FOUND: {
    kind: 'not_found',
    message: { zh: '本中心没有该事项，或事项尚未发布。', en: 'This centre has no such item, or it is not published.' },
  },
  ITEM_CODE_TAKEN: {
    kind: 'conflict',
    message: { zh: '本中心已有该实施编码的事项。', en: 'This centre already has an item with that implementation code.' },
  },
  DEPARTMENT_UNKNOWN: {
    kind: 'invalid',
    message: { zh: '所选部门不属于本中心。', en: 'The department given does not belong to this centre.' },
  },
  ITEM_LIMITS_INVALID: {
    kind: 'invalid',
    message: {
      zh: '事项时限不合规：承诺时限不得超过法定时限，即办件的承诺时限须为 0。',
      en: 'The limits are not valid: the promise may not exceed the legal limit, and an item decided on the spot promises 0 days.',
    },
  },
  ITEM_FIELDS_INCONSISTENT: {
    kind: 'invalid',
    message: { zh: '全程网办的事项必须支持网上申请。', en: 'An item handled fully online must be applicable online.' },
  },
  ITEM_NOT_PUBLISHABLE: {
    kind: 'conflict',
    message: { zh: '事项还没有已发布的办理流程，不能发布。', en: 'The item has no published procedure yet, so it cannot be published.' },
  },
  ITEM_STATUS_UNCHANGED: {
    kind: 'conflict',
    message: { zh: '事项已处于该状态。', en: 'The item already has that status.' },
  },
  MATERIAL_NOT_FOUND: {
    kind: 'not_found',
    message: { zh: '该事项没有此材料。', en: 'The item has no such material.' },
  },
  MATERIAL_CODE_TAKEN: {
    kind: 'conflict',
    message: { zh: '该事项已有此编码的材料。', en: 'The item already has a material with that code.' },
  },
  MATERIAL_SAMPLE_UNKNOWN: {
    kind: 'invalid',
    message: { zh: '所选示范文本不属于本中心。', en: 'The sample document given does not belong to this centre.' },
  },
  SAMPLE_DOCUMENT_NOT_FOUND: {
    kind: 'not_found',
    message: { zh: '本中心没有该示范文本。', en: 'This centre has no such sample document.' },
  },
  SAMPLE_DOCUMENT_MISSING: {
    kind: 'invalid',
    message: {
      zh: '请以 multipart/form-data 上传一个文件（字段名 file）。',
      en: 'Upload one file as multipart/form-data (field "file").',
    },
  },
  SAMPLE_DOCUMENT_TYPE_UNSUPPORTED: {
    kind: 'unsupported_media_type',
    message: {
      zh: '示范文本只能是 PDF、JPEG 或 PNG 文件（按文件内容识别）。',
      en: 'A sample document must be a PDF, JPEG or PNG file (judged by its content).',
    },
  },
  SAMPLE_DOCUMENT_TOO_LARGE: {
    kind: 'payload_too_large',
    message: { zh: '示范文本不能超过 5 MB。', en: 'A sample document may not exceed 5 MB.' },
  },
  PROCEDURE_VERSION_NOT_FOUND: {
    kind: 'not_found',
    message: { zh: '没有该办理流程版本。', en: 'No such procedure version.' },
  },
  PROCEDURE_STEPS_INVALID: {
    kind: 'invalid',
    message: {
      zh: '办理环节有误：环节编码不能重复，时限须为不小于 0 的整数。',
      en: 'The steps are not valid: step codes must be distinct and limits whole numbers ≥ 0.',
    },
  },
  PROCEDURE_SLA_VIOLATION: {
    kind: 'conflict',
    message: {
      zh: '办理流程不符合时限要求，不能发布；详见各环节的错误说明。',
      en: 'The procedure breaks the time limits and cannot be published; see the errors for each step.',
    },
  },
  PROCEDURE_VERSION_IMMUTABLE: {
    kind: 'conflict',
    message: {
      zh: '已发布或已停用的办理流程版本不能修改，请新建版本。',
      en: 'A published or retired procedure version cannot change; create a new version.',
    },
  },
  PROCEDURE_VERSION_CONFLICT: {
    kind: 'conflict',
    message: { zh: '他人同时修改了该事项的办理流程，请刷新后重试。', en: "Someone changed this item's procedure at the same time; reload and retry." },
  },
});

interface DriverError {
  code?: string;
  constraint?: string;
}

function driverError(error: unknown): DriverError {
  return ((error as { driverError?: DriverError }).driverError ?? error) as DriverError;
}

/** PostgreSQL unique_violation on a named constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const { code, constraint: name } = driverError(error);
  return code === '23505' && name === constraint;
}

/** A refusal by the immutability triggers of procedure versions and steps. */
export function isImmutableProcedure(error: unknown): boolean {
  const { code, constraint } = driverError(error);
  return code === '42501' && (constraint === 'procedure_versions_immutable' || constraint === 'procedure_steps_immutable');
}
