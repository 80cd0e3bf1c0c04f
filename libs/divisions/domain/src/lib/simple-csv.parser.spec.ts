import { parseSimpleCsv } from './simple-csv.parser';

const COLUMNS = ['code', 'name'] as const;

describe('parseSimpleCsv', () => {
  it('reads rows by header, with LF or CRLF line endings and an optional final newline', () => {
    const expected = [
      { code: '510900', name: '遂宁市' },
      { code: '510981', name: '射洪市' },
    ];
    expect(parseSimpleCsv('code,name\n510900,遂宁市\n510981,射洪市\n', COLUMNS, 't')).toEqual(expected);
    expect(parseSimpleCsv('code,name\r\n510900,遂宁市\r\n510981,射洪市\r\n', COLUMNS, 't')).toEqual(expected);
    expect(parseSimpleCsv('code,name\n510900,遂宁市\n510981,射洪市', COLUMNS, 't')).toEqual(expected);
  });

  it('ignores a UTF-8 byte-order mark and keeps empty fields', () => {
    expect(parseSimpleCsv('\uFEFFcode,name\n510000,\n', COLUMNS, 't')).toEqual([{ code: '510000', name: '' }]);
  });

  it('returns no rows for a header alone', () => {
    expect(parseSimpleCsv('code,name\n', COLUMNS, 't')).toEqual([]);
  });

  it('refuses quoted fields rather than misreading them', () => {
    expect(() => parseSimpleCsv('code,name\n510900,"遂宁,市"\n', COLUMNS, 'divisions')).toThrow(
      'divisions line 2: quoted fields are not supported',
    );
  });

  it('refuses a wrong header, a wrong field count, blank lines and stray carriage returns', () => {
    expect(() => parseSimpleCsv('code,title\n', COLUMNS, 't')).toThrow('t line 1: expected header "code,name"');
    expect(() => parseSimpleCsv('', COLUMNS, 't')).toThrow('t line 1: expected header');
    expect(() => parseSimpleCsv('code,name\n510900\n', COLUMNS, 't')).toThrow('t line 2: expected 2 fields, got 1');
    expect(() => parseSimpleCsv('code,name\n5,a,b\n', COLUMNS, 't')).toThrow('t line 2: expected 2 fields, got 3');
    expect(() => parseSimpleCsv('code,name\n\n510900,遂宁市\n', COLUMNS, 't')).toThrow('t line 2: blank line');
    expect(() => parseSimpleCsv('code,name\n510900,遂宁\r市\n', COLUMNS, 't')).toThrow('t line 2: stray carriage');
  });
});
