import fc from 'fast-check';
import { generateResidentIdNumber } from './identity-test-data.generator';
import { maskMobile, maskName, maskResidentIdNumber } from './personal-data.mask';

describe('maskResidentIdNumber', () => {
  it('keeps the address code and the last four characters', () => {
    expect(maskResidentIdNumber('510981199003071233')).toBe('510981********1233');
    expect(maskResidentIdNumber(' 11010519491231002X ')).toBe('110105********002X');
  });

  it('hides a value of any other length entirely', () => {
    expect(maskResidentIdNumber('510981900307123')).toBe('***************');
    expect(maskResidentIdNumber('')).toBe('');
  });

  it('keeps only the first six and last four characters of any 18-character number', () => {
    fc.assert(
      fc.property(fc.constant(null), () => {
        const id = generateResidentIdNumber();
        const masked = maskResidentIdNumber(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(0, 6)).toBe(id.slice(0, 6));
        expect(masked.slice(6, 14)).toBe('********');
        expect(masked.slice(14)).toBe(id.slice(14));
      }),
    );
  });
});

describe('maskMobile', () => {
  it('keeps the network prefix and the last four digits', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
  });

  it('hides anything that is not 11 digits entirely', () => {
    expect(maskMobile('+8613812345678')).toBe('**************');
    expect(maskMobile('028-8888888')).toBe('***********');
  });

  it('keeps exactly the first three and last four digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1\d{10}$/), (mobile) => {
        const masked = maskMobile(mobile);
        expect(masked).toBe(`${mobile.slice(0, 3)}****${mobile.slice(7)}`);
      }),
    );
  });
});

describe('maskName', () => {
  it('keeps the first character and hides the rest', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('阿依古丽·买买提')).toBe('阿*******');
    expect(maskName('王')).toBe('王');
    expect(maskName('  ')).toBe('');
  });

  it('treats a character outside the BMP as one character', () => {
    expect(maskName('𠀀三')).toBe('𠀀*');
    expect(maskName('张𠀀')).toBe('张*');
  });

  it('keeps the first character and the number of characters', () => {
    const hanzi = fc.constantFrom('张', '李', '欧', '阳', '王', '𠀀', '·', '娜');
    fc.assert(
      fc.property(fc.array(hanzi, { minLength: 1, maxLength: 8 }), (chars) => {
        const masked = Array.from(maskName(chars.join('')));
        expect(masked[0]).toBe(chars[0]);
        expect(masked).toHaveLength(chars.length);
        expect(masked.slice(1).every((c) => c === '*')).toBe(true);
      }),
    );
  });
});
