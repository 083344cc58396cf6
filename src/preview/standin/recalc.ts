/**
 * Automatic calculation: after the add-in or the user changes cells, Excel recomputes
 * the formulas. The stand-in does the same for what src/workbook/formula.ts supports
 * (SUM, SUMIF, IF, ROUND, arithmetic, same-sheet references); other formulas keep the
 * cached result they have, as a file written elsewhere would.
 */
import ExcelJS from 'exceljs';
import { recalculateSheet, type FormulaValue } from '../../workbook/formula';
import { dateToSerial } from './cells';

function valueOf(v: unknown, date1904: boolean): FormulaValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToSerial(v, date1904);
  if (typeof v === 'object') {
    const o = v as { error?: string; richText?: { text: string }[]; text?: unknown };
    if (typeof o.error === 'string') return { error: o.error };
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
    if (o.text !== undefined) return valueOf(o.text, date1904);
  }
  return String(v);
}

/** The formula text of a cell (without '='), shared formulas translated by exceljs. */
function formulaOf(cell: ExcelJS.Cell): string | undefined {
  if (cell.type !== ExcelJS.ValueType.Formula) return undefined;
  const f = cell.formula;
  return typeof f === 'string' && f !== '' ? f : undefined;
}

/** Recomputes the cached results of every supported formula in the workbook. */
export function recalculateWorkbook(workbook: ExcelJS.Workbook): void {
  const date1904 = (workbook.properties as { date1904?: boolean }).date1904 === true;
  for (const ws of workbook.worksheets) {
    const formulas: ExcelJS.Cell[] = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (formulaOf(cell) !== undefined) formulas.push(cell);
      }),
    );
    if (formulas.length === 0) continue;
    const cellAt = (row: number, col: number) => ws.findCell(row + 1, col + 1);
    const results = recalculateSheet(
      {
        formulaAt: (row, col) => {
          const cell = cellAt(row, col);
          return cell ? formulaOf(cell) : undefined;
        },
        valueAt: (row, col) => {
          const cell = cellAt(row, col);
          return cell && cell.type !== ExcelJS.ValueType.Merge ? valueOf(cell.value, date1904) : null;
        },
      },
      formulas.map((c) => [Number(c.row) - 1, Number(c.col) - 1] as [number, number]),
    );
    for (const cell of formulas) {
      const result = results.get(`${Number(cell.row) - 1},${Number(cell.col) - 1}`);
      if (result === undefined || result === null) continue;
      cell.value = { ...(cell.value as ExcelJS.CellFormulaValue), result: result as ExcelJS.CellFormulaValue['result'] } as ExcelJS.CellValue;
    }
  }
}
