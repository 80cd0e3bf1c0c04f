import { defineErrors } from '@zhengwu/server/core/errors';

export const CalendarError = defineErrors({
  CALENDAR_RANGE_INVALID: {
    kind: 'invalid',
    message: {
      zh: '日期范围无效：结束日期不能早于开始日期，且一次最多查询 366 天。',
      en: 'Invalid date range: "to" may not precede "from", and one request covers at most 366 days.',
    },
  },
  CALENDAR_OVERRIDE_NOT_FOUND: {
    kind: 'not_found',
    message: { zh: '该日期没有本中心的日历调整。', en: 'This centre has no calendar override for that date.' },
  },
});
