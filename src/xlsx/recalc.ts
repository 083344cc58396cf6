/**
 * Cached results for SUM formulas. exceljs computes nothing: a formula it writes has no
 * cached value, and one whose inputs it changed keeps its stale value. Excel recomputes
 * on open (fullCalcOnLoad), but every other reader, this project's CLI included, sees the
 * cached value, so the parent totals of a scoring sheet are recomputed here. Other
 * formulas keep their cached value.
 */
import type ExcelJS from 'exceljs';

const SUM = /^\s*SUM\(([^()]*)\)\s*$/i;
const REF = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/;

type Result = number | { error: string };
/** exceljs's enums, handed in by the writer that loaded exceljs (it is loaded on demand). */
type Kinds = Pick<typeof ExcelJS, 'ValueType' | 'FormulaType'>;

/** Recomputes the cached result of every same-sheet `SUM(A1:B2,C3,...)` in the workbook. */
export function recalcSums(wb: ExcelJS.Workbook, k: Kinds): void {
  for (const ws of wb.worksheets) {
    const memo = new Map<string, Result | null>();
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type !== k.ValueType.Formula || cell.formulaType !== k.FormulaType.Master) return;
        const result = evaluate(k, ws, cell, memo, new Set());
        if (result !== null) cell.value = { ...(cell.value as ExcelJS.CellFormulaValue), result } as ExcelJS.CellValue;
      }),
    );
  }
}

/** The SUM's value, or null when the formula is not a plain same-sheet SUM. */
function evaluate(k: Kinds, ws: ExcelJS.Worksheet, cell: ExcelJS.Cell, memo: Map<string, Result | null>, visiting: Set<string>): Result | null {
  const known = memo.get(cell.address);
  if (known !== undefined) return known;
  const m = SUM.exec(cell.formula ?? '');
  if (!m || visiting.has(cell.address)) return null;
  visiting.add(cell.address);
  let total: Result | null = 0;
  for (const arg of m[1].split(',')) {
    const ref = REF.exec(arg.trim().toUpperCase());
    if (!ref) {
      total = null;
      break;
    }
    const top = Number(ref[2]);
    const bottom = ref[4] ? Number(ref[4]) : top;
    const left = ws.getColumn(ref[1]).number;
    const right = ref[3] ? ws.getColumn(ref[3]).number : left;
    for (let r = Math.min(top, bottom); r <= Math.max(top, bottom) && total !== null; r++) {
      for (let c = Math.min(left, right); c <= Math.max(left, right) && total !== null; c++) {
        total = add(total, valueOf(k, ws, ws.getRow(r).getCell(c), memo, visiting));
      }
    }
    if (total === null) break;
  }
  visiting.delete(cell.address);
  memo.set(cell.address, total);
  return total;
}

function valueOf(k: Kinds, ws: ExcelJS.Worksheet, cell: ExcelJS.Cell, memo: Map<string, Result | null>, visiting: Set<string>): Result | null | undefined {
  if (cell.type === k.ValueType.Formula) {
    if (cell.formulaType === k.FormulaType.Master) return evaluate(k, ws, cell, memo, visiting);
    return resultOf(cell.result);
  }
  return resultOf(cell.value);
}

/** SUM adds numbers and skips text, booleans and blanks in ranges; an error propagates. */
function resultOf(v: unknown): Result | undefined {
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'error' in v) return { error: String((v as { error: unknown }).error) };
  return undefined;
}

function add(total: Result, v: Result | null | undefined): Result | null {
  if (v === null) return null; // an input we cannot compute: leave the cached value alone
  if (typeof total !== 'number') return total;
  if (v === undefined) return total;
  // Rounded so that 0.25 + 0.5 + 0.1 reads as 0.85, as Excel displays it.
  return typeof v === 'number' ? Math.round((total + v) * 1e9) / 1e9 : v;
}
