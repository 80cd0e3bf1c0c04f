import { forwardProblems } from './counter-intake.page';

describe('forwarding a counter intake', () => {
  const scans = [{ code: 'SQB' }, { code: 'YYZZ' }];

  it('needs at least one scan and the ID checked', () => {
    expect(forwardProblems([], {}, false, false)).toEqual(['no_scans', 'identity']);
    expect(forwardProblems(scans, {}, false, true)).toEqual([]);
  });

  it('needs a result for every scanned material when the item needs an originals check, and a note on a mismatch', () => {
    expect(forwardProblems(scans, { SQB: { result: 'mismatch', note: '  ' } }, true, true)).toEqual([
      { code: 'SQB', problem: 'note_required' },
      { code: 'YYZZ', problem: 'result_required' },
    ]);
    expect(
      forwardProblems(scans, { SQB: { result: 'mismatch', note: '印章不一致' }, YYZZ: { result: 'not_presented', note: '' } }, true, true),
    ).toEqual([]);
  });
});
