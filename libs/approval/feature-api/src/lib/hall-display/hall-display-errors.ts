import { defineErrors } from '@zhengwu/server/core/errors';

export const HallDisplayError = defineErrors({
  DISPLAY_TOKEN_INVALID: {
    kind: 'unauthenticated',
    message: {
      zh: '大厅屏令牌无效或已撤销，请联系中心管理员重新生成显示链接。',
      en: 'The display token is invalid or has been revoked; ask the centre admin for a new display link.',
    },
  },
  DISPLAY_NOT_FOUND: {
    kind: 'not_found',
    message: { zh: '未找到该大厅屏。', en: 'No such hall display.' },
  },
});
