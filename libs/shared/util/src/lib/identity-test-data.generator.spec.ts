import { calendarDateInChina } from './china-calendar-date.util';
import { generateResidentIdNumber, generateUscc } from './identity-test-data.generator';

describe('generateResidentIdNumber', () => {
  it('builds the number from the options and appends the check digit', () => {
    expect(generateResidentIdNumber({ divisionCode: '110105', birthDate: '1949-12-31', sequence: 2 })).toBe(
      '11010519491231002X',
    );
    expect(generateResidentIdNumber({ divisionCode: '510981', birthDate: '1990-03-07', sequence: 123 })).toBe(
      '510981199003071233',
    );
  });

  it('refuses options that would make an invalid number', () => {
    expect(() => generateResidentIdNumber({ divisionCode: '51098' })).toThrow('divisionCode');
    expect(() => generateResidentIdNumber({ birthDate: '1990-02-30' })).toThrow('birthDate');
    expect(() => generateResidentIdNumber({ birthDate: '19900307' })).toThrow('birthDate');
    expect(() => generateResidentIdNumber({ birthDate: '1899-12-31' })).toThrow('birthDate');
    expect(() => generateResidentIdNumber({ birthDate: '2100-01-01' })).toThrow('birthDate');
    expect(() => generateResidentIdNumber({ sequence: 1000 })).toThrow('sequence');
    expect(() => generateResidentIdNumber({ sequence: 1.5 })).toThrow('sequence');
  });

  it('accepts today in China as a birth date', () => {
    const today = calendarDateInChina();
    const id = generateResidentIdNumber({ birthDate: today });
    expect(id.slice(6, 14)).toBe(today.replace(/-/g, ''));
  });
});

describe('generateUscc', () => {
  it('builds a company code from the division and serial', () => {
    // Division 440300 and organisation code 71526726-X reproduce Tencent's published code.
    expect(generateUscc({ divisionCode: '440300', serial: 71526726 })).toBe('9144030071526726XG');
    expect(generateUscc({ divisionCode: '510981', serial: 42 })).toMatch(/^915109810000004/);
  });

  it('refuses options that would make an invalid code', () => {
    expect(() => generateUscc({ divisionCode: '5109A1' })).toThrow('divisionCode');
    expect(() => generateUscc({ serial: -1 })).toThrow('serial');
    expect(() => generateUscc({ serial: 100_000_000 })).toThrow('serial');
  });
});
