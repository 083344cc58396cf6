import { csvToGrid, detectDelimiter, parseCsvRows } from '../../src/workbook/csv';

describe('CSV text as a grid (RFC 4180)', () => {
  it('drops the byte-order mark and reads Vietnamese text as written (NFC)', () => {
    const grid = csvToGrid('\ufeffSố, ký hiệu;Trích yếu\r\n27/KH-STP;Kế hoạch kiểm tra\r\n', { sheetName: 'so.csv' });
    expect(grid.sheets[0].name).toBe('so.csv');
    expect(grid.sheets[0].values).toEqual([
      ['Số, ký hiệu', 'Trích yếu'],
      ['27/KH-STP', 'Kế hoạch kiểm tra'],
    ]);
    // Decomposed input (NFD, as some exports write it) arrives composed.
    expect(csvToGrid('Ke\u0302\u0301 hoa\u0323ch').sheets[0].values[0][0]).toBe('Kế hoạch');
  });

  it.each([
    [',', 'a,b,c\n1,2,3\n'],
    [';', 'a;b;c\n"1,5";2;3\n'],
    ['\t', 'a\tb\tc\n1\t2,5\t3\n'],
  ])('detects the delimiter %j from the lines, quoted text ignored', (d, text) => {
    expect(detectDelimiter(text)).toBe(d);
    expect(parseCsvRows(text)[1]).toHaveLength(3);
  });

  it('reads quotes, doubled quotes, delimiters and line breaks inside quotes, and CR, LF or CRLF line ends', () => {
    const rows = parseCsvRows('a;"b ""c"";\nd";e\r1;2;3\r\n4;5;6', ';');
    expect(rows).toEqual([
      ['a', 'b "c";\nd', 'e'],
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('keeps a text starting with = as text and blank fields as null; bounds the rows', () => {
    const grid = csvToGrid('=HYPERLINK("x");;-1\n', { delimiter: ';' });
    expect(grid.sheets[0].values[0]).toEqual(['=HYPERLINK("x")', null, '-1']);
    expect(parseCsvRows('1\n2\n3\n4\n', ',', 2)).toEqual([['1'], ['2']]);
  });

  it('falls back to a comma for a one-column file', () => {
    expect(detectDelimiter('abc\ndef\n')).toBe(',');
  });
});
