import { type Defect, type MaterialHistory, type NoticeRecord, checkNewNotice, noticeLocks } from './one-time-notice';
import type { DefectKind } from './vocabulary';

// An application to open a food shop: licence form, ID card, lease, floor plan.
const T0 = '2026-10-08T09:00:00+08:00'; // uploads before pre-review
const NOTICE_1 = '2026-10-09T10:00:00+08:00';
const T1 = '2026-10-10T15:00:00+08:00'; // the applicant corrects
const NOTICE_2 = '2026-10-12T11:00:00+08:00';
const T2 = '2026-10-13T08:30:00+08:00';

const defect = (materialCode: string, kind: DefectKind): Defect => ({ materialCode, kind, explanation: `${materialCode}: ${kind}` });
const notice = (sentAt: string, ...defects: Defect[]): NoticeRecord => ({ sentAt, defects });
const material = (materialCode: string, ...uploadedAt: string[]): MaterialHistory => ({
  materialCode,
  versions: uploadedAt.map((at, i) => ({ version: i + 1, uploadedAt: at })),
});

describe('the first notice', () => {
  it('may list anything, even a material that was never uploaded', () => {
    const result = checkNewNotice({
      previousNotices: [],
      materials: [material('form', T0), material('id_card', T0)],
      defects: [defect('form', 'illegible'), defect('lease', 'missing'), defect('id_card', 'expired')],
    });
    expect(result).toEqual({ allowed: true });
  });

  it('must list at least one defect', () => {
    expect(checkNewNotice({ previousNotices: [], materials: [material('form', T0)], defects: [] })).toEqual({
      allowed: false,
      reason: 'no_defects',
      violations: [],
    });
  });

  it('leaves every material open', () => {
    expect(noticeLocks({ previousNotices: [], materials: [material('form', T0)] })).toEqual([
      { materialCode: 'form', open: true, reason: 'no_notice_yet' },
    ]);
  });
});

describe('a later notice', () => {
  const first = notice(NOTICE_1, defect('form', 'illegible'), defect('lease', 'missing'));

  it('may raise anything on a material changed since the last notice', () => {
    const materials = [material('form', T0, T1), material('id_card', T0)];
    expect(checkNewNotice({ previousNotices: [first], materials, defects: [defect('form', 'inconsistent')] })).toEqual({ allowed: true });
  });

  it('may raise anything on a material added since the last notice', () => {
    const materials = [material('form', T0), material('lease', T1)];
    expect(checkNewNotice({ previousNotices: [first], materials, defects: [defect('lease', 'expired')] })).toEqual({ allowed: true });
  });

  it('may repeat a defect the applicant has not fixed, with the same kind only', () => {
    const materials = [material('form', T0)];
    expect(checkNewNotice({ previousNotices: [first], materials, defects: [defect('form', 'illegible')] })).toEqual({ allowed: true });
    expect(checkNewNotice({ previousNotices: [first], materials, defects: [defect('form', 'expired')] })).toEqual({
      allowed: false,
      reason: 'violations',
      violations: [{ materialCode: 'form', kind: 'expired', reason: 'unchanged_since_last_notice' }],
    });
  });

  it('may not raise a new defect on an unchanged material the first notice passed over', () => {
    const materials = [material('form', T0), material('id_card', T0)];
    const result = checkNewNotice({
      previousNotices: [first],
      materials,
      defects: [defect('form', 'illegible'), defect('id_card', 'expired'), defect('id_card', 'expired')],
    });
    expect(result).toEqual({
      allowed: false,
      reason: 'violations',
      violations: [{ materialCode: 'id_card', kind: 'expired', reason: 'unchanged_since_last_notice' }],
    });
  });

  describe('a material still absent', () => {
    it('may be listed as missing again if it was listed as missing before', () => {
      const materials = [material('form', T0)];
      expect(checkNewNotice({ previousNotices: [first], materials, defects: [defect('lease', 'missing')] })).toEqual({ allowed: true });
    });

    it('is a violation if the earlier notice did not list it: it was missing then too', () => {
      const materials = [material('form', T0)];
      expect(checkNewNotice({ previousNotices: [first], materials, defects: [defect('floor_plan', 'missing')] })).toEqual({
        allowed: false,
        reason: 'violations',
        violations: [{ materialCode: 'floor_plan', kind: 'missing', reason: 'unchanged_since_last_notice' }],
      });
    });

    it('can only be missing, not illegible', () => {
      const materials = [material('form', T0)];
      expect(checkNewNotice({ previousNotices: [first], materials, defects: [defect('lease', 'illegible')] })).toMatchObject({ allowed: false });
    });

    it('counts as absent when listed without versions', () => {
      const materials = [material('form', T0), material('lease')];
      expect(checkNewNotice({ previousNotices: [first], materials, defects: [defect('lease', 'missing')] })).toEqual({ allowed: true });
      expect(noticeLocks({ previousNotices: [first], materials })).toContainEqual({
        materialCode: 'lease',
        open: true,
        reason: 'defect_not_fixed',
        unfixedKinds: ['missing'],
      });
    });
  });
});

describe('several rounds', () => {
  // Round 1 lists the form (illegible) and the lease (missing). The applicant uploads a new form
  // and the lease; round 2 finds the new form still illegible and the lease expired. The
  // applicant then does nothing for the form and uploads a new lease.
  const first = notice(NOTICE_1, defect('form', 'illegible'), defect('lease', 'missing'));
  const second = notice(NOTICE_2, defect('form', 'illegible'), defect('lease', 'expired'));
  const materials = [material('form', T0, T1), material('id_card', T0), material('lease', T1, T2)];

  it('judges against the LAST notice: a change before it was already reviewed', () => {
    // The form changed after notice 1 but not after notice 2: only its unfixed defect may return.
    expect(checkNewNotice({ previousNotices: [first, second], materials, defects: [defect('form', 'illegible')] })).toEqual({ allowed: true });
    expect(checkNewNotice({ previousNotices: [first, second], materials, defects: [defect('form', 'wrong_format')] })).toMatchObject({
      allowed: false,
    });
  });

  it('does not revive a defect fixed after the notice that listed it', () => {
    // Notice 1 listed the form as illegible, a new form came at T1; if notice 2 did not repeat
    // it, the clerk accepted the new form, and a third notice may not bring it back.
    const secondWithoutForm = notice(NOTICE_2, defect('lease', 'expired'));
    expect(checkNewNotice({ previousNotices: [first, secondWithoutForm], materials, defects: [defect('form', 'illegible')] })).toMatchObject({
      allowed: false,
      violations: [{ materialCode: 'form', kind: 'illegible' }],
    });
  });

  it('reports the locks for the pre-review screen', () => {
    expect(noticeLocks({ previousNotices: [second, first], materials })).toEqual([
      { materialCode: 'form', open: true, reason: 'defect_not_fixed', unfixedKinds: ['illegible'] },
      { materialCode: 'id_card', open: false, reason: 'unchanged_since_last_notice' },
      { materialCode: 'lease', open: true, reason: 'changed_since_last_notice' },
    ]);
  });

  it('keeps an absent material that was noticed missing on the screen', () => {
    expect(noticeLocks({ previousNotices: [first], materials: [material('form', T0)] })).toEqual([
      { materialCode: 'form', open: true, reason: 'defect_not_fixed', unfixedKinds: ['illegible'] },
      { materialCode: 'lease', open: true, reason: 'defect_not_fixed', unfixedKinds: ['missing'] },
    ]);
  });

  it('tells added from changed', () => {
    expect(noticeLocks({ previousNotices: [first], materials: [material('lease', T1)] })).toEqual([
      { materialCode: 'lease', open: true, reason: 'added_since_last_notice' },
    ]);
  });
});

describe('the time boundary', () => {
  const first = notice(NOTICE_1, defect('form', 'illegible'));

  it('counts a version uploaded at exactly sentAt as uploaded after the notice', () => {
    const materials = [material('form', T0), material('id_card', T0, NOTICE_1)];
    expect(checkNewNotice({ previousNotices: [first], materials, defects: [defect('id_card', 'expired')] })).toEqual({ allowed: true });
    expect(noticeLocks({ previousNotices: [first], materials })[1]).toEqual({
      materialCode: 'id_card',
      open: true,
      reason: 'changed_since_last_notice',
    });
  });

  it('counts a version uploaded a millisecond before as reviewed', () => {
    const materials = [material('id_card', T0, '2026-10-09T09:59:59.999+08:00')];
    expect(checkNewNotice({ previousNotices: [first], materials, defects: [defect('id_card', 'expired')] })).toMatchObject({ allowed: false });
  });

  it('treats a fix uploaded at exactly sentAt as a fix, so the old defect is not simply repeated', () => {
    // …but the material is then open anyway, as changed: the new version is reviewed afresh.
    const materials = [material('form', T0, NOTICE_1)];
    expect(noticeLocks({ previousNotices: [first], materials })).toEqual([
      { materialCode: 'form', open: true, reason: 'changed_since_last_notice' },
    ]);
  });

  it('compares instants, not strings, across offsets', () => {
    const sameInstantInUtc = '2026-10-09T02:00:00Z'; // = NOTICE_1
    const materials = [material('id_card', T0, sameInstantInUtc)];
    expect(checkNewNotice({ previousNotices: [first], materials, defects: [defect('id_card', 'expired')] })).toEqual({ allowed: true });
    const justBeforeInUtc = '2026-10-09T01:59:59Z';
    expect(
      checkNewNotice({ previousNotices: [first], materials: [material('id_card', T0, justBeforeInUtc)], defects: [defect('id_card', 'expired')] }),
    ).toMatchObject({ allowed: false });
  });

  it('refuses instants without an offset, which would be read in the machine’s zone', () => {
    expect(() => noticeLocks({ previousNotices: [notice('2026-10-09 10:00', defect('form', 'other'))], materials: [] })).toThrow(RangeError);
    expect(() => noticeLocks({ previousNotices: [first], materials: [material('form', '2026-10-09')] })).toThrow(RangeError);
  });
});

it('refuses an unknown defect kind', () => {
  expect(() =>
    checkNewNotice({ previousNotices: [], materials: [], defects: [{ materialCode: 'form', kind: 'ugly' as DefectKind, explanation: '' }] }),
  ).toThrow(RangeError);
});
