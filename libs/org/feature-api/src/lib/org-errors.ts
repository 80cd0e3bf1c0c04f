import { defineErrors } from '@zhengwu/server/core/errors';

export const OrgError = defineErrors({
  APPLICANT_ALREADY_REGISTERED: {
    kind: 'conflict',
    message: {
      zh: '该证件号码已注册，请直接登录或找回密码。',
      en: 'This identity number is already registered; sign in instead.',
    },
  },
  APPLICANT_IDENTIFIER_AMBIGUOUS: {
    kind: 'invalid',
    message: {
      zh: '该手机号关联了多个账号，请使用证件号码登录。',
      en: 'This mobile number belongs to several accounts; sign in with the identity number.',
    },
  },
  APPLICANT_ACCOUNTS_ELSEWHERE: {
    kind: 'not_found',
    message: {
      zh: '申请人账号由省级统一身份认证平台管理，请在该平台注册或登录。',
      en: 'Applicant accounts are kept by the identity issuer; register or sign in there.',
    },
  },
  STAFF_USERNAME_TAKEN: {
    kind: 'conflict',
    message: { zh: '本中心已有同名账号。', en: 'This centre already has an account with that username.' },
  },
  DIVISION_NOT_FOUND: {
    kind: 'not_found',
    message: { zh: '未找到该行政区划代码。', en: 'No such division code.' },
  },
  PROFILE_NOT_FOUND: {
    kind: 'not_found',
    message: { zh: '账号不存在或已停用。', en: 'The account does not exist or is disabled.' },
  },
});

/** PostgreSQL unique_violation on a named constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? error;
  const { code, constraint: name } = driverError as { code?: string; constraint?: string };
  return code === '23505' && name === constraint;
}
