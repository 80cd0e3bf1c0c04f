import {
  RATING_CHANNELS,
  RATING_LABELS,
  RATING_LEVELS,
  RatingLevel,
  fromGbt39046Code,
  fromHaoChaPingCode,
  fromRatingChannelCode,
  isBadReview,
  toGbt39046Code,
  toHaoChaPingCode,
  toRatingChannelCode,
} from './rating';

const BAD_CODES = [0, 6, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '3' as unknown as number];

describe('the two code directions', () => {
  it.each([
    [RatingLevel.VerySatisfied, 1, 5, '非常满意'],
    [RatingLevel.Satisfied, 2, 4, '满意'],
    [RatingLevel.Basic, 3, 3, '基本满意'],
    [RatingLevel.Dissatisfied, 4, 2, '不满意'],
    [RatingLevel.VeryDissatisfied, 5, 1, '非常不满意'],
  ] as const)('%s is %i in GB/T 39046 and %i in 好差评 (%s)', (level, gbt, hcp, zh) => {
    expect(toGbt39046Code(level)).toBe(gbt);
    expect(toHaoChaPingCode(level)).toBe(hcp);
    expect(RATING_LABELS[level].zh).toBe(zh);
  });

  it('round-trips every level both ways', () => {
    for (const level of RATING_LEVELS) {
      expect(fromGbt39046Code(toGbt39046Code(level))).toBe(level);
      expect(fromHaoChaPingCode(toHaoChaPingCode(level))).toBe(level);
    }
    for (const code of [1, 2, 3, 4, 5]) {
      expect(toGbt39046Code(fromGbt39046Code(code))).toBe(code);
      expect(toHaoChaPingCode(fromHaoChaPingCode(code))).toBe(code);
    }
  });

  it('are the reverse of each other', () => {
    for (const code of [1, 2, 3, 4, 5]) {
      expect(fromHaoChaPingCode(code)).toBe(fromGbt39046Code(6 - code));
      expect(toHaoChaPingCode(fromGbt39046Code(code))).toBe(6 - code);
    }
  });

  it.each(BAD_CODES)('throw on %p', (code) => {
    expect(() => fromGbt39046Code(code)).toThrow(RangeError);
    expect(() => fromHaoChaPingCode(code)).toThrow(RangeError);
  });

  it('throw on an unknown level', () => {
    expect(() => toGbt39046Code('great' as RatingLevel)).toThrow(RangeError);
    expect(() => toHaoChaPingCode('great' as RatingLevel)).toThrow(RangeError);
    expect(() => isBadReview('great' as RatingLevel)).toThrow(RangeError);
  });
});

describe('isBadReview', () => {
  it('is 不满意 and 非常不满意 only', () => {
    expect(RATING_LEVELS.filter(isBadReview)).toEqual([RatingLevel.Dissatisfied, RatingLevel.VeryDissatisfied]);
  });
});

describe('rating channels', () => {
  it('map 1 PC … 7 SMS and back', () => {
    expect(RATING_CHANNELS.map(toRatingChannelCode)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect([1, 2, 3, 4, 5, 6, 7].map(fromRatingChannelCode)).toEqual(['pc', 'mobile', 'qr_code', 'hall_pad', 'hall_terminal', 'phone', 'sms']);
  });

  it.each([0, 8, 2.5])('throw on %p', (code) => {
    expect(() => fromRatingChannelCode(code)).toThrow(RangeError);
  });
});
