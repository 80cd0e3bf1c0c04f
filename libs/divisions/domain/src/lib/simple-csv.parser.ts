/**
 * Parses the plain CSV of our reference data: a header row, comma-separated fields, no quoting,
 * LF or CRLF line endings, optional final newline and UTF-8 BOM. Anything else (a quote, a blank
 * line, a row with the wrong number of fields, an unexpected header) throws, naming the source
 * and line, so a bad data update fails the tests instead of silently dropping rows.
 */
export function parseSimpleCsv<Column extends string>(
  text: string,
  columns: readonly Column[],
  source: string,
): Array<Record<Column, string>> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  const fail = (lineIndex: number, why: string): never => {
    throw new Error(`${source} line ${lineIndex + 1}: ${why}`);
  };

  const header = lines[0] ?? '';
  if (header !== columns.join(',')) fail(0, `expected header "${columns.join(',')}", got "${header}"`);

  return lines.slice(1).map((line, index) => {
    const lineIndex = index + 1;
    if (line.includes('"')) fail(lineIndex, 'quoted fields are not supported by this parser');
    if (line.includes('\r')) fail(lineIndex, 'stray carriage return');
    if (line === '') fail(lineIndex, 'blank line');
    const fields = line.split(',');
    if (fields.length !== columns.length) {
      fail(lineIndex, `expected ${columns.length} fields, got ${fields.length}`);
    }
    const row = {} as Record<Column, string>;
    columns.forEach((column, i) => (row[column] = fields[i]));
    return row;
  });
}
