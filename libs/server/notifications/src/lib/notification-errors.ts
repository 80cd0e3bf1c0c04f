import { defineErrors } from '@zhengwu/server/core/errors';

export const NotificationError = defineErrors({
  NOTIFICATION_NOT_FOUND: {
    kind: 'not_found',
    message: { zh: '未找到该通知。', en: 'No such notification.' },
  },
  NOTIFICATIONS_APPLICANTS_ONLY: {
    kind: 'forbidden',
    message: { zh: '只有申请人本人可以查看自己的通知。', en: 'Only applicants can read their own notifications.' },
  },
});
