/**
 * The reader as it was before the streaming one: a full exceljs load, every cell walked.
 * Kept in the tests as the reference the streaming reader must match (stream.test.ts).
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/core/answers';
import { a1, type CellRange } from '../../src/workbook/grid';
import { formatDate, type FileSheetGrid, type FileWorkbookGrid } from '../../src/xlsx/buffer';

export async function readWithExceljs(buf: Buffer): Promise<FileWorkbookGrid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer, { ignoreNodes: ['dataValidations'] });
  // As loadWorkbook: a workbook exceljs loads without any sheet is unreadable.
  if (wb.worksheets.length === 0) throw new Error('no sheets');
  return { sheets: wb.worksheets.map(readSheet) };
}

function readSheet(ws: ExcelJS.Worksheet): FileSheetGrid {
  const cells: { r: number; c: number; value: CellValue; formula: string | null }[] = [];
  const links: Record<string, string> = {};
  let rows = 0;
  let cols = 0;
  let anyFormula = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const value = cellValue(cell.value);
      const formula = cell.type === ExcelJS.ValueType.Formula ? `=${cell.formula}` : null;
      if (value === null && formula === null) return;
      cells.push({ r: rowNumber - 1, c: colNumber - 1, value, formula });
      rows = Math.max(rows, rowNumber);
      cols = Math.max(cols, colNumber);
      if (formula) anyFormula = true;
      const v = cell.value;
      if (v && typeof v === 'object' && 'hyperlink' in v && typeof v.hyperlink === 'string') links[a1(rowNumber - 1, colNumber - 1)] = v.hyperlink;
    });
  });
  const merges = mergesOf(ws);
  for (const m of merges) {
    rows = Math.max(rows, m.bottom + 1);
    cols = Math.max(cols, m.right + 1);
  }
  const values: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  const formulas = anyFormula ? Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null)) : undefined;
  for (const { r, c, value, formula } of cells) {
    values[r][c] = value;
    if (formulas) formulas[r][c] = formula;
  }
  const state = ws.state as string;
  const grid: FileSheetGrid = { name: ws.name, values, merges, visibility: state === 'hidden' || state === 'veryHidden' ? state : 'visible' };
  if (formulas) grid.formulas = formulas;
  if (Object.keys(links).length > 0) grid.links = links;
  return grid;
}

function mergesOf(ws: ExcelJS.Worksheet): CellRange[] {
  const merges = (ws as unknown as { _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges;
  return Object.values(merges ?? {}).map(({ model: m }) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
}

function cellValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return formatDate(v);
  if ('error' in v) return { error: String(v.error) };
  if ('richText' in v) return v.richText.map((run) => run.text).join('');
  if ('hyperlink' in v) return cellValue(v.text as ExcelJS.CellValue);
  if ('formula' in v || 'sharedFormula' in v) return cellValue(v.result as ExcelJS.CellValue);
  return null;
}
