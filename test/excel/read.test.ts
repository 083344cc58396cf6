/**
 * readWorkbook on the stand-in gives what a direct exceljs reading of the same file
 * gives: in 2 syncs for normal workbooks, in slices under the 5 MB response cap for large ones.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/core/answers';
import { readWorkbook } from '../../src/excel';
import { PAYLOAD_LIMIT_BYTES } from '../../src/preview/standin';
import { FIXTURES, scoreWorkbook, standInFor } from './helpers';

/** A tiny independent reading: each sheet from A1 to its last value cell, as grid values. */
function directGrid(wb: ExcelJS.Workbook): { name: string; visibility: string; values: (CellValue | { date: Date })[][] }[] {
  return wb.worksheets.map((ws) => {
    const cells: { r: number; c: number; v: CellValue | { date: Date } }[] = [];
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const raw = cell.value as unknown;
        const plain = (v: unknown): CellValue | { date: Date } => {
          if (v === null || v === undefined || v === '') return null;
          if (v instanceof Date) return { date: v };
          if (typeof v === 'object') {
            const o = v as { formula?: string; sharedFormula?: string; result?: unknown; error?: string; richText?: { text: string }[]; text?: unknown };
            if (o.formula !== undefined || o.sharedFormula !== undefined) return plain(o.result);
            if (o.error) return { error: o.error };
            if (o.richText) return o.richText.map((t) => t.text).join('');
            if (o.text !== undefined) return plain(o.text);
          }
          if (typeof v === 'string' && /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!)$/.test(v)) return { error: v };
          return v as CellValue;
        };
        cells.push({ r: r - 1, c: c - 1, v: plain(raw) });
      }),
    );
    const rows = cells.length ? Math.max(...cells.map((x) => x.r)) + 1 : 0;
    const cols = cells.length ? Math.max(...cells.map((x) => x.c)) + 1 : 0;
    const values: (CellValue | { date: Date })[][] = Array.from({ length: rows }, () => Array(cols).fill(null));
    for (const x of cells) values[x.r][x.c] = x.v;
    return { name: ws.name, visibility: ws.state ?? 'visible', values };
  });
}

const FILES = [
  '1519293514-KRISHNAPATNAM_LINE_UP.xlsx',
  'chart-sheet.xlsx',
  'comments.xlsx',
  'dateIssue.xlsx',
  'fibonacci.xlsx',
  'formulas.xlsx',
  'gold.xlsx',
  'hidden-test-google-sheets.xlsx',
  'hidden-test-libre-calc-as-excel-2007-365.xlsx',
  'many-columns.xlsx',
  'shared_string_with_escape.xlsx',
  'test-issue-1364.xlsx',
  'test-issue-1669.xlsx',
  'test-issue-176.xlsx',
  'images.xlsx',
];

describe('readWorkbook equals a direct reading of the file', () => {
  test.each(FILES)('%s', async (file) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(`${FIXTURES}/${file}`);
    const expected = directGrid(wb);
    const { standIn, run } = standInFor(wb);
    const grid = await readWorkbook(run);
    expect(standIn.stats.syncs).toBe(2);
    expect(grid.sheets.map((s) => [s.name, s.visibility])).toEqual(expected.map((s) => [s.name, s.visibility]));
    grid.sheets.forEach((sheet, i) => {
      const want = expected[i].values;
      expect([sheet.values.length, sheet.values[0]?.length ?? 0]).toEqual([want.length, want[0]?.length ?? 0]);
      want.forEach((row, r) =>
        row.forEach((v, c) => {
          const got = sheet.values[r][c];
          if (v && typeof v === 'object' && 'date' in v) {
            // Dates arrive as the text their format shows: the year must be there.
            expect(typeof got).toBe('string');
            expect(got as string).toContain(String(v.date.getUTCFullYear() % 100).padStart(2, '0'));
          } else expect({ at: [r, c], v: got }).toEqual({ at: [r, c], v });
        }),
      );
    });
  });

  test('formulas come with their text; constants have none', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(`${FIXTURES}/formulas.xlsx`);
    const grid = await readWorkbook(standInFor(wb).run);
    const sheet = grid.sheets[0];
    expect(sheet.formulas?.[1][0]).toBe('=CONCAT("someone","@example.com")');
    expect(sheet.values[1][0]).toBe('someone@example.com');
    expect(sheet.formulas?.[0].every((f) => f === null)).toBe(true);
  });
});

describe('readWorkbook: shapes and values', () => {
  test('a blank sheet is an empty grid; hidden sheets keep their visibility', async () => {
    const wb = scoreWorkbook(3);
    wb.addWorksheet('Trống');
    wb.addWorksheet('_meta', { state: 'veryHidden' }).getCell('A1').value = '{"set":"2024"}';
    const grid = await readWorkbook(standInFor(wb).run);
    expect(grid.sheets.map((s) => [s.name, s.visibility, s.values.length])).toEqual([
      ['Tự chấm', 'visible', 5],
      ['Ghi chú', 'visible', 1],
      ['Trống', 'visible', 0],
      ['_meta', 'veryHidden', 1],
    ]);
  });

  test('the grid starts at A1 even when the first value is further in', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('C3').value = 'Điểm tự đánh giá';
    const grid = await readWorkbook(standInFor(wb).run);
    expect(grid.sheets[0].values).toEqual([[null, null, null], [null, null, null], [null, null, 'Điểm tự đánh giá']]);
  });

  test.each([
    [new Date(Date.UTC(2024, 5, 7)), 'dd/mm/yyyy', '07/06/2024'],
    [new Date(Date.UTC(2024, 5, 7)), 'd/m/yyyy', '7/6/2024'],
    [new Date(Date.UTC(2024, 11, 25, 14, 30)), 'dd/mm/yyyy hh:mm', '25/12/2024 14:30'],
    [new Date(Date.UTC(2023, 0, 2)), '[$-42A]dd/mm/yyyy', '02/01/2023'],
  ])('a date cell %s formatted %s reads as %s', async (date, format, text) => {
    const wb = new ExcelJS.Workbook();
    const cell = wb.addWorksheet('S').getCell('A1');
    cell.value = date;
    cell.numFmt = format;
    const grid = await readWorkbook(standInFor(wb).run);
    expect(grid.sheets[0].values[0][0]).toBe(text);
  });

  test('error values become { error }', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('A1').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    const grid = await readWorkbook(standInFor(wb).run);
    expect(grid.sheets[0].values[0][0]).toEqual({ error: '#DIV/0!' });
    expect(grid.sheets[0].formulas?.[0][0]).toBe('=1/0');
  });

  test.each([50, 100, 500])('%i rows read in exactly 2 syncs', async (rows) => {
    const { standIn, run } = standInFor(scoreWorkbook(rows));
    const grid = await readWorkbook(run);
    expect(grid.sheets[0].values.length).toBe(rows + 2);
    expect(standIn.stats.syncs).toBe(2);
    expect(standIn.stats.requests.every((r) => r.bytes < PAYLOAD_LIMIT_BYTES && r.responseBytes < PAYLOAD_LIMIT_BYTES)).toBe(true);
  });
});

/** A sheet of `rows` rows, `cols` columns of Vietnamese explanations about `length` characters long. */
function longTextWorkbook(rows: number, cols: number, length: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Giải trình');
  const sentence = 'Đơn vị đã ban hành kế hoạch nhưng chưa tổ chức kiểm tra việc thực hiện tại các phòng, ban chuyên môn. ';
  for (let r = 0; r < rows; r++) {
    ws.addRow(Array.from({ length: cols }, (_, c) => `${r + 1}.${c + 1} ${sentence.repeat(Math.ceil(length / sentence.length))}`.slice(0, length)));
  }
  return wb;
}

describe('readWorkbook: large sheets under the 5 MB response cap', () => {
  test('30,000 realistic rows: a few syncs, each response under 5 MB, values identical to the exceljs reading', async () => {
    const wb = scoreWorkbook(30_000);
    const expected = directGrid(wb);
    const { standIn, run } = standInFor(wb);
    const grid = await readWorkbook(run);
    expect(grid.sheets.map((s) => s.values)).toEqual(expected.map((s) => s.values));
    expect(standIn.stats.syncs).toBeGreaterThan(2);
    expect(standIn.stats.syncs).toBeLessThanOrEqual(10);
    for (const r of standIn.stats.requests) expect(r.responseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    // Slices are full: the whole read is not much more than its data, in as few responses as the budget allows.
    const total = standIn.stats.requests.reduce((n, r) => n + r.responseBytes, 0);
    expect(standIn.stats.syncs).toBeLessThanOrEqual(2 + Math.ceil(total / 2_500_000));
  }, 60_000);

  test('a smaller budget gives more, smaller responses with the same values', async () => {
    const wb = scoreWorkbook(3_000);
    const expected = directGrid(wb);
    const { standIn, run } = standInFor(wb);
    const grid = await readWorkbook(run, { budgetBytes: 400_000 });
    expect(grid.sheets.map((s) => s.values)).toEqual(expected.map((s) => s.values));
    expect(standIn.stats.syncs).toBeGreaterThan(5);
    for (const r of standIn.stats.requests) expect(r.responseBytes).toBeLessThan(400_000);
  });

  test('text longer than the estimate: the request is halved until Excel accepts it, nothing is lost', async () => {
    const wb = longTextWorkbook(600, 4, 1_200);
    const expected = directGrid(wb);
    const { standIn, run } = standInFor(wb);
    const grid = await readWorkbook(run);
    expect(grid.sheets[0].values).toEqual(expected[0].values);
    const refused = standIn.stats.requests.filter((r) => r.responseBytes > PAYLOAD_LIMIT_BYTES);
    expect(refused.length).toBeGreaterThan(0);
    // Every row arrived in a response Excel accepted.
    const accepted = standIn.stats.requests.filter((r) => r.responseBytes <= PAYLOAD_LIMIT_BYTES);
    expect(accepted.reduce((n, r) => n + r.responseBytes, 0)).toBeGreaterThan(2 * 600 * 4 * 1_200);
  }, 60_000);

  test('a single row over 5 MB fails clearly instead of reading part of it', async () => {
    const { run } = standInFor(longTextWorkbook(1, 120, 32_000));
    await expect(readWorkbook(run)).rejects.toMatchObject({ code: 'RESPONSE_TOO_LARGE', officeCode: 'ResponsePayloadSizeLimitExceeded' });
  }, 60_000);
});
