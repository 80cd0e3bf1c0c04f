import { safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it.each([
    ['/applications/42?tab=1', '/applications/42?tab=1'],
    ['/', '/'],
    [null, '/me'],
    ['', '/me'],
    ['https://evil.example/', '/me'],
    ['//evil.example', '/me'],
    ['/\\evil.example', '/me'],
    ['/\t/evil.example', '/me'],
    ['javascript:alert(1)', '/me'],
    ['me', '/me'],
  ])('%p → %p', (candidate, expected) => {
    expect(safeReturnUrl(candidate, '/me')).toBe(expected);
  });
});
