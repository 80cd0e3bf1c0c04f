import type { CentreSummary } from '@zhengwu/shared/contracts';
import { buildCentreTree, findCentre, normaliseCentreQuery, searchCentres } from './centre-directory';

const centres: CentreSummary[] = [
  { code: '510981', name: '射洪市', level: 'county', parentCode: '510900' },
  { code: '510900', name: '遂宁市', level: 'city', parentCode: '510000' },
  { code: '510000', name: '四川省', level: 'province', parentCode: null },
  { code: '510903', name: '船山区', level: 'county', parentCode: '510900' },
  { code: '510100', name: '成都市', level: 'city', parentCode: '510000' },
  { code: '510104', name: '锦江区', level: 'county', parentCode: '510100' },
];

describe('buildCentreTree', () => {
  it('nests counties in cities in the province, ordered by code', () => {
    const [province] = buildCentreTree(centres);
    expect(province.centre.code).toBe('510000');
    expect(province.children.map((city) => city.centre.code)).toEqual(['510100', '510900']);
    expect(province.children[1].children.map((county) => county.centre.code)).toEqual(['510903', '510981']);
  });
});

describe('searchCentres', () => {
  it('finds by code prefix with ancestors', () => {
    const matches = searchCentres(centres, '5109');
    expect(matches.map((m) => m.centre.code)).toEqual(['510900', '510903', '510981']);
    expect(matches[2].ancestors.map((a) => a.name)).toEqual(['四川省', '遂宁市']);
  });

  it('finds by part of the name', () => {
    expect(searchCentres(centres, '射洪').map((m) => m.centre.code)).toEqual(['510981']);
  });

  it('puts an exact code first and accepts full-width digits', () => {
    expect(searchCentres(centres, '５１０９８１')[0].centre.code).toBe('510981');
  });

  it('returns nothing for an empty query and honours the limit', () => {
    expect(searchCentres(centres, '  ')).toEqual([]);
    expect(searchCentres(centres, '51', 2)).toHaveLength(2);
  });
});

describe('findCentre', () => {
  it('resolves an exact code or a unique name', () => {
    expect(findCentre(centres, ' 510900 ')?.name).toBe('遂宁市');
    expect(findCentre(centres, '射洪市')?.code).toBe('510981');
    expect(findCentre(centres, '射洪')).toBeNull();
  });

  it('normalises queries', () => {
    expect(normaliseCentreQuery(' ＡＢ　12 ')).toBe('ab12');
  });
});
