import { defineErrors } from './domain-error';

/** Errors raised by the platform itself (HTTP layer, validation, auth), not by a domain module. */
export const PlatformError = defineErrors({
  VALIDATION_FAILED: {
    kind: 'invalid',
    message: { zh: '提交的数据不符合要求，请检查后重试。', en: 'The submitted data is not valid.' },
  },
  MALFORMED_BODY: {
    kind: 'invalid',
    message: { zh: '请求内容无法解析（JSON 格式错误）。', en: 'The request body could not be parsed as JSON.' },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    kind: 'unsupported_media_type',
    message: { zh: '不支持该内容类型。', en: 'This content type is not supported.' },
  },
  PAYLOAD_TOO_LARGE: {
    kind: 'payload_too_large',
    message: { zh: '请求内容过大。', en: 'The request body is too large.' },
  },
  ROUTE_NOT_FOUND: {
    kind: 'not_found',
    message: { zh: '请求的地址不存在。', en: 'No such endpoint.' },
  },
  METHOD_NOT_ALLOWED: {
    kind: 'invalid',
    message: { zh: '该地址不支持此请求方法。', en: 'This method is not allowed here.' },
  },
  BAD_REQUEST: {
    kind: 'invalid',
    message: { zh: '请求无效。', en: 'The request is not valid.' },
  },
  IDEMPOTENCY_KEY_REQUIRED: {
    kind: 'invalid',
    message: { zh: '缺少 Idempotency-Key 请求头。', en: 'An Idempotency-Key header is required.' },
  },
  CONCURRENT_MODIFICATION: {
    kind: 'conflict',
    message: {
      zh: '该记录已被他人修改，请刷新后重试。',
      en: 'Someone else changed this record; reload and try again.',
    },
  },
  RATE_LIMITED: {
    kind: 'too_many_requests',
    message: { zh: '请求过于频繁，请稍后再试。', en: 'Too many requests; try again later.' },
  },
  SERVICE_UNAVAILABLE: {
    kind: 'unavailable',
    message: { zh: '服务暂不可用，请稍后再试。', en: 'The service is temporarily unavailable.' },
  },
  INTERNAL_ERROR: {
    kind: 'internal',
    message: { zh: '系统内部错误，请稍后再试或联系管理员。', en: 'Internal error; try again later or contact support.' },
  },
});
