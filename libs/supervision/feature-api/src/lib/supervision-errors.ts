import { defineErrors } from '@zhengwu/server/core/errors';

export const SupervisionError = defineErrors({
  RULE_INVALID: {
    kind: 'invalid',
    message: { zh: '监察规则不完整或不合法。', en: 'The supervision rule is incomplete or not valid.' },
  },
  RULE_LOOSENS_PROVINCE_RULE: {
    kind: 'invalid',
    message: {
      zh: '下级中心只能收紧省级监察规则（更早预警、更高等级、更多通知对象），不能放宽。',
      en: 'A centre may only tighten a province rule (earlier, higher level, more recipients), never loosen it.',
    },
  },
  PROVINCE_RULE_NOT_REMOVABLE: {
    kind: 'conflict',
    message: { zh: '省级规则不能在下级中心删除。', en: 'A province rule cannot be removed at a centre.' },
  },
  RULE_NOT_FOUND: {
    kind: 'not_found',
    message: { zh: '未找到该监察规则。', en: 'No such supervision rule.' },
  },
  NOTICE_NOT_FOUND: {
    kind: 'not_found',
    message: { zh: '未找到该督办通知。', en: 'No such supervision notice.' },
  },
  NOTICE_CLOSED: {
    kind: 'conflict',
    message: { zh: '该督办已办结，不能再回复或关闭。', en: 'This supervision notice is closed.' },
  },
  NOTICE_NOT_FOR_YOUR_DEPARTMENT: {
    kind: 'forbidden',
    message: {
      zh: '该督办通知须由被督办部门的负责人答复。',
      en: 'Only a head of the department this notice is addressed to may answer it.',
    },
  },
});
