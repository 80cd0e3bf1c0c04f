import { defineErrors } from '@zhengwu/server/core/errors';

export const RollupError = defineErrors({
  SNAPSHOT_SENDER_MISMATCH: {
    kind: 'invalid',
    message: {
      zh: '监察汇总快照所述中心与签名发送中心不一致。',
      en: 'The supervision snapshot names another centre than the one that signed it.',
    },
  },
  CENTRE_NOT_IN_DIRECTORY: {
    kind: 'not_found',
    message: { zh: '中心目录中没有该中心。', en: 'The centre is not in the centre directory.' },
  },
});
