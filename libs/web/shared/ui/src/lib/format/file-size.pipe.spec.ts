import { formatFileSize } from './file-size.pipe';

describe('formatFileSize', () => {
  it('uses binary units with a decimal from MB on', () => {
    expect([0, 1023, 2048, 1_572_864, 20 * 1024 * 1024, 150 * 1024 * 1024].map(formatFileSize)).toEqual([
      '0 B',
      '1023 B',
      '2 KB',
      '1.5 MB',
      '20 MB',
      '150 MB',
    ]);
    expect(formatFileSize(null)).toBe('');
  });
});
