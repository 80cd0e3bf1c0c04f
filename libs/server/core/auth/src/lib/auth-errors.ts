import { defineErrors } from '@zhengwu/server/core/errors';

export const AuthError = defineErrors({
  AUTH_REQUIRED: {
    kind: 'unauthenticated',
    message: { zh: '请先登录。', en: 'Sign in first.' },
  },
  AUTH_INVALID_TOKEN: {
    kind: 'unauthenticated',
    message: { zh: '登录凭证无效，请重新登录。', en: 'The access token is not valid; sign in again.' },
  },
  AUTH_TOKEN_EXPIRED: {
    kind: 'unauthenticated',
    message: { zh: '登录已过期，请重新登录。', en: 'Your session has expired; sign in again.' },
  },
  AUTH_INVALID_CREDENTIALS: {
    kind: 'unauthenticated',
    message: { zh: '账号或密码错误。', en: 'Wrong account or password.' },
  },
  AUTH_ACCOUNT_LOCKED: {
    kind: 'too_many_requests',
    message: {
      zh: '密码错误次数过多，账号已临时锁定，请稍后再试。',
      en: 'Too many failed attempts; the account is locked for a while.',
    },
  },
  AUTH_FORBIDDEN: {
    kind: 'forbidden',
    message: { zh: '您没有执行此操作的权限。', en: 'You are not allowed to do this.' },
  },
  AUTH_WRONG_CENTRE: {
    kind: 'forbidden',
    message: { zh: '您不能访问其他政务服务中心的数据。', en: "You cannot act on another centre's data." },
  },
  CENTRE_NOT_HOSTED: {
    kind: 'not_found',
    message: { zh: '本系统未承载该政务服务中心。', en: 'This deployment does not host that centre.' },
  },
});
