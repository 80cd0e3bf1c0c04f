import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { defineErrors } from './domain-error';
import { toErrorResponse } from './error-response';
import { flattenValidationErrors } from './validation-exception.factory';

const TestError = defineErrors({
  THING_LOCKED: { kind: 'conflict', message: { zh: '已锁定', en: 'Locked' } },
});

describe('toErrorResponse', () => {
  it('keeps a domain error’s code, message, details and kind-derived status', () => {
    const response = toErrorResponse(TestError.THING_LOCKED({ id: 7 }));
    expect(response).toEqual({
      status: 409,
      body: { code: 'THING_LOCKED', message: { zh: '已锁定', en: 'Locked' }, details: { id: 7 } },
      unexpected: false,
    });
    expect(TestError.THING_LOCKED.code).toBe('THING_LOCKED');
  });

  it.each([
    [new NotFoundException('Cannot GET /x'), 404, 'ROUTE_NOT_FOUND'],
    [new HttpException('Unsupported Media Type', 415), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [new HttpException('Request body is too large', 413), 413, 'PAYLOAD_TOO_LARGE'],
    [new BadRequestException('nope'), 400, 'BAD_REQUEST'],
    [Object.assign(new Error('x'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [new SyntaxError('Unexpected token'), 400, 'MALFORMED_BODY'],
  ])('maps framework error %# to %i %s', (error, status, code) => {
    const response = toErrorResponse(error);
    expect(response.status).toBe(status);
    expect(response.body.code).toBe(code);
    expect(response.unexpected).toBe(false);
    expect(response.body.message.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('hides anything unexpected behind a 500 without leaking its message', () => {
    const response = toErrorResponse(new Error('password=hunter2 at db.internal'));
    expect(response.status).toBe(500);
    expect(response.body.code).toBe('INTERNAL_ERROR');
    expect(JSON.stringify(response.body)).not.toContain('hunter2');
    expect(response.unexpected).toBe(true);
  });
});

describe('flattenValidationErrors', () => {
  it('names nested properties by their path', () => {
    expect(
      flattenValidationErrors([
        { property: 'materials', children: [{ property: '0', children: [{ property: 'code', constraints: { isString: 'code must be a string' } }] }] },
        { property: 'name', constraints: { maxLength: 'too long' } },
      ]),
    ).toEqual([
      { property: 'materials.0.code', constraints: { isString: 'code must be a string' } },
      { property: 'name', constraints: { maxLength: 'too long' } },
    ]);
  });
});
