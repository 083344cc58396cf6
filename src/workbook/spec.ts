/**
 * A sheet to create, described as data: the template, the print-ready score sheet and
 * the consolidation outputs are all SheetSpecs, and each adapter (exceljs for files,
 * Office.js for the open workbook) renders the same spec: src/workbook builds specs,
 * src/xlsx and src/excel render them.
 */
import type { CellRange, SheetVisibility, WriteValue } from './grid';

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** Font family, e.g. 'Times New Roman' (the font of administrative documents); the workbook default otherwise. */
  fontName?: string;
  /** Font colour and fill as 6-digit hex without '#', e.g. 'B71C1C'. */
  color?: string;
  fill?: string;
  wrap?: boolean;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'middle' | 'bottom';
  border?: 'thin' | 'none';
  /** Excel number format, e.g. '0.00', '0.00%', '@' (text). */
  numberFormat?: string;
  /** Whether the cell is locked when the sheet is protected (Excel's default is true). */
  locked?: boolean;
}

export interface StyleRule {
  range: CellRange;
  style: CellStyle;
}

/** Data validation on a range: a list of allowed numbers, or a decimal between bounds. */
export type ValidationRule =
  | { range: CellRange; kind: 'list'; values: (number | string)[]; message: string }
  | { range: CellRange; kind: 'decimal'; min: number; max: number; message: string };

export interface PrintSetup {
  orientation: 'portrait' | 'landscape';
  paperSize: 'A4';
  /** Fit all columns on the page width, any number of pages tall. */
  fitToWidth: boolean;
  /** Rows repeated at the top of every page, 0-based inclusive. */
  titleRows?: [number, number];
  /** Inches. Left is wider for binding. */
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  /** Header/footer in Excel's codes: '&P' page, '&N' pages; center sections only. */
  centerHeader?: string;
  centerFooter?: string;
  printArea?: CellRange;
  /** Manual page breaks: a new page starts after each of these 0-based rows. */
  rowBreaks?: number[];
}

/**
 * A chart over ranges of the same sheet. The Office.js adapter draws it; exceljs cannot
 * write charts, so .xlsx files carry the figures (and text bars) without it.
 */
export interface ChartSpec {
  type: 'bar' | 'column';
  title: string;
  seriesName: string;
  /** Category labels (e.g. unit names) and values (e.g. index %), one column each, 0-based. */
  categories: CellRange;
  values: CellRange;
  /** Placement: top-left cell and size in cells, 0-based. */
  anchor: { row: number; col: number; rows: number; cols: number };
}

export interface SheetSpec {
  name: string;
  visibility?: SheetVisibility;
  /** Cell values from A1: rows of values (ragged rows allowed). Strings are literal text. */
  values: WriteValue[][];
  /** Column widths in characters, from column A. */
  columnWidths?: number[];
  /** Row heights in points, by 0-based row (sparse). */
  rowHeights?: Record<number, number>;
  merges?: CellRange[];
  styles?: StyleRule[];
  validations?: ValidationRule[];
  /** Protect the sheet (definition columns locked, entry columns unlocked via styles). No password: it prevents accidents, not attacks. */
  protect?: boolean;
  /** Freeze panes: rows above and columns left of this 0-based cell stay visible. */
  freeze?: { rows: number; cols: number };
  /**
   * Filter buttons (Excel's AutoFilter) over a table: its top row is the header row that
   * carries the buttons, the rows below are the data filtered. One per sheet, 0-based.
   */
  autoFilter?: CellRange;
  print?: PrintSetup;
  charts?: ChartSpec[];
  /** Only on a StreamedSheetSpec: a SheetSpec never leaves rows to a source. */
  more?: undefined;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
}

/**
 * A sheet whose rows after `values` come from `more.rows` as they are written, so that a
 * sheet of thousands of rows (the gap sheet of hundreds of units) is never held whole.
 * Only the streaming writer (src/xlsx/streamWrite.ts) takes it: `more` keeps it from
 * passing as a SheetSpec; `materialize` makes it one.
 */
export interface StreamedSheetSpec extends Omit<SheetSpec, 'more'> {
  more: {
    /** Rows produced on demand, in order, each once. */
    rows: () => Iterable<WriteValue[]>;
    /** How many rows `rows` gives, and the length of the longest (the writer states the sheet's extent first). */
    count: number;
    width: number;
  };
}

export interface StreamedWorkbookSpec {
  sheets: (SheetSpec | StreamedSheetSpec)[];
}

/** The SheetSpec of a streamed sheet, its rows held (for the writers of whole sheets). */
export function materialize(sheet: SheetSpec | StreamedSheetSpec): SheetSpec {
  if (!sheet.more) return sheet;
  const { more, ...rest } = sheet;
  return { ...rest, values: [...rest.values, ...more.rows()] };
}
