import { fieldErrorMessage } from './field-error.pipe';

describe('fieldErrorMessage', () => {
  it('maps validator errors to translation keys, server errors first', () => {
    expect(fieldErrorMessage(null)).toBeNull();
    expect(fieldErrorMessage({ required: true })).toEqual({ key: 'validation.required' });
    expect(fieldErrorMessage({ residentIdNumber: 'checkDigit' })).toEqual({ key: 'validation.residentIdNumber.checkDigit' });
    expect(fieldErrorMessage({ uscc: 'format' })).toEqual({ key: 'validation.uscc.format' });
    expect(fieldErrorMessage({ minlength: { requiredLength: 8, actualLength: 3 } })).toEqual({
      key: 'validation.minlength',
      params: { requiredLength: 8 },
    });
    const server = { key: 'validation.server.isResidentIdNumber' };
    expect(fieldErrorMessage({ server, required: true })).toBe(server);
    expect(fieldErrorMessage({ somethingElse: true })).toEqual({ key: 'validation.invalid' });
  });
});
