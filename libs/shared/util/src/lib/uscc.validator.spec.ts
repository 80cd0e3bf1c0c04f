import fc from 'fast-check';
import { generateUscc } from './identity-test-data.generator';
import { organisationCodeCheckCharacter } from './organisation-code.util';
import { normaliseUscc, USCC_CHARSET, usccCheckCharacter, usccProblem } from './uscc.validator';

// Published codes of real organisations, each verified by computing both its MOD 31 character and
// its embedded GB 11714 organisation-code character (the list of python-stdnum's
// tests/test_cn_uscc.doctest and the companies' own publications).
const REAL_CODES = {
  huawei: '914403001922038216', // 华为技术有限公司
  alibabaChina: '91330100716105852F', // 阿里巴巴（中国）有限公司
  tencent: '9144030071526726XG', // 深圳市腾讯计算机系统有限公司
  beijingEnterprise: '91110000600037341L',
  publicInstitution: '121200004013590816', // authority 1 (机构编制), category 2 (事业单位)
  newStyleCompany: '91310115MA1K3BTP2B', // "MA" organisation codes assigned since 2015
  individualBusiness: '92340603MA2PBN17X5', // authority 9, category 2 (个体工商户)
  letterOrganisationCode: '91620105L015101280',
} as const;

// Pilot-era Fujian codes that are really in use but violate GB 32100's MOD 31 rule (documented by
// bluesky335/IDCheck and hutool's tests). We reject them like any other wrong check character;
// admitting them (e.g. an allow-list) would be a separate, deliberate decision.
const FUJIAN_PILOT_CODES = ['91350100M0001TGQXM', '91350211M0000XUF46', '91350203M0001FUE2P'];

describe('usccProblem', () => {
  it.each(Object.entries(REAL_CODES))('accepts the real code of %s', (_name, code) => {
    expect(usccProblem(code)).toBeNull();
  });

  it('accepts lower case and surrounding spaces, judging the normalised form', () => {
    expect(usccProblem('9144030071526726xg')).toBeNull();
    expect(usccProblem('\u3000 91330100716105852f ')).toBeNull();
    expect(normaliseUscc('\u3000 91330100716105852f ')).toBe(REAL_CODES.alibabaChina);
  });

  it('reports a wrong check character', () => {
    expect(usccProblem('9144030071526726XH')).toBe('checkCharacter');
    expect(usccProblem('914403001922038217')).toBe('checkCharacter');
  });

  it('reports the letters GB 32100 leaves out (I, O, S, V, Z), also typed in lower case', () => {
    for (const letter of ['I', 'O', 'S', 'V', 'Z', 'i', 'o', 's', 'v', 'z']) {
      expect(usccProblem(`91440300715267${letter}6XG`)).toBe('format');
    }
    expect(usccProblem('9144030071526726XO')).toBe('format');
  });

  it('reports a letter in the division code and non-ASCII characters', () => {
    expect(usccProblem('9144A30071526726XG')).toBe('format');
    expect(usccProblem('９144030071526726XG')).toBe('format');
    expect(usccProblem('91440300-71526726X')).toBe('format');
  });

  it('reports the length first, including old 15-digit registration numbers', () => {
    expect(usccProblem('')).toBe('length');
    expect(usccProblem('440301103097413')).toBe('length');
    expect(usccProblem(REAL_CODES.tencent.slice(0, 17))).toBe('length');
    expect(usccProblem(`${REAL_CODES.tencent}0`)).toBe('length');
  });

  it.each(FUJIAN_PILOT_CODES)('rejects the non-standard Fujian pilot code %s (known limitation)', (code) => {
    expect(usccProblem(code)).toBe('checkCharacter');
  });
});

describe('usccCheckCharacter', () => {
  it('computes the GB 32100 character, including 0 when the sum is a multiple of 31', () => {
    expect(usccCheckCharacter(REAL_CODES.huawei.slice(0, 17))).toBe('6');
    expect(usccCheckCharacter(REAL_CODES.tencent.slice(0, 17))).toBe('G');
    expect(usccCheckCharacter(REAL_CODES.letterOrganisationCode.slice(0, 17))).toBe('0');
  });

  it('refuses input that is not 17 GB 32100 characters', () => {
    expect(() => usccCheckCharacter('9144030071526726')).toThrow(RangeError);
    expect(() => usccCheckCharacter('9144030071526726I')).toThrow(RangeError);
  });
});

describe('embedded GB 11714 organisation code', () => {
  it.each(Object.entries(REAL_CODES))('holds for the real code of %s (not enforced by usccProblem)', (_n, code) => {
    expect(organisationCodeCheckCharacter(code.slice(8, 16))).toBe(code.charAt(16));
  });

  it.each(FUJIAN_PILOT_CODES)('holds even for the non-standard pilot code %s', (code) => {
    expect(organisationCodeCheckCharacter(code.slice(8, 16))).toBe(code.charAt(16));
  });
});

describe('USCC properties', () => {
  const options = fc.record({
    divisionCode: fc.stringMatching(/^\d{6}$/),
    serial: fc.integer({ min: 0, max: 99_999_999 }),
  });
  const validCode = options.map((o) => generateUscc(o));

  it('generates valid codes with a valid organisation code, deterministically from the options', () => {
    fc.assert(
      fc.property(options, (o) => {
        const code = generateUscc(o);
        expect(usccProblem(code)).toBeNull();
        expect(generateUscc(o)).toBe(code);
        expect(code.slice(2, 8)).toBe(o.divisionCode);
        expect(organisationCodeCheckCharacter(code.slice(8, 16))).toBe(code.charAt(16));
      }),
    );
  });

  it('generates valid codes when options are left out', () => {
    for (let i = 0; i < 200; i++) expect(usccProblem(generateUscc())).toBeNull();
  });

  it('rejects every single-character substitution (all positions, whole charset)', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        expect(undetectedSubstitutions(code)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects every swap of two different characters among the first 17', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        const undetected: string[] = [];
        for (let i = 0; i < 17; i++) {
          for (let j = i + 1; j < 17; j++) {
            if (code[i] === code[j]) continue;
            const chars = [...code];
            [chars[i], chars[j]] = [chars[j], chars[i]];
            if (usccProblem(chars.join('')) === null) undetected.push(chars.join(''));
          }
        }
        expect(undetected).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('rejects substitutions in real codes too, whose letters the generator never produces', () => {
    for (const code of Object.values(REAL_CODES)) expect(undetectedSubstitutions(code)).toEqual([]);
  });
});

/** The single-character substitutions of a valid code that usccProblem would accept. */
function undetectedSubstitutions(code: string): string[] {
  const undetected: string[] = [];
  for (let position = 0; position < 18; position++) {
    for (const replacement of USCC_CHARSET) {
      if (replacement === code[position]) continue;
      const changed = code.slice(0, position) + replacement + code.slice(position + 1);
      if (usccProblem(changed) === null) undetected.push(changed);
    }
  }
  return undetected;
}
