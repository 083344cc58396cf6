/**
 * Reading the open workbook into grids: 2 syncs for a normal workbook (the sheet list;
 * then each sheet's extent with its first rows), more only for large sheets, whose
 * remaining rows are read in slices sized to keep each response under ~4.5 MB.
 * Values, formulas and number formats are read, the latter to show dates as text.
 */
import type { SheetGrid, SheetVisibility, WorkbookGrid } from '../workbook/grid';
import type { ExcelRun, XlContext, XlRange, XlWorksheet } from './api';
import { readFormula, readValue } from './cells';
import { DEFAULT_BUDGET_BYTES } from './chunks';
import { wrapOfficeError } from './errors';
import { cellsPerRequest, planSlices, type PendingRows } from './slices';

const VISIBILITY: Record<string, SheetVisibility> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };
/**
 * Columns assumed per sheet when sizing the first read, before extents are known: forms
 * have 5-15. Wider sheets may overflow it; the read then starts again from the extents.
 */
const PROBE_WIDTH = 10;
const DATA = 'values,formulas,numberFormat';

export interface ReadOptions {
  /** Estimated response bytes per request; tests lower it to force slicing. */
  budgetBytes?: number;
}

/** Rows read so far of one sheet, in order. */
interface Matrices {
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
}

function isResponseTooLarge(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 'ResponsePayloadSizeLimitExceeded';
}

function take(into: Matrices, range: XlRange): void {
  into.values.push(...range.values);
  into.formulas.push(...range.formulas);
  into.numberFormat.push(...range.numberFormat);
}

/** The block from A1 to the end of the used range: the grid contract starts at A1. */
function block(ws: XlWorksheet): XlRange {
  // getUsedRange(true) never fails: on a blank sheet it is A1 (the OrNullObject form
  // would need a sync before a range could be built on it).
  return ws.getRange('A1').getBoundingRect(ws.getUsedRange(true));
}

/**
 * Sync 2: every sheet's extent and, optimistically, its first rows. When that response is
 * too large (wide or many large sheets), only the extents are asked for again.
 */
async function probe(ctx: XlContext, sheets: XlWorksheet[], data: Matrices[], cells: number): Promise<{ rows: number; cols: number }[]> {
  const probeRows = Math.max(1, Math.floor(cells / (sheets.length * PROBE_WIDTH)));
  const extents = sheets.map((ws) => block(ws).load('rowCount,columnCount'));
  const firsts = extents.map((b) => b.getIntersection(`1:${probeRows}`).load(DATA));
  try {
    await ctx.sync();
    firsts.forEach((range, i) => take(data[i], range));
    return extents.map((b) => ({ rows: b.rowCount, cols: b.columnCount }));
  } catch (error) {
    if (!isResponseTooLarge(error)) throw error;
  }
  const again = sheets.map((ws) => block(ws).load('rowCount,columnCount'));
  await ctx.sync();
  return again.map((b) => ({ rows: b.rowCount, cols: b.columnCount }));
}

export async function readWorkbook(run: ExcelRun, opts: ReadOptions = {}): Promise<WorkbookGrid> {
  let cells = cellsPerRequest(opts.budgetBytes ?? DEFAULT_BUDGET_BYTES);
  try {
    return await run(async (ctx) => {
      const worksheets = ctx.workbook.worksheets.load('items/name,items/visibility');
      await ctx.sync();
      const sheets = worksheets.items;
      const data: Matrices[] = sheets.map(() => ({ values: [], formulas: [], numberFormat: [] }));
      const extents = sheets.length > 0 ? await probe(ctx, sheets, data, cells) : [];
      const pending = (): PendingRows[] =>
        extents
          .map((e, sheet) => ({ sheet, from: data[sheet].values.length, rows: e.rows - data[sheet].values.length, cols: e.cols }))
          .filter((p) => p.rows > 0);
      for (let left = pending(); left.length > 0; left = pending()) {
        const slices = planSlices(left, cells)[0];
        const ranges = slices.map((s) => sheets[s.sheet].getRangeByIndexes(s.top, 0, s.rows, s.cols).load(DATA));
        try {
          await ctx.sync();
        } catch (error) {
          // The estimate was too low for these cells: halve the request and try again.
          if (!isResponseTooLarge(error) || (slices.length === 1 && slices[0].rows === 1)) throw error;
          cells = Math.max(1, Math.floor(cells / 2));
          continue;
        }
        ranges.forEach((range, i) => take(data[slices[i].sheet], range));
      }
      return { sheets: sheets.map((ws, i) => toSheetGrid(ws.name, VISIBILITY[ws.visibility] ?? 'visible', data[i])) };
    });
  } catch (error) {
    throw wrapOfficeError(error);
  }
}

function toSheetGrid(name: string, visibility: SheetVisibility, block: Matrices): SheetGrid {
  const { values, formulas, numberFormat } = block;
  // A blank sheet reads as one empty cell A1: an empty grid.
  if (values.length === 1 && values[0].length === 1 && values[0][0] === '' && formulas[0][0] === '') {
    return { name, visibility, values: [], formulas: [] };
  }
  return {
    name,
    visibility,
    values: values.map((row, r) => row.map((v, c) => readValue(v, numberFormat[r][c]))),
    formulas: formulas.map((row, r) => row.map((f, c) => readFormula(f, values[r][c]))),
  };
}
