import { HttpErrorResponse } from '@angular/common/http';
import type { ApplicationMaterialView, ApplicationView } from '@zhengwu/shared/contracts';
import { isStaleVersion, lintErrorsByStep, slaLintErrorsOf } from './api-errors';
import { defectsOf, draftProblems, materialNoticeStates, noticeViolationsOf } from './notice-draft';

function material(code: string, uploadedAt: string[]): ApplicationMaterialView {
  return {
    code,
    name: `材料${code}`,
    required: true,
    originalCount: 1,
    copyCount: 1,
    deferrable: false,
    sampleDocumentId: null,
    versions: uploadedAt.map((at, index) => ({
      version: index + 1,
      fileName: `${code}.pdf`,
      mediaType: 'application/pdf',
      sizeBytes: 100,
      sha256: 'a'.repeat(64),
      uploadedAt: at,
      uploadedBy: 'applicant' as const,
    })),
  };
}

const noticeAt = '2026-09-10T02:00:00.000Z';

function viewWith(materials: ApplicationMaterialView[], withNotice: boolean, serverLocks?: ApplicationView['noticeLocks']): ApplicationView {
  return {
    materials,
    notices: withNotice
      ? [{ seq: 1, sentAt: noticeAt, defects: [{ materialCode: 'A', materialName: '材料A', kind: 'illegible', explanation: '模糊', sampleDocumentId: null }, { materialCode: 'C', materialName: '材料C', kind: 'expired', explanation: '过期', sampleDocumentId: null }] }]
      : [],
    noticeLocks: serverLocks,
  } as ApplicationView;
}

describe('materialNoticeStates', () => {
  it('before any notice every material is open to every kind', () => {
    const states = materialNoticeStates(viewWith([material('A', ['2026-09-09T01:00:00.000Z']), material('B', [])], false));
    expect(states.map((s) => [s.code, s.open, s.reason, s.allowedKinds.length])).toEqual([
      ['A', true, 'no_notice_yet', 6],
      ['B', true, 'no_notice_yet', 6],
    ]);
  });

  it('after a notice: a changed material is open, an unchanged one locked, an unfixed defect open to its kind only', () => {
    const materials = [
      material('A', ['2026-09-09T01:00:00.000Z', '2026-09-11T01:00:00.000Z']),
      material('B', ['2026-09-09T01:00:00.000Z']),
      material('C', ['2026-09-09T01:00:00.000Z']),
      material('D', []),
    ];
    const states = materialNoticeStates(viewWith(materials, true));
    expect(states.map((s) => [s.code, s.open, s.reason, s.allowedKinds])).toEqual([
      ['A', true, 'changed_since_last_notice', expect.arrayContaining(['missing', 'other'])],
      ['B', false, 'unchanged_since_last_notice', []],
      ['C', true, 'defect_not_fixed', ['expired']],
      ['D', false, 'unchanged_since_last_notice', []],
    ]);
  });

  it('takes open and reason from the server when it sends them', () => {
    const states = materialNoticeStates(viewWith([material('B', ['2026-09-09T01:00:00.000Z'])], true, [{ materialCode: 'B', open: true, reason: 'added_since_last_notice' }]));
    expect(states[0]).toMatchObject({ open: true, reason: 'added_since_last_notice' });
  });
});

describe('notice drafts', () => {
  const states = materialNoticeStates(viewWith([material('A', ['2026-09-11T01:00:00.000Z']), material('B', ['2026-09-09T01:00:00.000Z']), material('C', ['2026-09-09T01:00:00.000Z'])], true));

  it('names what is wrong per ticked material before sending', () => {
    expect(draftProblems([], states)).toEqual([{ materialCode: null, problem: 'no_defects' }]);
    expect(
      draftProblems(
        [
          { materialCode: 'A', kind: null, explanation: '' },
          { materialCode: 'B', kind: 'missing', explanation: '缺少盖章' },
          { materialCode: 'C', kind: 'illegible', explanation: '看不清' },
          { materialCode: 'A', kind: 'other', explanation: ' x ' },
        ],
        states,
      ),
    ).toEqual([
      { materialCode: 'A', problem: 'kind_required' },
      { materialCode: 'B', problem: 'locked' },
      { materialCode: 'C', problem: 'kind_not_allowed' },
      { materialCode: 'A', problem: 'explanation_short' },
    ]);
  });

  it('builds the request in the materials’ order with trimmed explanations', () => {
    expect(
      defectsOf(
        [
          { materialCode: 'C', kind: 'expired', explanation: ' 营业执照已过期 ' },
          { materialCode: 'A', kind: 'illegible', explanation: '扫描件模糊' },
        ],
        states,
      ),
    ).toEqual([
      { materialCode: 'A', kind: 'illegible', explanation: '扫描件模糊' },
      { materialCode: 'C', kind: 'expired', explanation: '营业执照已过期' },
    ]);
  });
});

describe('API errors', () => {
  const conflict = (code: string, details?: unknown) =>
    new HttpErrorResponse({ status: 409, error: { code, message: { zh: '冲突', en: 'Conflict' }, details } });

  it('recognises a stale version, and nothing else as one', () => {
    expect(isStaleVersion(conflict('CONCURRENT_MODIFICATION'))).toBe(true);
    expect(isStaleVersion(conflict('TRANSITION_NOT_ALLOWED'))).toBe(false);
    expect(isStaleVersion(new Error('x'))).toBe(false);
  });

  it('reads the violations of the one-time rule', () => {
    const error = conflict('ONE_TIME_NOTICE_VIOLATION', { violations: [{ materialCode: 'B', kind: 'missing', reason: 'unchanged_since_last_notice' }, 'junk'] });
    expect(noticeViolationsOf(error)).toEqual([{ materialCode: 'B', kind: 'missing', reason: 'unchanged_since_last_notice' }]);
    expect(noticeViolationsOf(conflict('CONCURRENT_MODIFICATION'))).toEqual([]);
  });

  it('groups SLA lint errors by step', () => {
    const error = conflict('PROCEDURE_SLA_VIOLATION', [
      { code: 'STEPS_EXCEED_PROMISED', stepCode: 'JD', message: { zh: '超过', en: 'Over' } },
      { code: 'PROMISED_EXCEEDS_LEGAL', message: { zh: '承诺超法定', en: 'Promise over legal' } },
    ]);
    const errors = slaLintErrorsOf(error) ?? [];
    expect([...lintErrorsByStep(errors).keys()]).toEqual(['JD', null]);
    expect(slaLintErrorsOf(conflict('CONCURRENT_MODIFICATION'))).toBeNull();
  });
});
