/**
 * The summary sheets readable as written (issue 13): in the .xlsx of both writers — the
 * exceljs one (write.ts) and the streaming one the CLI's consolidate uses (streamWrite.ts)
 * — each tabular sheet has its column widths, the header row's height, the frozen header
 * and filter buttons over the header row and the data rows, read back with exceljs; the
 * streamed file carries the filter's hidden _xlnm._FilterDatabase name as Excel writes it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { a1 } from '../../src/workbook/grid';
import { GAP_SHEET, LOG_SHEET, PLAN_SHEET, SUMMARY_SHEET } from '../../src/workbook/summary';
import type { SheetSpec, WorkbookSpec } from '../../src/workbook/spec';
import { streamSpecToBuffer } from '../../src/xlsx/streamWrite';
import { writeSpecToBuffer } from '../../src/xlsx/write';
import { provinceSummary, ref } from './summaryLayout';

let dir: string;
let spec: WorkbookSpec;
let streamedBytes: Buffer;
const books: Record<'exceljs' | 'streamed', ExcelJS.Workbook> = {} as never;

async function load(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  return wb;
}

const sheetOf = (name: string): SheetSpec => spec.sheets.find((s) => s.name === name) as SheetSpec;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chiso-summary-sheets-'));
  spec = await provinceSummary(dir, 12);
  streamedBytes = streamSpecToBuffer(spec);
  books.streamed = await load(streamedBytes);
  books.exceljs = await load(await writeSpecToBuffer(spec));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TABLES = [SUMMARY_SHEET, GAP_SHEET, LOG_SHEET, PLAN_SHEET];

describe.each(['exceljs', 'streamed'] as const)('the summary written by %s', (writer) => {
  test.each(TABLES)('"%s": filter buttons over the header row and every data row', (name) => {
    const s = sheetOf(name);
    const ws = books[writer].getWorksheet(name) as ExcelJS.Worksheet;
    expect(s.autoFilter).toBeDefined();
    const f = s.autoFilter!;
    expect(ws.autoFilter).toBe(ref(f));
    // The filter's top row is the table's header, starting at STT; it spans the header's columns.
    expect(ws.getCell(f.top + 1, 1).value).toBe('STT');
    expect(f.right).toBe(s.values[f.top].length - 1);
    // Its last row is the table's last row: the row below it is outside the table (empty, or the next block).
    const tableRows = s.values.slice(f.top + 1, f.bottom + 1);
    expect(tableRows.length).toBeGreaterThan(0);
    expect(tableRows.every((row) => row.length > 0)).toBe(true);
    const after = s.values[f.bottom + 1];
    expect(after === undefined || after.length === 0).toBe(true);
  });

  test.each(TABLES)('"%s": frozen under the header row, header row height and column widths as the spec says', (name) => {
    const s = sheetOf(name);
    const ws = books[writer].getWorksheet(name) as ExcelJS.Worksheet;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: s.autoFilter!.top + 1, xSplit: s.freeze!.cols });
    const widths = s.columnWidths as number[];
    widths.forEach((w, c) => expect(ws.getColumn(c + 1).width).toBeCloseTo(w, 2));
    expect(widths.length).toBe(s.values[s.autoFilter!.top].length);
    for (const [row, h] of Object.entries(s.rowHeights ?? {})) expect(ws.getRow(Number(row) + 1).height).toBe(h);
  });
});

test('"Tổng hợp": column A is the narrow STT column (5 characters), B the unit names (34), the header row 60 pt', () => {
  for (const wb of Object.values(books)) {
    const ws = wb.getWorksheet(SUMMARY_SHEET) as ExcelJS.Worksheet;
    expect(ws.getColumn(1).width).toBe(5);
    expect(ws.getColumn(2).width).toBe(34);
    const f = sheetOf(SUMMARY_SHEET).autoFilter!;
    expect(ws.getRow(f.top + 1).height).toBe(60);
    // The title above the table spans it (merged), so it never widens column A.
    expect(ws.getCell('A1').isMerged).toBe(true);
  }
});

test('both writers give the same column widths, heights, frozen panes and filters for the same spec', () => {
  const facts = (wb: ExcelJS.Workbook) =>
    wb.worksheets.map((ws) => ({
      name: ws.name,
      // To 0.01 character (0.07 px): write.ts writes 9.001 for 9, which exceljs would drop.
      widths: (ws.columns ?? []).map((c) => (c.width === undefined ? null : Math.round(c.width * 100) / 100)),
      heights: Object.fromEntries(Array.from({ length: ws.rowCount }, (_, i) => [i + 1, ws.getRow(i + 1).height]).filter(([, h]) => h !== undefined)),
      views: ws.views.map((v) => ({ state: v.state, xSplit: (v as ExcelJS.WorksheetViewFrozen).xSplit ?? 0, ySplit: (v as ExcelJS.WorksheetViewFrozen).ySplit ?? 0 })),
      autoFilter: ws.autoFilter ?? null,
    }));
  expect(facts(books.streamed)).toEqual(facts(books.exceljs));
  expect(facts(books.streamed).map((s) => s.autoFilter)).toEqual(spec.sheets.map((s) => (s.autoFilter ? ref(s.autoFilter) : null)));
});

test('the streamed file: <autoFilter> where Excel puts it, and the hidden _xlnm._FilterDatabase name of each filtered sheet', async () => {
  const zip = await JSZip.loadAsync(streamedBytes);
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) as string;
  for (const [i, s] of spec.sheets.entries()) {
    const f = s.autoFilter!;
    const abs = (r: number, c: number) => a1(r, c).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
    expect(workbook).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${s.name}'!${abs(f.top, f.left)}:${abs(f.bottom, f.right)}</definedName>`);
    const xml = (await zip.file(`xl/worksheets/sheet${i + 1}.xml`)?.async('string')) as string;
    const at = (tag: string) => xml.indexOf(`<${tag}`);
    expect(at('autoFilter')).toBeGreaterThan(at('sheetData'));
    if (at('mergeCells') >= 0) expect(at('autoFilter')).toBeLessThan(at('mergeCells'));
    expect(at('autoFilter')).toBeLessThan(at('pageMargins'));
    expect(xml.match(/<autoFilter /g)).toHaveLength(1);
  }
  // Names in Excel's order: by name ignoring case (_FilterDatabase before Print_Area), then by sheet.
  const names = [...workbook.matchAll(/<definedName name="([^"]+)" localSheetId="(\d+)"/g)].map((m) => ({ name: m[1].toLowerCase(), sheet: Number(m[2]) }));
  expect(names.length).toBe(spec.sheets.length * 3);
  expect(names).toEqual([...names].sort((a, b) => (a.name === b.name ? a.sheet - b.sheet : a.name < b.name ? -1 : 1)));
});
