import fc from 'fast-check';
import { generateResidentIdNumber } from './identity-test-data.generator';
import {
  birthDateOfResidentIdNumber,
  normaliseResidentIdNumber,
  residentIdCheckDigit,
  residentIdNumberProblem,
} from './resident-id-number.validator';

// Every number below was checked by computing its MOD 11-2 character; none belongs to a real
// person except the two examples printed in GB 11643-1999 itself.
const GB_11643_EXAMPLE = '11010519491231002X';
const GB_11643_EXAMPLE_BORN_1880 = '440524188001010014';
const SHEHONG_1990 = '510981199003071233';
const AFTER_TODAY = new Date('2030-01-01T00:00:00Z');

describe('residentIdNumberProblem', () => {
  it('accepts the example printed in GB 11643 and a Shehong number', () => {
    expect(residentIdNumberProblem(GB_11643_EXAMPLE)).toBeNull();
    expect(residentIdNumberProblem(SHEHONG_1990)).toBeNull();
  });

  it('accepts a lower-case x and surrounding (also full-width) spaces, judging the normalised form', () => {
    expect(residentIdNumberProblem('11010519491231002x')).toBeNull();
    expect(residentIdNumberProblem(' \u300011010519491231002x\t')).toBeNull();
    expect(normaliseResidentIdNumber(' \u300011010519491231002x\t')).toBe(GB_11643_EXAMPLE);
  });

  it('reports a wrong check digit', () => {
    expect(residentIdNumberProblem('510981199003071234')).toBe('checkDigit');
    expect(residentIdNumberProblem('110105194912310021')).toBe('checkDigit');
  });

  it('reports dates that do not exist, even with a matching check digit', () => {
    expect(residentIdNumberProblem('510981199002301236')).toBe('birthDate'); // 30 February
    expect(residentIdNumberProblem('510981202302291230')).toBe('birthDate'); // 2023 is not a leap year
    expect(residentIdNumberProblem('510981199013011234')).toBe('birthDate'); // month 13
    expect(residentIdNumberProblem('510981199001001231')).toBe('birthDate'); // day 0
    expect(residentIdNumberProblem('510981202402291238', AFTER_TODAY)).toBeNull(); // 2024 is
  });

  it('reports birth dates in the future and before 1900', () => {
    expect(residentIdNumberProblem('510981210001011231')).toBe('birthDate'); // 2100-01-01
    expect(residentIdNumberProblem('510104189912310013')).toBe('birthDate');
    expect(residentIdNumberProblem('510104190001010018')).toBeNull();
    // GB 11643's own second example: well-formed, but refused by our 1900 floor.
    expect(residentIdCheckDigit(GB_11643_EXAMPLE_BORN_1880.slice(0, 17))).toBe('4');
    expect(residentIdNumberProblem(GB_11643_EXAMPLE_BORN_1880)).toBe('birthDate');
  });

  it('decides "not in the future" by the date in China, whatever the clock zone', () => {
    const bornOn1June2024 = '51098120240601123X';
    expect(residentIdCheckDigit(bornOn1June2024.slice(0, 17))).toBe('X');
    // 2024-05-31T16:00Z is midnight in Beijing: the baby can have been born.
    expect(residentIdNumberProblem(bornOn1June2024, new Date('2024-05-31T16:00:00Z'))).toBeNull();
    expect(residentIdNumberProblem(bornOn1June2024, new Date('2024-05-31T15:59:59Z'))).toBe('birthDate');
  });

  it('reports the length before anything else, including old 15-digit numbers', () => {
    expect(residentIdNumberProblem('')).toBe('length');
    expect(residentIdNumberProblem('510981900307123')).toBe('length');
    expect(residentIdNumberProblem(SHEHONG_1990.slice(0, 17))).toBe('length');
    expect(residentIdNumberProblem(`${SHEHONG_1990}0`)).toBe('length');
  });

  it('reports characters other than 17 digits and a final digit or X', () => {
    expect(residentIdNumberProblem('5109811990030712X3')).toBe('format');
    expect(residentIdNumberProblem('51098119900307123Y')).toBe('format');
    expect(residentIdNumberProblem('５10981199003071233')).toBe('format'); // full-width 5
    expect(residentIdNumberProblem('-10981199003071233')).toBe('format');
    expect(residentIdNumberProblem('51098119900 307123')).toBe('format'); // only the ends are trimmed
  });
});

describe('residentIdCheckDigit', () => {
  it('computes ISO 7064 MOD 11-2 including the X for 10', () => {
    expect(residentIdCheckDigit('11010519491231002')).toBe('X');
    expect(residentIdCheckDigit('51098119900307123')).toBe('3');
  });

  it('refuses anything but 17 digits without echoing the value', () => {
    expect(() => residentIdCheckDigit('5109811990030712')).toThrow('got 16 characters');
    expect(() => residentIdCheckDigit('5109811990030712X')).toThrow(RangeError);
  });
});

describe('birthDateOfResidentIdNumber', () => {
  it('returns the ISO date of a valid number', () => {
    expect(birthDateOfResidentIdNumber(GB_11643_EXAMPLE)).toBe('1949-12-31');
    expect(birthDateOfResidentIdNumber(' 11010519491231002x')).toBe('1949-12-31');
  });

  it('throws for an invalid number', () => {
    expect(() => birthDateOfResidentIdNumber('510981199003071234')).toThrow('checkDigit');
    expect(() => birthDateOfResidentIdNumber('510981199002301236')).toThrow('birthDate');
  });
});

describe('resident ID number properties', () => {
  const birthDate = fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const options = fc.record({
    divisionCode: fc.stringMatching(/^\d{6}$/),
    birthDate,
    sequence: fc.integer({ min: 0, max: 999 }),
  });
  const validId = options.map((o) => generateResidentIdNumber(o));
  const DIGITS = '0123456789';

  it('generates valid numbers, deterministically from the options', () => {
    fc.assert(
      fc.property(options, (o) => {
        const id = generateResidentIdNumber(o);
        expect(residentIdNumberProblem(id)).toBeNull();
        expect(generateResidentIdNumber(o)).toBe(id);
        expect(id.slice(0, 6)).toBe(o.divisionCode);
        expect(birthDateOfResidentIdNumber(id)).toBe(o.birthDate);
      }),
    );
  });

  it('generates valid numbers when options are left out', () => {
    for (let i = 0; i < 200; i++) expect(residentIdNumberProblem(generateResidentIdNumber())).toBeNull();
  });

  it('rejects every single-character substitution (all positions, all allowed characters)', () => {
    fc.assert(
      fc.property(validId, (id) => {
        const undetected: string[] = [];
        for (let position = 0; position < 18; position++) {
          const allowed = position === 17 ? `${DIGITS}X` : DIGITS;
          for (const replacement of allowed) {
            if (replacement === id[position]) continue;
            const changed = id.slice(0, position) + replacement + id.slice(position + 1);
            if (residentIdNumberProblem(changed) === null) undetected.push(changed);
          }
        }
        expect(undetected).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects every swap of two different neighbouring digits', () => {
    fc.assert(
      fc.property(validId, (id) => {
        const undetected: string[] = [];
        for (let i = 0; i < 17; i++) {
          if (id[i] === id[i + 1] || id[i + 1] === 'X') continue;
          const swapped = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
          if (residentIdNumberProblem(swapped) === null) undetected.push(swapped);
        }
        expect(undetected).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
