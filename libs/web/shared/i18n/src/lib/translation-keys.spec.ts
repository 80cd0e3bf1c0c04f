import en from '../assets/i18n/en.json';
import zh from '../assets/i18n/zh-CN.json';
import { flattenTranslation, translationParityProblems } from './translation-keys';

describe('shared translation files', () => {
  it('have the same keys in zh-CN and en, and no empty text', () => {
    expect(translationParityProblems({ 'zh-CN': zh, en })).toEqual([]);
  });
});

describe('translationParityProblems', () => {
  it('names keys missing on either side and empty values', () => {
    const problems = translationParityProblems({
      'zh-CN': { a: { b: '甲', c: '' } },
      en: { a: { b: 'A', d: 'D' } },
    });
    expect(problems).toEqual([
      'en: missing a.c',
      'zh-CN: empty or non-text a.c',
      'zh-CN: missing a.d',
    ]);
  });

  it('flattens nested objects into dotted keys', () => {
    expect([...flattenTranslation({ a: { b: { c: 'x' } }, d: 'y' }).keys()]).toEqual(['a.b.c', 'd']);
  });
});
