import { HostedSelectorError } from './hosted-selector.error';
import { sichuanDivisions as sichuan } from './sichuan-divisions';

const codes = (divisions: Array<{ code: string }>) => divisions.map((d) => d.code);
const SUINING_CHILDREN = ['510903', '510904', '510921', '510923', '510981']; // 船山区 安居区 蓬溪县 大英县 射洪市

describe('sichuanDivisions', () => {
  it('holds 1 province, 21 cities and 183 counties in force, plus 4 replaced counties', () => {
    const current = sichuan.current();
    expect(current).toHaveLength(205);
    expect(current.filter((d) => d.level === 'province')).toHaveLength(1);
    expect(current.filter((d) => d.level === 'city')).toHaveLength(21);
    expect(current.filter((d) => d.level === 'county')).toHaveLength(183);
    expect(sichuan.all()).toHaveLength(209);
    expect(sichuan.all().filter((d) => d.validTo !== null)).toEqual(
      expect.arrayContaining(['510132', '510922', '511028', '513425'].map((code) => expect.objectContaining({ code }))),
    );
  });

  it('keeps the tree consistent: counties under cities under the province, ordered by code', () => {
    for (const d of sichuan.all()) {
      const parent = d.parentCode === null ? undefined : sichuan.find(d.parentCode);
      const expectedParentLevel = { province: undefined, city: 'province', county: 'city' }[d.level];
      expect(parent?.level).toBe(expectedParentLevel);
      expect(d.code12).toBe(`${d.code}000000`);
    }
    const all = codes(sichuan.all());
    expect(all).toEqual([...all].sort());
  });

  it('resolves 510922 to 射洪市, whose parent is 遂宁市', () => {
    const shehong = sichuan.resolve('510922');
    expect(shehong).toMatchObject({ code: '510981', name: '射洪市', level: 'county', parentCode: '510900' });
    expect(sichuan.parentOf('510981')).toMatchObject({ code: '510900', name: '遂宁市' });
  });

  it.each([
    ['511028', '隆昌县', '511083', '隆昌市', '2017-04-09', '2017-04-08', '511000'],
    ['510922', '射洪县', '510981', '射洪市', '2019-01-01', '2018-12-31', '510900'],
    ['510132', '新津县', '510118', '新津区', '2020-06-05', '2020-06-04', '510100'],
    ['513425', '会理县', '513402', '会理市', '2021-01-01', '2020-12-31', '513400'],
  ])('%s %s became %s %s on %s', (oldCode, oldName, newCode, newName, changedOn, dayBefore, parentCode) => {
    expect(sichuan.find(oldCode)).toEqual({
      code: oldCode,
      code12: `${oldCode}000000`,
      name: oldName,
      level: 'county',
      parentCode,
      validFrom: '1980-01-01',
      validTo: changedOn,
      successorCode: newCode,
    });
    expect(sichuan.find(newCode)).toMatchObject({ name: newName, parentCode, validFrom: changedOn, validTo: null });
    expect(sichuan.resolve(oldCode, dayBefore)?.code).toBe(oldCode);
    expect(sichuan.resolve(oldCode, changedOn)?.code).toBe(newCode);
    expect(sichuan.resolve(oldCode, '2024-01-01')?.code).toBe(newCode);
    expect(sichuan.resolve(newCode, dayBefore)).toBeUndefined();
  });

  it('resolves a division that never changed to itself on any day', () => {
    expect(sichuan.resolve('510900', '1990-01-01')?.name).toBe('遂宁市');
    expect(sichuan.resolve('510900')?.name).toBe('遂宁市');
    expect(sichuan.resolve('519999')).toBeUndefined();
  });

  it('walks up the tree', () => {
    expect(codes(sichuan.ancestors('510981'))).toEqual(['510900', '510000']);
    expect(codes(sichuan.ancestors('510922'))).toEqual(['510900', '510000']);
    expect(codes(sichuan.ancestors('510900'))).toEqual(['510000']);
    expect(sichuan.ancestors('510000')).toEqual([]);
    expect(sichuan.parentOf('510000')).toBeUndefined();
    expect(() => sichuan.ancestors('519999')).toThrow('Unknown division code "519999"');
    expect(() => sichuan.parentOf('519999')).toThrow('Unknown division code');
  });

  it('lists the current children of a division', () => {
    expect(codes(sichuan.children('510900'))).toEqual(SUINING_CHILDREN);
    expect(sichuan.children('510900').map((d) => d.name)).toEqual(['船山区', '安居区', '蓬溪县', '大英县', '射洪市']);
    expect(sichuan.children('510000')).toHaveLength(21);
    expect(sichuan.children('510981')).toEqual([]);
    expect(() => sichuan.children('519999')).toThrow('Unknown division code');
  });

  it('checks the form of a code', () => {
    expect(sichuan.isValidCode('510981')).toBe(true);
    expect(sichuan.isValidCode('519999')).toBe(true); // well-formed, even though unknown
    expect(sichuan.isValidCode('51098')).toBe(false);
    expect(sichuan.isValidCode('510981000000')).toBe(false);
    expect(sichuan.isValidCode('5109８1')).toBe(false);
  });
});

describe('sichuanDivisions.selectHosted', () => {
  it('selects everything in force with "all"', () => {
    const all = sichuan.selectHosted('all');
    expect(all).toHaveLength(205);
    expect(all).not.toContain('510922');
  });

  it('selects a level', () => {
    expect(sichuan.selectHosted('level:province')).toEqual(['510000']);
    expect(sichuan.selectHosted('level:city')).toHaveLength(21);
    expect(sichuan.selectHosted('level:county')).toHaveLength(183);
  });

  it('selects a division and everything beneath it', () => {
    expect(sichuan.selectHosted('under:510900')).toEqual(['510900', ...SUINING_CHILDREN]);
    expect(sichuan.selectHosted('under:510981')).toEqual(['510981']);
    expect(sichuan.selectHosted('under:510000')).toEqual(sichuan.selectHosted('all'));
  });

  it('combines entries, trimming spaces, sorted and without duplicates', () => {
    expect(sichuan.selectHosted(' 510981, 510000 ,510981')).toEqual(['510000', '510981']);
    expect(sichuan.selectHosted('under:510900,level:province,510903')).toEqual([
      '510000',
      '510900',
      ...SUINING_CHILDREN,
    ]);
  });

  it.each([
    ['', 'The hosted-tenant selector is empty'],
    [' , ', 'The hosted-tenant selector is empty'],
    ['510981,', 'Empty entry'],
    ['519999', '"519999": unknown division code 519999'],
    ['under:519999', '"under:519999": unknown division code 519999'],
    ['under:5109', '"under:5109": "5109" is not a 6-digit division code'],
    ['level:town', 'Unknown hosted-tenant selector "level:town"'],
    ['ALL', 'Unknown hosted-tenant selector "ALL"'],
    ['510981;510900', 'Unknown hosted-tenant selector "510981;510900"'],
    ['510922', '"510922": 510922 射洪县 was replaced by 510981 射洪市 on 2019-01-01 and cannot be hosted; use 510981'],
    ['under:510132', 'replaced by 510118 新津区 on 2020-06-05 and cannot be hosted; use 510118'],
  ])('refuses %j', (selector, message) => {
    expect(() => sichuan.selectHosted(selector)).toThrow(message);
  });

  it('throws a HostedSelectorError carrying the bad entry', () => {
    let error: unknown;
    try {
      sichuan.selectHosted('510900,level:town');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HostedSelectorError);
    expect((error as HostedSelectorError).token).toBe('level:town');
  });
});
