import fc from 'fast-check';
import { residentIdCheckDigit } from '@zhengwu/shared/util';
import { formatCaseNumber, isValidCaseNumber, normaliseCaseNumber, parseCaseNumber } from './case-number';
import { mod11_2CheckCharacter } from './iso7064-mod11-2';
import { ITEM_TYPE_CODES } from './item-type';

const CHENGDU = '510100';

describe('formatCaseNumber', () => {
  it('writes division, date, item type, sequence and the MOD 11-2 check character', () => {
    const number = formatCaseNumber({ centreCode: CHENGDU, date: '2026-10-08', itemTypeCode: '01', sequence: 42 });
    expect(number).toHaveLength(23);
    expect(number.slice(0, 22)).toBe('5101002026100801000042');
    expect(number.slice(22)).toBe(mod11_2CheckCharacter('5101002026100801000042'));
    expect(parseCaseNumber(number)).toEqual({ centreCode: CHENGDU, date: '2026-10-08', itemTypeCode: '01', sequence: 42 });
  });

  it('dates a submission instant in China, not in UTC', () => {
    const lateOnSeptember30Utc = new Date('2026-09-30T16:30:00Z'); // 00:30 on 1 October in Chengdu
    const number = formatCaseNumber({ centreCode: CHENGDU, date: lateOnSeptember30Utc, itemTypeCode: '20', sequence: 1 });
    expect(number.slice(6, 14)).toBe('20261001');
  });

  it('writes X for a check value of 10', () => {
    const withX = Array.from({ length: 200 }, (_, i) =>
      formatCaseNumber({ centreCode: CHENGDU, date: '2026-10-08', itemTypeCode: '01', sequence: i + 1 }),
    ).find((n) => n.endsWith('X'));
    expect(withX).toBeDefined();
    expect(isValidCaseNumber(withX as string)).toBe(true);
    expect(isValidCaseNumber((withX as string).replace(/X$/, 'x'))).toBe(true);
  });

  it.each([
    [{ centreCode: '51010', date: '2026-10-08', itemTypeCode: '01', sequence: 1 }],
    [{ centreCode: '051010', date: '2026-10-08', itemTypeCode: '01', sequence: 1 }],
    [{ centreCode: CHENGDU, date: '2026-02-29', itemTypeCode: '01', sequence: 1 }],
    [{ centreCode: CHENGDU, date: '20261008', itemTypeCode: '01', sequence: 1 }],
    [{ centreCode: CHENGDU, date: '2026-10-08', itemTypeCode: '11', sequence: 1 }],
    [{ centreCode: CHENGDU, date: '2026-10-08', itemTypeCode: '1', sequence: 1 }],
    [{ centreCode: CHENGDU, date: '2026-10-08', itemTypeCode: '01', sequence: 0 }],
    [{ centreCode: CHENGDU, date: '2026-10-08', itemTypeCode: '01', sequence: 1_000_000 }],
    [{ centreCode: CHENGDU, date: '2026-10-08', itemTypeCode: '01', sequence: 1.5 }],
  ])('refuses %j', (parts) => {
    expect(() => formatCaseNumber(parts)).toThrow(RangeError);
  });
});

describe('parseCaseNumber', () => {
  const valid = formatCaseNumber({ centreCode: '511602', date: '2026-12-31', itemTypeCode: '07', sequence: 999_999 });

  it('accepts typed input with spaces (including the full-width one)', () => {
    expect(parseCaseNumber(`\u3000 ${valid} `)).toMatchObject({ centreCode: '511602', sequence: 999_999 });
    expect(normaliseCaseNumber(`  ${valid}\u3000`)).toBe(valid);
  });

  it.each([
    ['too short', valid.slice(0, 22)],
    ['too long', `${valid}0`],
    ['letters', valid.replace(/^5/, 'A')],
    ['X in the body', `X${valid.slice(1)}`],
  ])('returns null when %s', (_, value) => {
    expect(parseCaseNumber(value)).toBeNull();
  });

  it('returns null for a well-checked number with an impossible date, item type or sequence', () => {
    const withCheck = (digits: string) => digits + mod11_2CheckCharacter(digits);
    expect(parseCaseNumber(withCheck('5101002026023001000001'))).toBeNull(); // 30 February
    expect(parseCaseNumber(withCheck('5101002026100815000001'))).toBeNull(); // item type 15
    expect(parseCaseNumber(withCheck('5101002026100801000000'))).toBeNull(); // sequence 0
    expect(parseCaseNumber(withCheck('0101002026100801000001'))).toBeNull(); // division 010100
    expect(parseCaseNumber(withCheck('5101002026100801000001'))).not.toBeNull();
  });
});

const partsArb = fc.record({
  centreCode: fc.integer({ min: 100_000, max: 999_999 }).map(String),
  date: fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  itemTypeCode: fc.constantFrom(...ITEM_TYPE_CODES),
  sequence: fc.integer({ min: 1, max: 999_999 }),
});

describe('properties', () => {
  it('round-trips', () => {
    fc.assert(
      fc.property(partsArb, (parts) => {
        expect(parseCaseNumber(formatCaseNumber(parts))).toEqual(parts);
      }),
    );
  });

  it('catches every single wrong character', () => {
    fc.assert(
      fc.property(partsArb, fc.nat(22), fc.constantFrom(...'0123456789X'), (parts, position, replacement) => {
        const number = formatCaseNumber(parts);
        fc.pre(number[position] !== replacement);
        const typo = number.slice(0, position) + replacement + number.slice(position + 1);
        expect(parseCaseNumber(typo)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('catches every swap of two neighbouring different characters', () => {
    fc.assert(
      fc.property(partsArb, fc.nat(21), (parts, position) => {
        const number = formatCaseNumber(parts);
        fc.pre(number[position] !== number[position + 1]);
        const swapped = number.slice(0, position) + number[position + 1] + number[position] + number.slice(position + 2);
        expect(parseCaseNumber(swapped)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });
});

describe('ISO 7064 MOD 11-2', () => {
  it('is the resident ID check character over 17 digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (digits) => {
        expect(mod11_2CheckCharacter(digits)).toBe(residentIdCheckDigit(digits));
      }),
    );
    // The worked example of GB 11643-1999.
    expect(mod11_2CheckCharacter('11010519491231002')).toBe('X');
  });

  it('refuses anything but digits', () => {
    expect(() => mod11_2CheckCharacter('12a')).toThrow(RangeError);
    expect(() => mod11_2CheckCharacter('')).toThrow(RangeError);
  });
});
