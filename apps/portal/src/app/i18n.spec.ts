import { translationParityProblems } from '@zhengwu/web/shared/i18n';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import en from '../../public/i18n/en.json';
import zh from '../../public/i18n/zh-CN.json';

// The shared strings (shell, errors, validation) are merged in at run time; an app key with the
// same top-level name would silently replace a whole shared section.
const shared = JSON.parse(
  readFileSync(join(__dirname, '../../../../libs/web/shared/i18n/src/assets/i18n/zh-CN.json'), 'utf8'),
) as Record<string, unknown>;

describe('portal translation files', () => {
  it('have exactly the same keys in zh-CN and en, and no empty text', () => {
    expect(translationParityProblems({ 'zh-CN': zh, en })).toEqual([]);
  });

  it('do not redefine a section of the shared translations', () => {
    const clashes = Object.keys(zh).filter((section) => section in shared);
    expect(clashes).toEqual([]);
  });
});
