import { csvToGrid, decodeCsvBytes, detectDelimiter, parseCsvRows } from '../../src/workbook/csv';

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

  it('gives the line each row starts on, as a text editor counts them: CRLF, CR or LF one break, breaks inside quotes too', () => {
    const lines: number[] = [];
    const rows = parseCsvRows('a;b\r\n1;"two\r\nlines"\r\n\r\n2;"x\ny\rz"\r3;4\n5;6', ';', undefined, lines);
    expect(rows.map((r) => r[0])).toEqual(['a', '1', '', '2', '3', '5']);
    expect(lines).toEqual([1, 2, 4, 5, 8, 9]);
    // The grid keeps them; the byte-order mark is no line.
    expect(csvToGrid('\ufeffa;b\n"1\n";2\n3;4\n').sheets[0].lines).toEqual([1, 2, 4]);
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

describe('CSV bytes as text (the CLI and the pane decode alike)', () => {
  it('reads UTF-8 (with or without its mark), UTF-16 with its mark, else Windows-1258', () => {
    expect(decodeCsvBytes(new TextEncoder().encode('\uFEFFSố, ký hiệu'))).toBe('Số, ký hiệu');
    expect(decodeCsvBytes(new TextEncoder().encode('Trích yếu'))).toBe('Trích yếu');
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Số'].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);
    expect(decodeCsvBytes(utf16)).toBe('Số');
    // Windows-1258 has no "Ổ": it writes "Ô" (0xD4) and the combining hook above (0xD2); the text comes back composed.
    expect(decodeCsvBytes(new Uint8Array([0x53, 0xd4, 0xd2]))).toBe('SỔ');
    // "Chỉ số" as Excel's "CSV" writes it on a Vietnamese Windows: not valid UTF-8.
    expect(decodeCsvBytes(new Uint8Array([0x43, 0x68, 0x69, 0xd2, 0x20, 0x73, 0xf4, 0xec]))).toBe('Chỉ số');
  });
});
