import type { CentreSummary } from '@zhengwu/shared/contracts';
import { centreChain } from './centre-chain';

const centres: CentreSummary[] = [
  { code: '510981', name: '射洪市', level: 'county', parentCode: '510900' },
  { code: '510900', name: '遂宁市', level: 'city', parentCode: '510000' },
  { code: '510000', name: '四川省', level: 'province', parentCode: null },
];

describe('centreChain', () => {
  it('goes from a county up to the province', () => {
    expect(centreChain(centres, '510981').map((c) => c.code)).toEqual(['510981', '510900', '510000']);
    expect(centreChain(centres, '510000').map((c) => c.code)).toEqual(['510000']);
  });

  it('is empty for an unknown code and survives a cycle', () => {
    expect(centreChain(centres, '110000')).toEqual([]);
    const cyclic: CentreSummary[] = [
      { code: '1', name: 'a', level: 'city', parentCode: '2' },
      { code: '2', name: 'b', level: 'province', parentCode: '1' },
    ];
    expect(centreChain(cyclic, '1').map((c) => c.code)).toEqual(['1', '2']);
  });
});
