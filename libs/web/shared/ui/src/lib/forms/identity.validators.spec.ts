import { FormControl, FormGroup } from '@angular/forms';
import { generateResidentIdNumber, generateUscc } from '@zhengwu/shared/util';
import {
  loginIdentifierValidator,
  matchesControl,
  mobileValidator,
  residentIdNumberValidator,
  usccValidator,
} from './identity.validators';

const validId = generateResidentIdNumber({ divisionCode: '510981', birthDate: '1990-03-07', sequence: 123 });
const validUscc = generateUscc({ divisionCode: '510900', serial: 12345678 });

/** The same value with its last (check) character replaced by another valid-looking one. */
function withWrongCheck(value: string, alphabet: string): string {
  const last = value.charAt(value.length - 1);
  return value.slice(0, -1) + [...alphabet].find((c) => c !== last);
}

const errorsOf = (validator: typeof residentIdNumberValidator, value: unknown) => validator(new FormControl(value));

describe('residentIdNumberValidator', () => {
  it('accepts a valid number, also with a lower-case x or surrounding spaces', () => {
    expect(errorsOf(residentIdNumberValidator, validId)).toBeNull();
    expect(errorsOf(residentIdNumberValidator, ` ${validId} `)).toBeNull();
    expect(errorsOf(residentIdNumberValidator, '')).toBeNull(); // `required` reports empty
  });

  it('names the problem', () => {
    expect(errorsOf(residentIdNumberValidator, validId.slice(0, 17))).toEqual({ residentIdNumber: 'length' });
    expect(errorsOf(residentIdNumberValidator, `A${validId.slice(1)}`)).toEqual({ residentIdNumber: 'format' });
    expect(errorsOf(residentIdNumberValidator, `51098119901307${validId.slice(14)}`)).toEqual({ residentIdNumber: 'birthDate' });
    expect(errorsOf(residentIdNumberValidator, withWrongCheck(validId, '0123456789X'))).toEqual({ residentIdNumber: 'checkDigit' });
  });
});

describe('usccValidator', () => {
  it('accepts a valid code and names problems', () => {
    expect(errorsOf(usccValidator, validUscc)).toBeNull();
    expect(errorsOf(usccValidator, validUscc.toLowerCase())).toBeNull();
    expect(errorsOf(usccValidator, validUscc.slice(1))).toEqual({ uscc: 'length' });
    expect(errorsOf(usccValidator, `I${validUscc.slice(1)}`)).toEqual({ uscc: 'format' });
    expect(errorsOf(usccValidator, withWrongCheck(validUscc, '0123456789ABCDEFGHJKLMNPQRTUWXY'))).toEqual({ uscc: 'checkCharacter' });
  });
});

describe('loginIdentifierValidator', () => {
  it('accepts an ID number, a USCC or a mobile number', () => {
    for (const value of [validId, validUscc, '13812345678']) expect(errorsOf(loginIdentifierValidator, value)).toBeNull();
  });

  it('reports the ID checksum for an 18-digit value that passes neither check', () => {
    expect(errorsOf(loginIdentifierValidator, withWrongCheck(validId, '0123456789'))).toEqual({ residentIdNumber: 'checkDigit' });
  });

  it('reports the USCC checksum for an 18-character value with letters', () => {
    const letters = `91510900MA${validUscc.slice(10)}`;
    expect(errorsOf(loginIdentifierValidator, letters)).toEqual({ uscc: expect.any(String) });
  });

  it('reports other lengths and bad mobile numbers', () => {
    expect(errorsOf(loginIdentifierValidator, '12345')).toEqual({ loginIdentifier: true });
    expect(errorsOf(loginIdentifierValidator, '12012345678')).toEqual({ mobile: true });
  });
});

describe('mobileValidator and matchesControl', () => {
  it('checks mainland mobile numbers', () => {
    expect(errorsOf(mobileValidator, '13912345678')).toBeNull();
    expect(errorsOf(mobileValidator, '1391234567')).toEqual({ mobile: true });
  });

  it('compares with a sibling control', () => {
    const form = new FormGroup({
      password: new FormControl('secret-123'),
      confirm: new FormControl('secret-124', matchesControl('password')),
    });
    form.controls.confirm.updateValueAndValidity(); // validators first ran before the control had a parent
    expect(form.controls.confirm.errors).toEqual({ passwordMismatch: true });
    form.controls.confirm.setValue('secret-123');
    expect(form.controls.confirm.errors).toBeNull();
  });
});
