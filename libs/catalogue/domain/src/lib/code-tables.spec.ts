import { CASE_TYPES, CATALOGUE_CODE_TABLES, codesOf, ITEM_TYPES, labelOf, SERVICE_OBJECTS } from './code-tables';
import { cleanSampleFileName, isSampleDocumentMediaType } from './sample-document-rules';

describe('GB/T 39046 code tables', () => {
  it('lists the item types 01–10 and 20', () => {
    expect(codesOf(ITEM_TYPES)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '20']);
    expect(labelOf(ITEM_TYPES, '01')).toEqual({ code: '01', zh: '行政许可', en: 'Administrative licensing' });
    expect(labelOf(ITEM_TYPES, '20')?.zh).toBe('公共服务');
  });

  it('maps case types to their GB/T codes 1 and 2', () => {
    expect(CASE_TYPES.map((c) => [c.code, c.gbCode, c.zh])).toEqual([
      ['immediate', 1, '即办件'],
      ['promised', 2, '承诺件'],
    ]);
  });

  it('gives every entry of every table a distinct code and both labels', () => {
    for (const [name, table] of Object.entries(CATALOGUE_CODE_TABLES)) {
      const codes = codesOf<string | number>(table);
      expect({ name, distinct: new Set(codes).size }).toEqual({ name, distinct: codes.length });
      for (const entry of table) {
        expect(entry.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(entry.en.length).toBeGreaterThan(0);
      }
    }
    expect(codesOf(SERVICE_OBJECTS)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('sample document rules', () => {
  it('accepts PDF, JPEG and PNG only', () => {
    expect(['application/pdf', 'image/jpeg', 'image/png'].every(isSampleDocumentMediaType)).toBe(true);
    expect(isSampleDocumentMediaType('image/gif')).toBe(false);
    expect(isSampleDocumentMediaType('text/html')).toBe(false);
  });

  it('keeps the last path segment of a file name, without control characters', () => {
    expect(cleanSampleFileName('C:\\Users\\张三\\营业执照示范文本.pdf')).toBe('营业执照示范文本.pdf');
    expect(cleanSampleFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanSampleFileName('a\u0000b\r\n.pdf')).toBe('ab.pdf');
    expect(cleanSampleFileName('  ')).toBeNull();
    expect(cleanSampleFileName('dir/..')).toBeNull();
    expect([...(cleanSampleFileName('名'.repeat(300)) ?? '')]).toHaveLength(200);
  });
});
