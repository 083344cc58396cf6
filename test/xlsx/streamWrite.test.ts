/**
 * The streaming writer (src/xlsx/stream.ts) against the exceljs writer (write.ts) as the
 * reference: the same spec, written by both and read back with exceljs, gives the same
 * sheets, values, styles of every cell, merges, widths, heights, validations, frozen
 * panes, filters, print setup and protection. Specs: a unit's template (validation, protection,
 * styles), the summary of a generated province, and a spec of awkward values.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { strFromU8, unzipSync } from 'fflate';
import { consolidateFiles, inputsOf } from '../../src/cli/consolidate';
import { streamedSummaryWorkbook, summaryWorkbook } from '../../src/pipeline/consolidate';
import type { GradeBand } from '../../src/core/consolidate';
import type { WriteValue } from '../../src/workbook/grid';
import { materialize, type StreamedSheetSpec, type WorkbookSpec } from '../../src/workbook/spec';
import { buildTemplate } from '../../src/workbook/template';
import { streamSpecToBuffer } from '../../src/xlsx/streamWrite';
import { streamSpecToFile, writeSpecToBuffer } from '../../src/xlsx/write';
import { generateProvince, loadSet } from '../consolidate/province';

const ROOT = join(__dirname, '../..');

async function load(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  return wb;
}

/** A cell's style as it shows: exceljs's absent font fields are Excel's defaults. */
function shownStyle(cell: ExcelJS.Cell): unknown {
  const f = cell.font ?? {};
  const a = cell.alignment ?? {};
  const b = cell.border ?? {};
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return {
    bold: f.bold === true,
    italic: f.italic === true,
    size: f.size ?? 11,
    name: f.name ?? 'Calibri',
    color: f.color?.argb ?? null,
    fill: fill?.pattern === 'solid' ? (fill.fgColor?.argb ?? null) : null,
    horizontal: a.horizontal ?? null,
    vertical: a.vertical ?? null,
    wrap: a.wrapText === true,
    border: (['top', 'left', 'bottom', 'right'] as const).map((s) => b[s]?.style ?? null),
    numFmt: cell.numFmt ?? 'General',
    locked: cell.protection?.locked ?? true,
  };
}

function shownValue(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (v !== null && typeof v === 'object' && 'formula' in v) return { formula: v.formula };
  return v ?? null;
}

/** Everything of a sheet both writers are asked to write, as plain data. */
function sheetFacts(ws: ExcelJS.Worksheet): unknown {
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const value = shownValue(cell);
      const style = shownStyle(cell);
      cells[cell.address] = { value, style };
    }),
  );
  const heights: Record<number, number> = {};
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    if (row.height !== undefined) heights[n] = row.height;
  });
  const model = ws.model as unknown as { merges: string[] };
  const p = ws.pageSetup;
  return {
    name: ws.name,
    state: ws.state,
    cells,
    heights,
    // write.ts writes 9.001 for 9: exceljs would drop a width of exactly 9.
    widths: (ws.columns ?? []).map((c) => (c.width === undefined ? null : Math.round(c.width * 100) / 100)),
    merges: [...model.merges].sort(),
    validations: (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
    views: (ws.views ?? []).map((v) => ({ state: v.state, xSplit: (v as ExcelJS.WorksheetViewFrozen).xSplit ?? 0, ySplit: (v as ExcelJS.WorksheetViewFrozen).ySplit ?? 0 })),
    autoFilter: ws.autoFilter ?? null,
    page: { paperSize: p.paperSize, orientation: p.orientation, fitToPage: p.fitToPage === true, fitToWidth: p.fitToWidth, fitToHeight: p.fitToHeight, margins: p.margins, printArea: p.printArea ?? null, titles: p.printTitlesRow ?? null },
    headerFooter: { oddHeader: ws.headerFooter?.oddHeader ?? null, oddFooter: ws.headerFooter?.oddFooter ?? null },
    breaks: (ws as unknown as { rowBreaks: { id: number }[] }).rowBreaks.map((b) => b.id),
    protected: (ws as unknown as { sheetProtection: unknown }).sheetProtection != null,
  };
}

async function expectSameWorkbook(spec: WorkbookSpec): Promise<void> {
  const bytes = streamSpecToBuffer(spec);
  const [streamed, reference] = await Promise.all([load(bytes), load(await writeSpecToBuffer(spec))]);
  expect(streamed.worksheets.map((w) => w.name)).toEqual(reference.worksheets.map((w) => w.name));
  for (const ws of reference.worksheets) expect(sheetFacts(streamed.getWorksheet(ws.name) as ExcelJS.Worksheet)).toEqual(sheetFacts(ws));
  // Excel computes the formulas on open, as after write.ts.
  expect(await (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')?.async('string')).toContain('fullCalcOnLoad="1"');
}

test('a unit template (validations, protection, merged headers) is written as exceljs writes it', async () => {
  await expectSameWorkbook(buildTemplate(loadSet('so'), { name: 'Sở Tư pháp', level: 'so' }));
});

const AWKWARD: WorkbookSpec = {
  sheets: [
    {
      name: "Đơn vị's <list> & more",
      values: [
        ['=SUM(A1:A2)', '+1', '-x', '@y', 'a & b <c> "d"', ' lead and trail ', 'tab\there', 'line\nbreak'],
        [1.5, -0, 1e-7, 123456789.125, true, false, null, { formula: '=A2+1' }],
        [],
        ['after an empty row'],
      ],
      styles: [{ range: { top: 0, left: 0, bottom: 1, right: 3 }, style: { bold: true, numberFormat: '0.00##', vAlign: 'middle', hAlign: 'center', locked: false } }],
      merges: [{ top: 3, left: 0, bottom: 3, right: 4 }],
      rowHeights: { 5: 30 },
      visibility: 'hidden',
    },
    {
      name: 'Second',
      values: [['x']],
      freeze: { rows: 1, cols: 0 },
      autoFilter: { top: 0, left: 0, bottom: 0, right: 0 },
      print: { orientation: 'portrait', paperSize: 'A4', fitToWidth: false, margins: { top: 1, bottom: 1, left: 1, right: 1, header: 0.5, footer: 0.5 }, rowBreaks: [0], centerHeader: 'Đầu & trang' },
    },
  ],
};

test('awkward values stay literal: formula-like text, escapes, spaces, numbers, booleans', async () => {
  await expectSameWorkbook(AWKWARD);
});

test('text exceljs would mangle is kept: control characters and a literal _xHHHH_', async () => {
  // exceljs writes U+0001 raw (invalid XML, dropped on reading) and decodes a literal
  // "_x0041_" as "A"; the streaming writer escapes both as OOXML says.
  const texts = ['ctl\u0001x', '_x0041_ literal', 'cr\r\nlf'];
  const wb = await load(streamSpecToBuffer({ sheets: [{ name: 'S', values: [texts] }] }));
  expect((wb.getWorksheet('S')?.getRow(1).values as unknown[]).slice(1)).toEqual(texts);
});

test('overlapping rules, one-row rules amid a range and merges a rule covers only in part are styled as exceljs styles them', async () => {
  const values = Array.from({ length: 12 }, (_r, r) => Array.from({ length: 6 }, (_c, c) => (c === 0 ? r : `r${r}c${c}`)));
  await expectSameWorkbook({
    sheets: [
      {
        name: 'Bands',
        values,
        styles: [
          { range: { top: 1, left: 0, bottom: 10, right: 5 }, style: { border: 'thin', vAlign: 'top' } },
          { range: { top: 3, left: 0, bottom: 3, right: 5 }, style: { bold: true, fill: 'F2F2F2' } },
          { range: { top: 6, left: 2, bottom: 8, right: 7 }, style: { italic: true, hAlign: 'right' } },
          // Covers the merge below only in its bottom-right cell: the merge takes it whole.
          { range: { top: 9, left: 4, bottom: 14, right: 4 }, style: { color: 'B71C1C', bold: false } },
          { range: { top: 7, left: 0, bottom: 7, right: 5 }, style: { bold: true } },
        ],
        merges: [
          { top: 8, left: 3, bottom: 9, right: 4 },
          { top: 0, left: 0, bottom: 0, right: 5 },
          { top: 11, left: 1, bottom: 11, right: 2 },
        ],
      },
    ],
  });
});

/** Every part of an .xlsx inflated, by name (the zip's timestamps aside). */
function parts(data: Buffer): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(data)).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

test('rows from a source (a streamed sheet) are written as the same rows held in the spec', () => {
  const rows: WriteValue[][] = [[1, 'a', null], [], [2, 'b', { formula: '=A4+1' }], ['ragged']];
  const sheet: StreamedSheetSpec = {
    name: 'S',
    values: [['Title'], ['h1', 'h2', 'h3']],
    styles: [{ range: { top: 2, left: 0, bottom: 5, right: 2 }, style: { border: 'thin' } }, { range: { top: 4, left: 0, bottom: 4, right: 2 }, style: { bold: true } }],
    rowHeights: { 7: 20 },
    more: { rows: () => rows, count: rows.length, width: 3 },
  };
  const held = parts(streamSpecToBuffer({ sheets: [materialize(sheet)] }));
  expect(held['xl/worksheets/sheet1.xml']).toContain('<row r="5"');
  expect(parts(streamSpecToBuffer({ sheets: [sheet] }))).toEqual(held);
});

test('written to a file with node zlib: the same parts as fflate writes, read back by exceljs', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-zlib-'));
  try {
    const spec = buildTemplate(loadSet('so'), { name: 'Sở Tư pháp', level: 'so' });
    const out = join(dir, 'out.xlsx');
    await streamSpecToFile(spec, out);
    const [written, fromBuffer] = [parts(readFileSync(out)), parts(streamSpecToBuffer(spec))];
    expect(written).toEqual(fromBuffer);
    expect(Object.keys(written).length).toBeGreaterThan(5);
    expect((await load(readFileSync(out))).worksheets.length).toBe(spec.sheets.length);
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('the summary of a generated province', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'chiso-stream-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('every sheet of the consolidation summary is written as exceljs writes it', async () => {
    const p = await generateProvince(dir, 24);
    const files = readdirSync(dir).sort().map((f) => join(dir, f));
    const grades = (JSON.parse(readFileSync(join(ROOT, 'data/grades-sample.json'), 'utf8')) as { grades: GradeBand[] }).grades;
    const plan = { plan: 'Kế hoạch 386/KH-UBND', baseYear: 2023, targetYear: 2024, items: [{ index: 'PAR' as const, appendix: 1 as const, code: '1.1', name: 'Chỉ tiêu', leadUnit: 'Sở Nội vụ', previous: 80, target: 85 }] };
    const input = { files, sets: Object.values(p.sets), grades, today: '2025-01-15', expectedUnits: p.units, plan };
    const result = await consolidateFiles(input);
    await expectSameWorkbook(summaryWorkbook(result, inputsOf(input)));
    // The CLI's workbook, its gap sheet streamed: the same parts as the one held whole.
    const streamed = streamedSummaryWorkbook(result, inputsOf(input));
    expect(streamed.sheets[1].more?.count).toBeGreaterThan(24);
    expect(parts(streamSpecToBuffer(streamed))).toEqual(parts(streamSpecToBuffer(summaryWorkbook(result, inputsOf(input)))));
  });
});
