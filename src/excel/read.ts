/**
 * Reading the open workbook into grids in exactly 2 syncs, whatever its size: the sheet
 * list, then every sheet's block from A1 to the end of its used range (values, formulas
 * and number formats, the latter to show dates as text).
 */
import type { SheetGrid, SheetVisibility, WorkbookGrid } from '../workbook/grid';
import type { ExcelRun, XlRange } from './api';
import { readFormula, readValue } from './cells';
import { wrapOfficeError } from './errors';

const VISIBILITY: Record<string, SheetVisibility> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

export async function readWorkbook(run: ExcelRun): Promise<WorkbookGrid> {
  try {
    return await run(async (ctx) => {
      const worksheets = ctx.workbook.worksheets.load('items/name,items/visibility');
      await ctx.sync();
      // getUsedRange(true) never fails: on a blank sheet it is A1 (the OrNullObject form
      // would need a sync before a range could be built on it).
      const blocks = worksheets.items.map((ws) =>
        ws.getRange('A1').getBoundingRect(ws.getUsedRange(true)).load('values,formulas,numberFormat'),
      );
      await ctx.sync();
      return {
        sheets: worksheets.items.map((ws, i) => toSheetGrid(ws.name, VISIBILITY[ws.visibility] ?? 'visible', blocks[i])),
      };
    });
  } catch (error) {
    throw wrapOfficeError(error);
  }
}

function toSheetGrid(name: string, visibility: SheetVisibility, block: XlRange): SheetGrid {
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
