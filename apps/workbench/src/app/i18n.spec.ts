import { translationParityProblems } from '@zhengwu/web/shared/i18n';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import en from '../../public/i18n/en.json';
import zh from '../../public/i18n/zh-CN.json';

// The shared strings (shell, errors, validation) are merged in at run time; an app key with the
// same top-level name would silently replace a whole shared section.
const shared = JSON.parse(
  readFileSync(join(__dirname, '../../../../libs/web/shared/i18n/src/assets/i18n/zh-CN.json'), 'utf8'),
) as Record<string, unknown>;

/** Whether `key` names a text (not a section) in the merged translations. */
function hasText(translations: Record<string, unknown>, key: string): boolean {
  let node: unknown = translations;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

/**
 * The literal keys the app's templates and code use: a quoted dotted name piped to `transloco`
 * (directly or as a branch of a conditional), or given as a `key`, route `title` or nav `label`.
 * Keys built at run time (`'roles.' + post`) are not found here; their sections are listed in full.
 */
function literalKeys(): Array<{ key: string; file: string }> {
  const root = __dirname;
  const keyPattern = /'([a-zA-Z]+(?:\.[a-zA-Z0-9_]+)+)'(?=\s*(?:\||\)\s*\||\s*[:?]))|(?:key|title|label):\s*'([a-zA-Z]+(?:\.[a-zA-Z0-9_]+)+)'/g;
  const found: Array<{ key: string; file: string }> = [];
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (!/\.(html|ts)$/.test(file) || file.endsWith('.spec.ts')) continue;
    for (const match of readFileSync(join(root, file), 'utf8').matchAll(keyPattern)) {
      const key = match[1] ?? match[2];
      if (!key.startsWith('zhengwu.')) found.push({ key, file });
    }
  }
  return found;
}

describe('workbench translation files', () => {
  it('hold every key the templates and code name', () => {
    const merged = { ...shared, ...zh };
    const keys = literalKeys();
    expect(keys.length).toBeGreaterThan(100);
    expect(keys.filter(({ key }) => !hasText(merged, key))).toEqual([]);
  });

  it('have exactly the same keys in zh-CN and en, and no empty text', () => {
    expect(translationParityProblems({ 'zh-CN': zh, en })).toEqual([]);
  });

  it('do not redefine a section of the shared translations', () => {
    const clashes = Object.keys(zh).filter((section) => section in shared);
    expect(clashes).toEqual([]);
  });
});
