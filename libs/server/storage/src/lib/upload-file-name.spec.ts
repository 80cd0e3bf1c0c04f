import { DomainError } from '@zhengwu/server/core/errors';
import { validateUploadFileName } from './upload-file-name';

describe('validateUploadFileName', () => {
  it.each([
    ['营业执照副本.pdf'],
    ['身份证 正面.jpg'],
    ['scan-2026(1).PNG'],
    ['法定代表人授权委托书：签章版.ofd'],
    ['a'.repeat(196) + '.pdf'],
  ])('accepts %s', (name) => {
    expect(validateUploadFileName(name)).toBe(name);
  });

  it('normalises to NFC, so the same name always compares equal', () => {
    const decomposed = 'Cafe\u0301.pdf';
    expect(validateUploadFileName(decomposed)).toBe('Caf\u00e9.pdf');
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['missing', undefined],
    ['too long', 'a'.repeat(197) + '.pdf'],
    ['a parent path', '../../etc/passwd'],
    ['a Windows parent path', '..\\..\\boot.ini'],
    ['a sub-directory', 'docs/a.pdf'],
    ['an absolute path', '/etc/shadow'],
    ['a double dot', 'a..pdf'],
    ['a NUL byte', 'a\u0000.pdf'],
    ['a control character', 'a\u0007b.pdf'],
    ['a right-to-left override', 'invoice\u202Efdp.exe'],
    ['a leading dot', '.htaccess'],
    ['a trailing dot', 'a.pdf.'],
    ['a trailing space', 'a.pdf '],
    ['a Windows device name', 'CON'],
    ['a Windows device name with an extension', 'com1.pdf'],
    ['a lower-case device name', 'nul.txt'],
    ['a drive letter', 'C:evil.pdf'],
    ['a wildcard', 'a*.pdf'],
  ])('refuses %s', (_why, name) => {
    expect(() => validateUploadFileName(name)).toThrow(DomainError);
    expect(() => validateUploadFileName(name)).toThrow(/MATERIAL_FILE_NAME_INVALID/);
  });

  it('counts characters, not UTF-16 units or bytes: 200 Chinese characters are fine', () => {
    expect(validateUploadFileName('材'.repeat(196) + '.pdf')).toHaveLength(200);
  });
});
