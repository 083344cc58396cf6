/** Cell conversions and byte chunking, without Excel. */
import fc from 'fast-check';
import { formatSerialDate, isDateFormat, readFormula, readValue, toExcelInput } from '../../src/excel/cells';
import { chunkBlocks, utf8Length, type Piece } from '../../src/excel/chunks';

describe('reading cells', () => {
  test.each([
    ['', 'General', null],
    ['Có', 'General', 'Có'],
    [0.5, '0.00', 0.5],
    ['#REF!', 'General', { error: '#REF!' }],
    [45450, 'dd/mm/yyyy', '07/06/2024'],
    [45450, 'mmm d, yyyy', 'Jun 7, 2024'],
    [45450.75, 'h:mm AM/PM', '6:00 PM'],
    [1, 'dd/mm/yyyy', '01/01/1900'],
    [0.25, '0%', 0.25],
    [true, 'General', true],
  ])('%p with format %p reads as %p', (value, format, expected) => {
    expect(readValue(value, format)).toEqual(expected);
  });

  test.each([
    ['General', false], ['@', false], ['0.00', false], ['#,##0 "điểm"', false],
    ['dd/mm/yyyy', true], ['[$-vi-VN]d mmmm yyyy', true], ['hh:mm', true], ['"Ngày" dd', true],
  ])('isDateFormat(%p) is %p', (format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });

  test('a formula is told from text that looks like one', () => {
    expect(readFormula('=SUM(G9:G11)', 3)).toBe('=SUM(G9:G11)');
    expect(readFormula('=1+1', '=1+1')).toBeNull(); // a text cell
    expect(readFormula(0.5, 0.5)).toBeNull();
  });

  test('serial dates from 1900-03-01 on round-trip through d/m/yyyy', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        const [d, m, y] = formatSerialDate(serial, 'd/m/yyyy').split('/').map(Number);
        const back = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
        expect(back).toBe(serial);
      }),
    );
  });
});

describe('writing cells', () => {
  test.each([
    [null, ''],
    ['', ''],
    ['=1+1', "'=1+1"],
    ['Có', "'Có"],
    [0.5, 0.5],
    [false, false],
    [{ formula: 'SUM(A1:A2)' }, '=SUM(A1:A2)'],
    [{ formula: '=A1' }, '=A1'],
  ])('%p is sent as %p', (value, input) => {
    expect(toExcelInput(value)).toEqual(input);
  });
});

describe('chunking by bytes', () => {
  test('UTF-8 length counts Vietnamese letters and emoji as Excel receives them', () => {
    expect(utf8Length('Điểm')).toBe(new TextEncoder().encode('Điểm').length);
    expect(utf8Length('👍 ok')).toBe(new TextEncoder().encode('👍 ok').length);
  });

  const piece = fc.record({
    sheet: fc.constantFrom('Tự chấm', 'Tổng hợp'),
    row: fc.nat(1000),
    col: fc.nat(20),
    values: fc.array(fc.array(fc.oneof(fc.string({ maxLength: 300 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null)), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 40 }),
  });

  test('property: chunks stay under the budget and together hold every row once, in order', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), fc.integer({ min: 3000, max: 20000 }), (blocks: Piece[], budget) => {
        const chunks = chunkBlocks(blocks, budget);
        for (const chunk of chunks) {
          const bytes = chunk.reduce((n, p) => n + 200 + p.values.reduce((m, r) => m + utf8Length(JSON.stringify(r)) + 1, 0), 0);
          // Over budget only when a single row alone exceeds it.
          if (bytes > budget) expect(chunk.length === 1 && chunk[0].values.length === 1).toBe(true);
        }
        const rows = (ps: Piece[]) => ps.flatMap((p) => p.values.map((r, i) => JSON.stringify([p.sheet, p.row + i, p.col, r])));
        expect(rows(chunks.flat())).toEqual(rows(blocks));
      }),
    );
  });
});
