import type { CentreSummary } from '@zhengwu/shared/contracts';
import { homeDivisionOf, verificationCentreChoices } from './verification-centres';

const centres: CentreSummary[] = [
  { code: '510000', name: '四川省政务服务中心', level: 'province', parentCode: null },
  { code: '510100', name: '成都市政务服务中心', level: 'city', parentCode: '510000' },
  { code: '510104', name: '锦江区政务服务中心', level: 'county', parentCode: '510100' },
  { code: '510900', name: '遂宁市政务服务中心', level: 'city', parentCode: '510000' },
  { code: '510981', name: '射洪市政务服务中心', level: 'county', parentCode: '510900' },
  { code: '510903', name: '船山区政务服务中心', level: 'county', parentCode: '510900' },
  { code: '510904', name: '安居区政务服务中心', level: 'county', parentCode: '510900' },
];

const summary = (choices: ReturnType<typeof verificationCentreChoices>) => ({
  defaultCode: choices.defaultCode,
  options: choices.options.map((o) => `${o.centre.code}:${o.reason}`),
});

describe('verificationCentreChoices', () => {
  it('defaults to the home county and offers its neighbours, the city and the handling centre', () => {
    expect(summary(verificationCentreChoices(centres, '510981', '510000'))).toEqual({
      defaultCode: '510981',
      options: ['510981:home', '510903:nearby', '510904:nearby', '510900:city', '510000:handling'],
    });
  });

  it('does not list the handling centre twice when it is the home city', () => {
    expect(summary(verificationCentreChoices(centres, '510981', '510900')).options).toEqual([
      '510981:home',
      '510903:nearby',
      '510904:nearby',
      '510900:city',
    ]);
  });

  it('falls back to the handling centre, like the server, when home is unknown or not a county', () => {
    expect(summary(verificationCentreChoices(centres, '110101', '510900'))).toEqual({
      defaultCode: '510900',
      options: ['510900:handling', '510903:nearby', '510904:nearby', '510981:nearby'],
    });
    expect(summary(verificationCentreChoices(centres, '510100', '510104'))).toEqual({
      defaultCode: '510104',
      options: ['510104:handling', '510100:city'],
    });
    expect(verificationCentreChoices(centres, null, '510000').options.map((o) => o.centre.code)).toEqual(['510000']);
  });
});

describe('homeDivisionOf', () => {
  it('reads a resident ID number and a USCC like the server', () => {
    expect(homeDivisionOf('510981********1234', 'natural_person')).toBe('510981');
    expect(homeDivisionOf('91510981MA6ABCDE1X', 'legal_person')).toBe('510981');
    expect(homeDivisionOf('**********', 'natural_person')).toBeNull();
  });
});
