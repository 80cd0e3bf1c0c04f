import { Division, IN_FORCE_BEFORE_RECORDS } from './division.model';
import { DivisionRegistry } from './division.registry';

function division(code: string, overrides: Partial<Division> = {}): Division {
  return {
    code,
    code12: `${code}000000`,
    name: code,
    level: 'county',
    parentCode: null,
    validFrom: IN_FORCE_BEFORE_RECORDS,
    validTo: null,
    successorCode: null,
    ...overrides,
  };
}

describe('DivisionRegistry', () => {
  // A chain of two renames, which the Sichuan data does not have: A → B (2010) → C (2020).
  const chained = new DivisionRegistry([
    division('100000', { level: 'province' }),
    division('100001', { parentCode: '100000', validTo: '2010-01-01', successorCode: '100002' }),
    division('100002', {
      parentCode: '100000',
      validFrom: '2010-01-01',
      validTo: '2020-01-01',
      successorCode: '100003',
    }),
    division('100003', { parentCode: '100000', validFrom: '2020-01-01' }),
  ]);

  it('follows successor links as far as the given day requires', () => {
    expect(chained.resolve('100001', '2009-12-31')?.code).toBe('100001');
    expect(chained.resolve('100001', '2010-01-01')?.code).toBe('100002');
    expect(chained.resolve('100001', '2024-01-01')?.code).toBe('100003');
    expect(chained.resolve('100002', '2015-06-01')?.code).toBe('100002');
  });

  it('resolves nothing on a day before the division existed, nor for an unknown code', () => {
    expect(chained.resolve('100003', '2019-12-31')).toBeUndefined();
    expect(chained.resolve('999999', '2019-12-31')).toBeUndefined();
  });

  it('refuses a malformed day', () => {
    expect(() => chained.resolve('100001', '20240101')).toThrow('not a YYYY-MM-DD date');
  });

  it('names the current successor when a chained old code is to be hosted', () => {
    expect(() => chained.selectHosted('100001')).toThrow('replaced by 100003 100003 on 2010-01-01');
  });

  it('hands out frozen divisions, so one caller cannot change another caller\'s data', () => {
    const found = chained.find('100003') as Division;
    expect(Object.isFrozen(found)).toBe(true);
    expect(() => {
      found.name = 'changed';
    }).toThrow(TypeError);
  });

  it('refuses inconsistent input', () => {
    expect(() => new DivisionRegistry([division('100000'), division('100000')])).toThrow('Duplicate division code');
    expect(() => new DivisionRegistry([division('100001', { parentCode: '100000' })])).toThrow('unknown parent');
    expect(() => new DivisionRegistry([division('100001', { validTo: '2010-01-01' })])).toThrow('both validTo');
    expect(
      () => new DivisionRegistry([division('100001', { validTo: '2010-01-01', successorCode: '100002' })]),
    ).toThrow('unknown successor 100002');
    expect(
      () =>
        new DivisionRegistry([
          division('100001', { validTo: '2010-01-01', successorCode: '100002' }),
          division('100002', { validTo: '2011-01-01', successorCode: '100001' }),
        ]),
    ).toThrow('successor cycle');
  });
});
