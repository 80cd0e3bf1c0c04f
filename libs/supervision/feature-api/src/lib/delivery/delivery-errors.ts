import { defineErrors } from '@zhengwu/server/core/errors';

export const DeliveryError = defineErrors({
  DEPARTMENT_NOT_FOUND: {
    kind: 'not_found',
    message: { zh: '本中心没有该部门。', en: 'No such department at this centre.' },
  },
  HEAD_NOT_STAFF: {
    kind: 'invalid',
    message: {
      zh: '部门负责人须为本中心在职的工作人员。',
      en: 'A department head must be an active staff member of this centre.',
    },
  },
});
