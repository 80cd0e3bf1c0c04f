import { rectificationActionsFor, rectificationStep, type RectificationState } from './rectification';

const state = (status: RectificationState['status'], extended = false, followedUp = false): RectificationState => ({ status, extended, followedUp });

describe('rectification of a bad review', () => {
  it('is confirmed valid or appealed first; an appeal is upheld (invalid) or rejected (valid)', () => {
    expect(rectificationActionsFor(state('open'))).toEqual(['confirm_valid', 'appeal']);
    expect(rectificationStep(state('open'), 'appeal')).toEqual({ ok: true, status: 'appealed' });
    expect(rectificationActionsFor(state('appealed'))).toEqual(['uphold_appeal', 'reject_appeal']);
    expect(rectificationStep(state('appealed'), 'uphold_appeal')).toEqual({ ok: true, status: 'invalid' });
    expect(rectificationStep(state('appealed'), 'reject_appeal')).toEqual({ ok: true, status: 'valid' });
    expect(rectificationActionsFor(state('invalid'))).toEqual([]);
  });

  it('is rectified with at most one extension, and ends done or cannot be fixed', () => {
    expect(rectificationActionsFor(state('valid'))).toEqual(['start']);
    expect(rectificationActionsFor(state('rectifying'))).toEqual(['extend', 'complete', 'cannot_fix']);
    expect(rectificationStep(state('rectifying'), 'extend')).toEqual({ ok: true, status: 'rectifying' });
    expect(rectificationStep(state('rectifying', true), 'extend')).toEqual({ ok: false, reason: 'ALREADY_EXTENDED' });
    expect(rectificationStep(state('rectifying', true), 'complete')).toEqual({ ok: true, status: 'done' });
    expect(rectificationStep(state('valid'), 'complete')).toEqual({ ok: false, reason: 'NOT_ALLOWED_IN_STATUS' });
  });

  it('records one follow-up call once the rectification is over', () => {
    expect(rectificationActionsFor(state('done'))).toEqual(['follow_up']);
    expect(rectificationActionsFor(state('cannot_fix'))).toEqual(['follow_up']);
    expect(rectificationStep(state('rectifying'), 'follow_up')).toEqual({ ok: false, reason: 'NOT_ALLOWED_IN_STATUS' });
    expect(rectificationStep(state('done', false, true), 'follow_up')).toEqual({ ok: false, reason: 'ALREADY_FOLLOWED_UP' });
    expect(rectificationActionsFor(state('done', false, true))).toEqual([]);
  });
});
