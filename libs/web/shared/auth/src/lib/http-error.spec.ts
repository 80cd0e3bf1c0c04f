import { HttpErrorResponse } from '@angular/common/http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeHttpError, errorBodyOf, TRANSLATED_SERVER_CONSTRAINTS } from './http-error';

const invalidCredentials = {
  code: 'AUTH_INVALID_CREDENTIALS',
  message: { zh: '账号或密码错误', en: 'Wrong account or password' },
};

describe('describeHttpError', () => {
  it('uses the API message in both languages', () => {
    const described = describeHttpError(new HttpErrorResponse({ status: 401, error: invalidCredentials }));
    expect(described).toEqual({
      status: 401,
      code: 'AUTH_INVALID_CREDENTIALS',
      message: { localized: invalidCredentials.message },
      fieldErrors: {},
    });
  });

  it('reads an ErrorBody that arrived as text', () => {
    const described = describeHttpError(new HttpErrorResponse({ status: 409, error: JSON.stringify(invalidCredentials) }));
    expect(described.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('says the network is down when the server was not reached', () => {
    expect(describeHttpError(new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') })).message).toEqual({
      key: 'errors.network',
    });
  });

  it('falls back to a generic message for bodies that are not ours', () => {
    const gateway = new HttpErrorResponse({ status: 502, error: '<html><body>Bad Gateway</body></html>' });
    expect(describeHttpError(gateway)).toMatchObject({ code: null, message: { key: 'errors.server' } });
    const notFound = new HttpErrorResponse({ status: 404, error: { message: 'Cannot GET /x' } });
    expect(describeHttpError(notFound)).toMatchObject({ code: null, message: { key: 'errors.unexpected' } });
    expect(describeHttpError(new Error('boom')).message).toEqual({ key: 'errors.unexpected' });
  });

  it('maps VALIDATION_FAILED details onto fields, translating known constraints', () => {
    const error = new HttpErrorResponse({
      status: 400,
      error: {
        code: 'VALIDATION_FAILED',
        message: { zh: '提交的内容有误', en: 'The request is invalid' },
        details: [
          { property: 'idNumber', constraints: { isResidentIdNumber: 'idNumber must be a valid 18-digit resident ID number' } },
          { property: 'mobile', constraints: { somethingNew: 'mobile is odd' } },
          { property: 'address.city', constraints: { maxLength: 'city is too long' } },
          'garbage',
        ],
      },
    });
    expect(describeHttpError(error).fieldErrors).toEqual({
      idNumber: { key: 'validation.server.isResidentIdNumber' },
      mobile: { localized: { zh: 'mobile is odd', en: 'mobile is odd' } },
      'address.city': { key: 'validation.server.maxLength' },
    });
  });
});

describe('errorBodyOf', () => {
  it('rejects bodies without a code or a two-language message', () => {
    expect(errorBodyOf({ code: 'X', message: 'text' })).toBeNull();
    expect(errorBodyOf({ message: { zh: '甲', en: 'A' } })).toBeNull();
    expect(errorBodyOf(null)).toBeNull();
    expect(errorBodyOf('not json')).toBeNull();
  });
});

describe('translated server constraints', () => {
  it.each(['zh-CN', 'en'])('all have a message in the shared %s file', (language) => {
    const path = join(__dirname, '../../../i18n/src/assets/i18n', `${language}.json`);
    const shared = JSON.parse(readFileSync(path, 'utf8')) as { validation: { server: Record<string, string> } };
    for (const name of TRANSLATED_SERVER_CONSTRAINTS) expect(shared.validation.server[name]).toBeTruthy();
  });
});
