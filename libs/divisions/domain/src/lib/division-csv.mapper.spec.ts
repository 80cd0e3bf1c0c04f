import { divisionsFromCsv } from './division-csv.mapper';
import { IN_FORCE_BEFORE_RECORDS } from './division.model';

const HEADER = 'code6,code12,name,level,parent_code6,parent_name';
const CHANGES_HEADER = 'old_code6,old_name,new_code6,changed_on';
const SUINING = [
  HEADER,
  '510000,510000000000,四川省,province,,',
  '510900,510900000000,遂宁市,prefecture,510000,四川省',
  '510981,510981000000,射洪市,county,510900,遂宁市',
].join('\r\n');
const SHEHONG_RENAMED = `${CHANGES_HEADER}\n510922,射洪县,510981,2019-01-01\n`;

describe('divisionsFromCsv', () => {
  it('maps NBS rows to divisions, calling the prefecture level "city"', () => {
    const [province, suining] = divisionsFromCsv(SUINING, `${CHANGES_HEADER}\n`);
    expect(province).toEqual({
      code: '510000',
      code12: '510000000000',
      name: '四川省',
      level: 'province',
      parentCode: null,
      validFrom: IN_FORCE_BEFORE_RECORDS,
      validTo: null,
      successorCode: null,
    });
    expect(suining).toMatchObject({ code: '510900', level: 'city', parentCode: '510000' });
  });

  it('adds the replaced division with its successor parent and level, and dates both', () => {
    const divisions = divisionsFromCsv(SUINING, SHEHONG_RENAMED);
    expect(divisions.map((d) => d.code)).toEqual(['510000', '510900', '510922', '510981']);
    expect(divisions.find((d) => d.code === '510922')).toEqual({
      code: '510922',
      code12: '510922000000',
      name: '射洪县',
      level: 'county',
      parentCode: '510900',
      validFrom: IN_FORCE_BEFORE_RECORDS,
      validTo: '2019-01-01',
      successorCode: '510981',
    });
    expect(divisions.find((d) => d.code === '510981')).toMatchObject({ validFrom: '2019-01-01', validTo: null });
  });

  it.each([
    ['a short code', SUINING.replace('510981,510981000000', '51098,51098000000'), 'code6 must be 6 digits'],
    ['a code12 that does not extend code6', SUINING.replace('510981000000', '510981000001'), 'code12 must be'],
    ['an unknown level', SUINING.replace('county', 'town'), 'unknown level "town"'],
    ['a duplicate', `${SUINING}\r\n510981,510981000000,射洪市,county,510900,遂宁市`, 'duplicate code'],
    ['a parentless county', SUINING.replace('county,510900', 'county,'), 'only the province has no parent'],
    ['an unknown parent', SUINING.replace('county,510900', 'county,510800'), 'unknown parent 510800'],
    ['a wrong parent name', SUINING.replace('510900,遂宁市', '510900,绵阳市'), 'parent_name "绵阳市" is not 遂宁市'],
  ])('refuses a division CSV with %s', (_case, csv, message) => {
    expect(() => divisionsFromCsv(csv, `${CHANGES_HEADER}\n`)).toThrow(message);
  });

  it.each([
    ['an old code that is still current', '510981,射洪县,510981,2019-01-01', 'the old code is still current'],
    ['an unknown successor', '510922,射洪县,510982,2019-01-01', 'successor 510982 is not a current division'],
    ['a malformed date', '510922,射洪县,510981,2019', 'changed_on must be YYYY-MM-DD'],
    ['an empty old name', '510922,,510981,2019-01-01', 'empty old_name'],
    [
      'a successor with two predecessors',
      '510922,射洪县,510981,2019-01-01\n510999,某县,510981,2019-01-01',
      'already has a predecessor',
    ],
  ])('refuses a change CSV with %s', (_case, rows, message) => {
    expect(() => divisionsFromCsv(SUINING, `${CHANGES_HEADER}\n${rows}\n`)).toThrow(message);
  });
});
