import { defineErrors } from '@zhengwu/server/core/errors';

export const RoutingError = defineErrors({
  MATERIAL_NOT_IN_TRANSIT: {
    kind: 'not_found',
    message: {
      zh: '材料文件尚未送达（传输存储中没有该文件）。',
      en: 'The material has not arrived: it is not in the transfer store.',
    },
  },
  MATERIAL_DIGEST_MISMATCH: {
    kind: 'invalid',
    message: {
      zh: '收到的材料文件与其 SHA-256 摘要不符，已拒收。',
      en: 'The material received does not match its SHA-256 digest and was refused.',
    },
  },
  MATERIAL_TRANSFER_UNAVAILABLE: {
    kind: 'unavailable',
    message: { zh: '材料传输服务暂不可用，请稍后再试。', en: 'Material transfer is unavailable; try again later.' },
  },
  RECONCILE_REPORT_UNSOLICITED: {
    kind: 'invalid',
    message: {
      zh: '收到的对账报告不对应本中心发出的任何对账请求。',
      en: 'The reconcile report answers no reconcile request this centre sent.',
    },
  },
  DIRECTORY_REFUSED: {
    kind: 'invalid',
    message: {
      zh: '收到的中心目录未通过省级根密钥验证，已拒收。',
      en: 'The centre directory received does not verify against the pinned root key and was refused.',
    },
  },
  RECONCILIATION_CENTRE_NOT_HOSTED: {
    kind: 'not_found',
    message: { zh: '本部署不承载该中心。', en: 'This deployment does not host that centre.' },
  },
});
