import { mayAnswerNotice } from './notice-answerer';

describe('mayAnswerNotice', () => {
  const head = '6f1c2f9e-0000-4000-8000-000000000001';
  const otherHead = '6f1c2f9e-0000-4000-8000-000000000002';
  const clerk = '6f1c2f9e-0000-4000-8000-000000000003';

  it('leaves the answer to the heads when the department has any', () => {
    expect(mayAnswerNotice([head, otherHead], head)).toBe(true);
    expect(mayAnswerNotice([head, otherHead], otherHead)).toBe(true);
    expect(mayAnswerNotice([head, otherHead], clerk)).toBe(false);
  });

  it('lets any step handler answer for a department without an active head', () => {
    expect(mayAnswerNotice([], clerk)).toBe(true);
  });
});
