/**
 * The workbook as plain grids of cell values, the common ground of the Office.js and
 * .xlsx adapters: src/excel and src/xlsx deliver them, src/workbook reads and plans on them.
 */
import type { CellValue } from '../core/answers';

/** A rectangle, 0-based, inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

export interface SheetGrid {
  name: string;
  /**
   * values[r][c], 0-based from A1 (so row r is sheet row r+1, column c is column c+1):
   * adapters read from A1 to the end of the used range. Formulas arrive as their value;
   * dates as the text Excel shows; error values as { error: '#REF!' }.
   */
  values: CellValue[][];
  /** Formula text ('=SUM(G9:G11)') where a cell holds one, null elsewhere; same shape, optional. */
  formulas?: (string | null)[][];
  merges?: CellRange[];
  visibility?: SheetVisibility;
  /**
   * Hyperlink targets by A1 address, for cells that carry one (the cell's value is the
   * link's display text, as in Excel); optional, given by adapters that read them.
   */
  links?: Record<string, string>;
  /**
   * A sheet read from a text file (a CSV): the file's line each row starts on, 1-based, as
   * a text editor counts them (a line break inside quotes makes a row span two). What a
   * message names for such a file; absent for a workbook's sheet.
   */
  lines?: number[];
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
}

/**
 * A value to write. A string is always literal text, even when it starts with '=',
 * '+', '-' or '@': adapters must write it so Excel never reads it as a formula.
 * Formulas are explicit.
 */
export type WriteValue = number | string | boolean | null | { formula: string };

/** One rectangular block of values, top-left at (row, col), 0-based. */
export interface BlockWrite {
  sheet: string;
  row: number;
  col: number;
  values: WriteValue[][];
}

/** The cells to change for one user action (answers, appraisal, ...): nothing else is touched. */
export interface WritePlan {
  blocks: BlockWrite[];
}

/** 0-based column -> letters (`0` -> `A`, `27` -> `AB`). */
export function columnLetter(col: number): string {
  let c = col + 1;
  let letters = '';
  while (c > 0) {
    const m = (c - 1) % 26;
    letters = String.fromCharCode(65 + m) + letters;
    c = Math.floor((c - 1) / 26);
  }
  return letters;
}

/** 0-based (row, col) -> A1 address. */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}
