import fc from 'fast-check';
import { type Defect, type MaterialHistory, type NoticeRecord, checkNewNotice, noticeLocks } from './one-time-notice';
import { DEFECT_KINDS } from './vocabulary';

// Small worlds: four materials, instants on a one-minute grid so that equal times happen often.
const CODES = ['form', 'id_card', 'lease', 'floor_plan'];
const instantArb = fc.integer({ min: 0, max: 30 }).map((minute) => new Date(Date.UTC(2026, 9, 9, 2, minute)).toISOString());
const defectArb: fc.Arbitrary<Defect> = fc.record({
  materialCode: fc.constantFrom(...CODES),
  kind: fc.constantFrom(...DEFECT_KINDS),
  explanation: fc.constant('见示范文本'),
});
const noticeArb: fc.Arbitrary<NoticeRecord> = fc.record({ sentAt: instantArb, defects: fc.array(defectArb, { minLength: 1, maxLength: 4 }) });
const materialsArb: fc.Arbitrary<MaterialHistory[]> = fc
  .subarray(CODES)
  .chain((codes) =>
    fc.tuple(...codes.map((code) => fc.array(instantArb, { maxLength: 3 }).map((times) => ({ code, times })))),
  )
  .map((entries) =>
    entries.map(({ code, times }) => ({ materialCode: code, versions: times.map((uploadedAt, i) => ({ version: i + 1, uploadedAt })) })),
  );

const lastSentAt = (notices: NoticeRecord[]) => Math.max(...notices.map((n) => Date.parse(n.sentAt)));
const uploadsOf = (materials: MaterialHistory[], code: string) =>
  materials.filter((m) => m.materialCode === code).flatMap((m) => m.versions.map((v) => Date.parse(v.uploadedAt)));

describe('the one-time notice rule, on random histories', () => {
  it('allows any non-empty first notice', () => {
    fc.assert(
      fc.property(materialsArb, fc.array(defectArb, { minLength: 1 }), (materials, defects) => {
        expect(checkNewNotice({ previousNotices: [], materials, defects })).toEqual({ allowed: true });
      }),
    );
  });

  it('does not depend on the order the notices are stored in', () => {
    fc.assert(
      fc.property(fc.array(noticeArb, { maxLength: 4 }), materialsArb, fc.array(defectArb, { minLength: 1 }), (notices, materials, defects) => {
        const reversed = [...notices].reverse();
        expect(checkNewNotice({ previousNotices: reversed, materials, defects })).toEqual(
          checkNewNotice({ previousNotices: notices, materials, defects }),
        );
        expect(noticeLocks({ previousNotices: reversed, materials })).toEqual(noticeLocks({ previousNotices: notices, materials }));
      }),
    );
  });

  it('lets the clerk repeat the last notice when the applicant changed nothing since', () => {
    fc.assert(
      fc.property(fc.array(noticeArb, { minLength: 1, maxLength: 4 }), materialsArb, (notices, materials) => {
        const last = lastSentAt(notices);
        const untouched = materials.map((m) => ({ ...m, versions: m.versions.filter((v) => Date.parse(v.uploadedAt) < last) }));
        const lastNotice = notices.find((n) => Date.parse(n.sentAt) === last) as NoticeRecord;
        // An absent material can only ever be listed as missing again.
        const repeatable = lastNotice.defects.filter((d) => d.kind === 'missing' || uploadsOf(untouched, d.materialCode).length > 0);
        fc.pre(repeatable.length > 0);
        expect(checkNewNotice({ previousNotices: notices, materials: untouched, defects: repeatable })).toEqual({ allowed: true });
      }),
    );
  });

  it('refuses a defect on a material never noticed and untouched since the last notice', () => {
    fc.assert(
      fc.property(fc.array(noticeArb, { minLength: 1, maxLength: 4 }), materialsArb, defectArb, (notices, materials, defect) => {
        const last = lastSentAt(notices);
        fc.pre(!notices.some((n) => n.defects.some((d) => d.materialCode === defect.materialCode)));
        fc.pre(!uploadsOf(materials, defect.materialCode).some((at) => at >= last));
        expect(checkNewNotice({ previousNotices: notices, materials, defects: [defect] })).toMatchObject({
          allowed: false,
          violations: [{ materialCode: defect.materialCode, kind: defect.kind }],
        });
      }),
    );
  });

  it('opens a material as soon as the applicant uploads a new version', () => {
    fc.assert(
      fc.property(fc.array(noticeArb, { minLength: 1, maxLength: 4 }), materialsArb, defectArb, (notices, materials, defect) => {
        const upload = new Date(lastSentAt(notices) + 60_000).toISOString();
        const updated = [...materials, { materialCode: defect.materialCode, versions: [{ version: 99, uploadedAt: upload }] }];
        expect(checkNewNotice({ previousNotices: notices, materials: updated, defects: [defect] })).toEqual({ allowed: true });
      }),
    );
  });

  it('agrees with noticeLocks', () => {
    fc.assert(
      fc.property(fc.array(noticeArb, { maxLength: 4 }), materialsArb, defectArb, (notices, materials, defect) => {
        const lock = noticeLocks({ previousNotices: notices, materials }).find((l) => l.materialCode === defect.materialCode);
        const allowed = checkNewNotice({ previousNotices: notices, materials, defects: [defect] }).allowed;
        const expected = notices.length === 0 || (lock !== undefined && lock.open && (lock.unfixedKinds ?? DEFECT_KINDS).includes(defect.kind));
        expect(allowed).toBe(expected);
      }),
    );
  });
});
