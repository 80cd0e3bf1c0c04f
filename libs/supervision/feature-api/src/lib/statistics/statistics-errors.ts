import { defineErrors } from '@zhengwu/server/core/errors';

export const StatisticsError = defineErrors({
  STATISTICS_PERIOD_INVALID: {
    kind: 'invalid',
    message: {
      zh: '统计期间无效：起止日期须为 YYYY-MM-DD 格式的有效日期，且开始日期不晚于结束日期。',
      en: 'The statistics period is not valid: from and to must be real dates (YYYY-MM-DD) and from must not be after to.',
    },
  },
});
