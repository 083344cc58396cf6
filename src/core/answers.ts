/**
 * What a unit enters for one row of the workbook, as raw cell values: validation must
 * see exactly what was typed (a text "1,5", an error value, a number above max).
 */

/** An Excel error value such as `#REF!` or `#VALUE!`. */
export interface CellError {
  error: string;
}

/** A cell's value as both adapters deliver it: formulas arrive as their computed value. */
export type CellValue = number | string | boolean | null | CellError;

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && typeof (v as CellError).error === 'string';
}

/**
 * A cell as trimmed text: the one cell-to-text helper. As a value (evidence, a value quoted
 * in a message) an error gives its code, `#REF!`; as a label (headers, codes, metadata
 * keys, names) an error or a boolean is no text, so it never matches a wording.
 */
export function cellText(v: CellValue | undefined, as: 'value' | 'label' = 'value'): string {
  if (v === null || v === undefined) return '';
  if (isCellError(v)) return as === 'value' ? v.error : '';
  if (typeof v === 'boolean' && as === 'label') return '';
  return String(v).trim();
}

/** One row's entries (phần kê khai của đơn vị), keyed by criterion code. */
export interface Answer {
  code: string;
  /** Số liệu kê khai: Có / Không / Không áp dụng / a percentage. */
  declared?: CellValue;
  /** Điểm tự đánh giá. */
  selfScore?: CellValue;
  /** Tài liệu kiểm chứng: references and links, free text. */
  evidence?: CellValue;
  /** Giải trình. */
  explanation?: CellValue;
  /** Điểm thẩm định (Sở Nội vụ). */
  appraisedScore?: CellValue;
  /** Lý do thẩm định. */
  appraisalReason?: CellValue;
  /** Điểm thẩm định lần 2 (final appraisal, after the unit's explanation): takes precedence over the first. */
  finalScore?: CellValue;
  /** Lý do thẩm định lần 2. */
  finalReason?: CellValue;
  /** Last year's result (Điểm năm trước), when the sheet carries it. */
  previousScore?: CellValue;
  /** Where the row sits, for messages: 1-based row and sheet name. */
  row?: number;
  /** Hyperlinks behind the evidence and explanation cells (cell hyperlinks, HYPERLINK() formulas). */
  links?: CellHyperlink[];
  /**
   * When the self-score cell is a formula that only adds cells of its own column (`=SUM(G9:G11)`,
   * `=G9+G12`): the 1-based rows it adds. A total is then judged by what it adds, not by a
   * cached value that may be stale (manual calculation).
   */
  selfScoreSumOf?: number[];
}

/** A hyperlink the reader cannot see: the target opened, and the text the cell shows. */
export interface CellHyperlink {
  field: 'evidence' | 'explanation';
  target: string;
  shown: string;
}

/** The grand total row of a sheet (`Tổng cộng`, `Tổng điểm`): it has no code, its children are the fields. */
export interface SheetTotal {
  /** 1-based sheet row. */
  row: number;
  selfScore: CellValue;
  selfScoreSumOf?: number[];
}
