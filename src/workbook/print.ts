/**
 * The print-ready score sheet (Phiếu tự chấm điểm) of a unit, as a SheetSpec both adapters
 * render: the administrative header (Nghị định 30/2020), the title, the table (code,
 * criterion, max, self-score, appraised score when any, evidence, explanation), totals
 * and index, the place and date line, the signature blocks, and a page setup that needs
 * no fiddling in Excel: A4, binding margins, header row repeated, fit to width, "Trang x/y".
 *
 * Values are written as text formatted the Vietnamese way (`11,5`): the sheet is for
 * reading and signing, and Excel would otherwise show the reader's locale.
 *
 * Pagination is decided here, not by the printer: every row gets an explicit height
 * estimated from its wrapped text (so nothing is cut and no row is split), and a manual
 * page break is placed wherever a page is full, before a heading that would be left
 * alone at a page foot, and before the closing block (totals, date line, signatures),
 * which therefore always sits whole on the last page. Excel and LibreOffice then break
 * at the same rows.
 */
import { cellText, type Answer, type CellValue } from '../core/answers';
import { flattenCriteria, type CriteriaSet } from '../core/criteria';
import { lookupCriteria, normalizeCode } from '../core/criteriaSet';
import { countBySeverity, type Finding } from '../core/findings';
import { formatDateLong, formatNumber } from '../core/format';
import { parseScore } from '../core/numbers';
import { computeTotals, type Totals } from '../core/totals';
import { unscoredText } from '../core/completeness';
import { answersByCode, rulesFor } from '../core/validate';
import { contentHash, formatCheckedAt, shortHash } from './contentHash';
import { a1, type CellRange, type WriteValue } from './grid';
import { GENERIC_ISSUER } from './letterhead';
import type { UnitReading } from './read';
import type { CellStyle, PrintSetup, SheetSpec, StyleRule } from './spec';


export const SCORE_SHEET = 'Phiếu chấm điểm';
export const DRAFT_MARK = 'BẢN NHÁP - CÒN LỖI';
/** The font Nghị định 30/2020 prescribes; LibreOffice on Linux uses its metric twin Liberation Serif. */
export const PRINT_FONT = 'Times New Roman';

/**
 * Whether the letterhead prints the placeholder instead of an issuing body: none was found
 * or given, or the table still holds the placeholder `chiso template` writes without --issuer.
 */
export function isPlaceholderIssuer(issuer: string | undefined): boolean {
  return issuer === undefined || issuer.trim().toUpperCase() === GENERIC_ISSUER;
}

/** Everything the sheet shows, as plain data. */
export interface ScoreSheetInput {
  /** Issuing body above the unit, e.g. "UBND TỈNH BẮC KẠN". */
  issuer?: string;
  unit: string;
  /** 0 when unknown: the title then leaves the year blank. */
  year: number;
  /** The criteria as the unit's sheet defines them, in document order. */
  set: CriteriaSet;
  /** Which criteria set, for the line under the title; the title and sample flag come from the reference set. */
  setLabel?: { id: string; version: string; title?: string; sample?: boolean };
  answers: Answer[];
  totals: Totals;
  /** Error findings of the workbook: any makes the sheet a draft. */
  errors: number;
  /** Self-scored rows left blank: any makes the sheet a draft too. */
  unscored?: number;
  /**
   * Totals the file itself holds (parent rows' self-scores typed or summed by a formula
   * over other rows, the `Tổng cộng` row): printed as the file says them, each one that
   * differs from the sum of its rows marked, listed and making the sheet a draft.
   */
  fileTotals?: readonly FileTotal[];
  /** contentHash() of the workbook; its first 8 characters are stamped. */
  contentHash: string;
  /** When the check ran, Vietnam local time `YYYY-MM-DDTHH:MM`. */
  checkedAt: string;
  /** Place of the date line, e.g. "Bắc Kạn"; a dotted blank when absent. */
  place?: string;
  /** Date of the date line, ISO `YYYY-MM-DD`. */
  date: string;
}

/** A total as the unit's file holds it; `code` is absent for the grand total. */
export interface FileTotal {
  code?: string;
  /** A1 address of the cell in the unit's sheet. */
  cell: string;
  value: CellValue;
}

// ---------------------------------------------------------------------------
// Measures (Excel units: column width in characters of the default font, 7 px each at 96 dpi)

/** Generous average glyph width of Times New Roman 11 pt with Vietnamese marks, px. */
const GLYPH_PX = 6.7;
const CELL_PADDING_PX = 6;
const LINE_PT = 13.5;
const ROW_PADDING_PT = 4;
/** Excel's largest row height. */
const MAX_ROW_PT = 409;
/** Share of a page's height the pagination fills: renderers differ slightly in scale. */
const PAGE_FILL = 0.94;
const A4_IN = { short: 8.27, long: 11.69 };

/** Excel's default font (Calibri 11) has 7 px digits; a column of w characters is w * 7 + 5 px wide. */
export const EXCEL_DIGIT_PX = 7;

export function columnPx(widthChars: number, digitPx = EXCEL_DIGIT_PX): number {
  return Math.round(widthChars * digitPx + 5);
}

/** The width in characters that a renderer whose default font has `digitPx` digits draws `px` wide. */
export function charsForPx(px: number, digitPx = EXCEL_DIGIT_PX): number {
  return Math.round(((px - 5) / digitPx) * 100) / 100;
}

/** Lines a text takes in a column when wrapped at spaces (a word longer than a line is cut). */
export function wrappedLines(text: string, widthChars: number): number {
  const perLine = Math.max(1, Math.floor((columnPx(widthChars) - CELL_PADDING_PX) / GLYPH_PX));
  let lines = 0;
  for (const para of text.normalize('NFC').split('\n')) {
    lines++;
    let used = 0;
    for (const word of para.split(/\s+/).filter((w) => w !== '')) {
      let len = [...word].length;
      if (used > 0 && used + 1 + len <= perLine) {
        used += 1 + len;
        continue;
      }
      if (used > 0) lines++;
      while (len > perLine) {
        lines++;
        len -= perLine;
      }
      used = len;
    }
  }
  return Math.max(1, lines);
}

/**
 * A text cut into pieces of at most `maxLines` wrapped lines each, cut between words (a
 * word longer than a line is cut, as wrappedLines counts it). One piece when it fits.
 */
export function splitWrapped(text: string, widthChars: number, maxLines: number): string[] {
  const perLine = Math.max(1, Math.floor((columnPx(widthChars) - CELL_PADDING_PX) / GLYPH_PX));
  const lines: { text: string; endsPara: boolean }[] = [];
  for (const para of text.normalize('NFC').split('\n')) {
    let line = '';
    for (let word of para.split(/\s+/).filter((w) => w !== '')) {
      if (line !== '' && [...line].length + 1 + [...word].length <= perLine) {
        line += ` ${word}`;
        continue;
      }
      if (line !== '') lines.push({ text: line, endsPara: false });
      while ([...word].length > perLine) {
        lines.push({ text: [...word].slice(0, perLine).join(''), endsPara: false });
        word = [...word].slice(perLine).join('');
      }
      line = word;
    }
    lines.push({ text: line, endsPara: true });
  }
  if (lines.length <= maxLines) return [text];
  const pieces: string[] = [];
  for (let i = 0; i < lines.length; i += maxLines) {
    const chunk = lines.slice(i, i + maxLines);
    pieces.push(chunk.map((l, k) => l.text + (k === chunk.length - 1 ? '' : l.endsPara ? '\n' : ' ')).join(''));
  }
  return pieces;
}

/** Row height in points for the texts of one row (by column), so every wrapped line shows. */
export function rowHeightFor(texts: readonly string[], widths: readonly number[], fontPt = 11): number {
  const lines = Math.max(1, ...texts.map((t, c) => (t === '' ? 1 : wrappedLines(t, (widths[c] ?? 8) * (11 / fontPt)))));
  return Math.min(MAX_ROW_PT, Math.ceil(lines * LINE_PT * (fontPt / 11) + ROW_PADDING_PT));
}

/** Inches, left wider for binding (Nghị định 30/2020: left 30-35 mm, right 15-20 mm, top and bottom 20-25 mm). */
export const PRINT_MARGINS: PrintSetup['margins'] = { top: 0.79, bottom: 0.79, left: 1.18, right: 0.59, header: 0.3, footer: 0.3 };

/** Portrait when the columns fit its width at full size, landscape otherwise. */
export function orientationFor(widths: readonly number[], margins = PRINT_MARGINS): 'portrait' | 'landscape' {
  const need = widths.reduce((s, w) => s + columnPx(w), 0);
  return need <= (A4_IN.short - margins.left - margins.right) * 96 ? 'portrait' : 'landscape';
}

interface Page {
  widthPx: number;
  heightPt: number;
}

function printablePage(orientation: 'portrait' | 'landscape', m = PRINT_MARGINS): Page {
  const [w, h] = orientation === 'portrait' ? [A4_IN.short, A4_IN.long] : [A4_IN.long, A4_IN.short];
  return { widthPx: (w - m.left - m.right) * 96, heightPt: (h - m.top - m.bottom) * 72 };
}

/**
 * Rows after which a new page starts. Rows are placed in order; `repeat` (the header
 * row's height) opens every page after the first; a row in `keepWithNext` moves to the
 * next page when the row after it does not fit; rows from `closing` on stay together,
 * and when they need a new page the `carry` rows before them come along.
 */
export function paginate(
  heights: readonly number[],
  opts: { capacity: number; repeat: number; keepWithNext: ReadonlySet<number>; closing: number; carry: number },
): number[] {
  const breaks: number[] = [];
  const closingHeight = heights.slice(opts.closing).reduce((s, h) => s + h, 0);
  let used = 0;
  const newPage = (before: number) => {
    breaks.push(before - 1);
    used = opts.repeat;
  };
  for (let i = 0; i < heights.length; i++) {
    const h = heights[i];
    const fits = used + h <= opts.capacity;
    if (i > 0 && i === opts.closing && used + closingHeight > opts.capacity) {
      // The last table rows go along, so the totals never open a page on their own.
      const from = Math.max(1, i - opts.carry);
      const carried = heights.slice(from, i).reduce((s, x) => s + x, 0);
      if (from < i && (breaks.length === 0 || breaks[breaks.length - 1] < from - 1) && carried + closingHeight + opts.repeat <= opts.capacity) {
        newPage(from);
        used += carried;
      } else newPage(i);
    }
    else if (i > 0 && !fits) newPage(i);
    else if (i > 0 && opts.keepWithNext.has(i) && i + 1 < heights.length && used + h + heights[i + 1] > opts.capacity) newPage(i);
    used += h;
  }
  return breaks;
}

// ---------------------------------------------------------------------------
// The sheet

type Column = 'code' | 'name' | 'maxPoints' | 'selfScore' | 'appraisedScore' | 'evidence' | 'explanation';

const LABELS: Record<Column, string> = {
  code: 'STT',
  name: 'Tiêu chí, tiêu chí thành phần',
  maxPoints: 'Điểm tối đa',
  selfScore: 'Điểm tự đánh giá',
  appraisedScore: 'Điểm thẩm định',
  evidence: 'Tài liệu kiểm chứng',
  explanation: 'Giải trình',
};

const WIDTHS: Record<Column, number> = { code: 6, name: 38, maxPoints: 8, selfScore: 9, appraisedScore: 9, evidence: 36, explanation: 28 };

/** Words, not points, for rows the unit does not score. */
const SURVEY_TEXT = 'Điều tra XHH';
const NOT_APPLICABLE_TEXT = 'Không áp dụng';

const num = (n: number | undefined): string => (n === undefined ? '' : formatNumber(n, 'vi'));

/** A leaf shows what was typed (as a number when it reads as one); a parent its computed sum. */
function scoreText(v: CellValue | undefined): string {
  const p = parseScore(v);
  return p.ok ? num(p.value) : cellText(v);
}

/** A total as printed: the file's value when it holds one, marked when it is not the sum of the rows. */
interface ShownTotal {
  text: string;
  /** The file's total differs from the sum of its rows. */
  differs: boolean;
  file: FileTotal;
  computed: number;
}

/** The file's totals against the computed ones, by criterion code ('' for the grand total). */
function shownTotals(input: ScoreSheetInput): Map<string, ShownTotal> {
  const out = new Map<string, ShownTotal>();
  for (const file of input.fileTotals ?? []) {
    const computed = (file.code === undefined ? input.totals.self : input.totals.byCode.get(normalizeCode(file.code))?.self) ?? 0;
    const p = parseScore(file.value);
    const differs = !p.ok || Math.abs(p.value - computed) > 1e-6;
    out.set(file.code === undefined ? '' : normalizeCode(file.code), { text: `${scoreText(file.value)}${differs ? ' (*)' : ''}`, differs, file, computed });
  }
  return out;
}

/** The note under the table naming every total of the file that is not the sum of its rows. */
function disagreementNote(differing: readonly ShownTotal[]): string {
  const items = differing.map((d) => `ô ${d.file.cell} (${d.file.code !== undefined ? `tiêu chí ${d.file.code}` : 'Tổng cộng'}) ghi ${scoreText(d.file.value)}, cộng lại được ${num(d.computed)}`);
  return `(*) Số ghi trong tệp khác tổng cộng lại các dòng bên dưới: ${items.join('; ')}. Phiếu in đúng số ghi trong tệp; sửa các ô này trong tệp rồi kiểm tra, in lại.`;
}

/**
 * How the sheet will be rendered. `digitPx`: the digit width of the workbook's default
 * font in the program that prints it, which scales every column width: 7 in Excel
 * (Calibri); LibreOffice without the Carlito font substitutes a wider font (see
 * src/xlsx/pdf.ts). Widths are converted so the physical layout stays the same.
 */
export interface RenderHints {
  digitPx?: number;
}

/**
 * The rows of a print sheet as they are built: values, each row's measured height,
 * merges and styles. Shared by the score sheet and the consolidated report.
 */
export class PrintRows {
  readonly values: WriteValue[][] = [];
  readonly heights: number[] = [];
  readonly merges: CellRange[] = [];
  readonly styles: StyleRule[] = [];

  constructor(readonly widths: readonly number[]) {}

  get last(): number {
    return this.widths.length - 1;
  }

  rule(top: number, left: number, bottom: number, right: number, style: CellStyle): void {
    this.styles.push({ range: { top, left, bottom, right }, style });
  }

  blank(): WriteValue[] {
    return this.widths.map(() => null);
  }

  /**
   * Adds a row; texts spanning merged columns are measured on the merged width. A text
   * taller than Excel's tallest row (a long evidence or explanation) goes on in the rows
   * below, so the printed sheet shows it in full instead of clipping it. Returns the first row.
   */
  add(cells: WriteValue[], spans: [number, number][] = [], fontPt = 11): number {
    const first = this.values.length;
    const merged = [...this.widths];
    for (const [a, b] of spans) merged[a] = this.widths.slice(a, b + 1).reduce((s, w) => s + w, 0);
    const maxLines = Math.floor((MAX_ROW_PT - ROW_PADDING_PT) / (LINE_PT * (fontPt / 11)));
    const pieces = cells.map((v, c) => (typeof v === 'string' && v !== '' ? splitWrapped(v, (merged[c] ?? 8) * (11 / fontPt), maxLines) : [v]));
    const count = Math.max(...pieces.map((p) => p.length));
    for (let k = 0; k < count; k++) {
      const r = this.values.length;
      const row = k === 0 ? cells.map((v, c) => (pieces[c].length > 1 ? pieces[c][0] : v)) : cells.map((_v, c) => (pieces[c].length > 1 ? (pieces[c][k] ?? null) : null));
      this.values.push(row);
      for (const [a, b] of spans) if (b > a) this.merges.push({ top: r, left: a, bottom: r, right: b });
      this.heights.push(rowHeightFor(row.map((v) => (typeof v === 'string' ? v : v === null ? '' : String(v))), merged, fontPt));
    }
    return first;
  }

  /** One text across the whole width. */
  line(text: string, fontPt = 11): number {
    const row = this.blank();
    row[0] = text;
    return this.add(row, [[0, this.last]], fontPt);
  }

  /** Two texts side by side: columns before `split` on the left, the rest on the right. */
  pair(left: string, right: string, split: number, fontPt = 12): number {
    const row = this.blank();
    row[0] = left;
    row[split] = right;
    return this.add(row, [[0, split - 1], [split, this.last]], fontPt);
  }
}

/**
 * The header of an administrative document (Nghị định 30/2020): the issuing body above
 * the unit on the left, the national motto on the right, a short rule under each, a blank.
 */
export function adminHeader(b: PrintRows, split: number, issuer: string, unit: string): void {
  const h0 = b.pair(issuer.toUpperCase(), 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', split);
  b.pair(unit.toUpperCase(), 'Độc lập - Tự do - Hạnh phúc', split);
  const under = b.pair('———————', '———————————————', split);
  b.rule(h0, 0, h0, b.last, { hAlign: 'center', fontSize: 12 });
  b.rule(h0 + 1, 0, h0 + 1, b.last, { hAlign: 'center', fontSize: 12, bold: true });
  b.rule(h0, split, h0, b.last, { bold: true });
  b.rule(under, 0, under, b.last, { hAlign: 'center', fontSize: 8 });
  b.heights[under] = 12;
  b.add(b.blank());
}

export interface Signer {
  /** "THỦ TRƯỞNG ĐƠN VỊ", "GIÁM ĐỐC". */
  role: string;
  /** "(Ký, ghi rõ họ tên, đóng dấu)". */
  how: string;
}

/**
 * The place and date line on the right, then a signature block per side and room to
 * sign. Returns the date line's row: everything from it on wraps.
 */
export function signatureBlock(b: PrintRows, split: number, opts: { place?: string; date: string; left: Signer; right: Signer }): number {
  b.add(b.blank());
  const dateRow = b.pair('', `${opts.place?.trim() || '……………'}, ${formatDateLong(opts.date)}`, split);
  b.rule(dateRow, split, dateRow, b.last, { italic: true, hAlign: 'center', fontSize: 12 });
  const roles = b.pair(opts.left.role, opts.right.role, split);
  b.rule(roles, 0, roles, b.last, { bold: true, hAlign: 'center', fontSize: 12 });
  const how = b.pair(opts.left.how, opts.right.how, split);
  b.rule(how, 0, how, b.last, { italic: true, hAlign: 'center', fontSize: 12 });
  const space = b.add(b.blank());
  b.heights[space] = 72;
  return dateRow;
}

/** Where the table sits in the rows, for the page layout. */
export interface TablePlacement {
  /** The table's header row, repeated on every page. */
  header: number;
  firstData: number;
  /** Rows that must not end a page (headings). */
  keepWithNext: ReadonlySet<number>;
  /** First row of the closing block (totals or lists, date line, signatures), kept whole on the last page. */
  closing: number;
  /** First row that wraps after the table (the date line). */
  wrapFrom: number;
}

/**
 * Finishes a print sheet: the whole sheet in the document font as text, header and
 * closing texts wrapped, every row's height, A4 in the orientation the width needs,
 * binding margins, the header row repeated, "Trang x/y", and the page breaks.
 */
export function printLayout(b: PrintRows, t: TablePlacement, hints: RenderHints, extra: Partial<PrintSetup> = {}): Pick<SheetSpec, 'values' | 'columnWidths' | 'rowHeights' | 'merges' | 'styles' | 'print'> {
  const lastRow = b.values.length - 1;
  const styles: StyleRule[] = [
    { range: { top: 0, left: 0, bottom: lastRow, right: b.last }, style: { fontName: PRINT_FONT, fontSize: 11, numberFormat: '@', vAlign: 'top' } },
    ...b.styles,
    { range: { top: 0, left: 0, bottom: t.firstData - 1, right: b.last }, style: { wrap: true } },
    { range: { top: t.wrapFrom, left: 0, bottom: lastRow, right: b.last }, style: { wrap: true } },
  ];
  const orientation = orientationFor(b.widths);
  const page = printablePage(orientation);
  const tablePx = b.widths.reduce((s, w) => s + columnPx(w), 0);
  const scale = Math.min(1, page.widthPx / tablePx);
  const rowBreaks = paginate(
    b.heights.map((h) => h * scale),
    { capacity: page.heightPt * PAGE_FILL, repeat: b.heights[t.header] * scale, keepWithNext: t.keepWithNext, closing: t.closing, carry: Math.min(2, t.closing - t.firstData) },
  );
  return {
    values: b.values,
    columnWidths: b.widths.map((w) => charsForPx(columnPx(w), hints.digitPx)),
    rowHeights: Object.fromEntries(b.heights.map((h, r) => [r, h])),
    merges: b.merges,
    styles,
    print: {
      orientation,
      paperSize: 'A4',
      fitToWidth: true,
      titleRows: [t.header, t.header],
      margins: PRINT_MARGINS,
      centerFooter: 'Trang &P/&N',
      printArea: { top: 0, left: 0, bottom: lastRow, right: b.last },
      ...(rowBreaks.length > 0 ? { rowBreaks } : {}),
      ...extra,
    },
  };
}

export function buildScoreSheet(input: ScoreSheetInput, hints: RenderHints = {}): SheetSpec {
  const withAppraisal = input.totals.appraised !== undefined;
  const cols: Column[] = ['code', 'name', 'maxPoints', 'selfScore', ...(withAppraisal ? (['appraisedScore'] as const) : []), 'evidence', 'explanation'];
  const at = Object.fromEntries(cols.map((k, i) => [k, i])) as Record<Column, number>;
  const b = new PrintRows(cols.map((k) => WIDTHS[k]));
  const last = b.last;
  const unscored = input.unscored ?? 0;
  const fileTotals = shownTotals(input);
  const differing = [...fileTotals.values()].filter((t) => t.differs);
  const draft = input.errors > 0 || unscored > 0 || differing.length > 0;
  const split = at.maxPoints; // left block: code + name

  adminHeader(b, split, input.issuer ?? GENERIC_ISSUER, input.unit);

  // --- title ---
  const title = b.line(`PHIẾU TỰ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${input.year > 0 ? input.year : '……'}`, 14);
  b.rule(title, 0, title, last, { bold: true, hAlign: 'center', fontSize: 14 });
  const about = input.setLabel;
  if (about) {
    const named = about.title ? `Bộ tiêu chí: ${about.title} (mã ${about.id}, phiên bản ${about.version})` : `Bộ tiêu chí mã ${about.id}, phiên bản ${about.version}`;
    const setLine = b.line(`${named}${about.sample ? ' - BỘ TIÊU CHÍ MẪU, không phải bộ tiêu chí chính thức' : ''}`);
    b.rule(setLine, 0, setLine, last, { italic: true, hAlign: 'center' });
  }
  if (draft) {
    const left = [
      ...(input.errors > 0 ? [`còn ${input.errors} lỗi chưa sửa`] : []),
      ...(unscored > 0 ? [unscoredText(unscored)] : []),
      ...(differing.length > 0 ? [`${differing.length} tổng điểm ghi trong tệp khác tổng cộng lại (*)`] : []),
    ];
    const mark = b.line(`${DRAFT_MARK}: ${left.join(', ')}, không dùng để ký, gửi.`, 13);
    b.rule(mark, 0, mark, last, { bold: true, hAlign: 'center', fontSize: 13, color: 'C00000' });
  } else {
    const stamp = b.line(`Đã kiểm tra lúc ${formatCheckedAt(input.checkedAt)}, mã ${shortHash(input.contentHash)}`);
    b.rule(stamp, 0, stamp, last, { italic: true, hAlign: 'center' });
  }
  b.add(b.blank());

  // --- table ---
  const header = b.add(cols.map((k) => LABELS[k]));
  b.rule(header, 0, header, last, { bold: true, wrap: true, hAlign: 'center', vAlign: 'middle', border: 'thin', fill: 'E7E6E6' });

  const byAnswer = answersByCode(input.answers);
  const keepWithNext = new Set<number>();
  const firstData = b.values.length;
  const fieldRows: number[] = [];
  const markedRows: number[] = [];
  for (const { node, depth } of flattenCriteria(input.set)) {
    const code = normalizeCode(node.code);
    const t = input.totals.byCode.get(code);
    const a = byAnswer.get(code);
    const parent = (node.children?.length ?? 0) > 0;
    const row = b.blank();
    row[at.code] = node.code;
    row[at.name] = node.name;
    row[at.maxPoints] = num(node.maxPoints);
    if (t?.notApplicable) row[at.selfScore] = NOT_APPLICABLE_TEXT;
    else if (node.scoredBy === 'survey') row[at.selfScore] = SURVEY_TEXT;
    else row[at.selfScore] = parent ? (fileTotals.get(code)?.text ?? num(t?.self)) : scoreText(a?.selfScore);
    if (withAppraisal) row[at.appraisedScore] = parent ? num(t?.appraised) : scoreText(a?.appraisedScore);
    row[at.evidence] = cellText(a?.evidence);
    row[at.explanation] = cellText(a?.explanation);
    const r = b.add(row);
    if (parent) keepWithNext.add(r);
    if (parent && fileTotals.get(code)?.differs) markedRows.push(r);
    if (depth === 0) fieldRows.push(r);
  }

  // --- totals and index ---
  const closing = b.values.length;
  const totals = input.totals;
  const totalRow = b.blank();
  totalRow[at.name] = 'TỔNG CỘNG';
  totalRow[at.maxPoints] = num(totals.max);
  totalRow[at.selfScore] = fileTotals.get('')?.text ?? num(totals.self);
  if (withAppraisal) totalRow[at.appraisedScore] = num(totals.appraised);
  const grandRow = b.add(totalRow);
  if (fileTotals.get('')?.differs) markedRows.push(grandRow);
  if (totals.applicableMax !== totals.max) {
    const row = b.blank();
    row[at.name] = 'Điểm tối đa được tính (trừ tiêu chí không áp dụng)';
    row[at.maxPoints] = num(totals.applicableMax);
    b.add(row);
  }
  const pct = (points: number | undefined) => (points === undefined || totals.applicableMax <= 0 ? '' : `${num(Math.round((points / totals.applicableMax) * 10000) / 100)}%`);
  const indexRow = b.blank();
  indexRow[at.name] = 'CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (%)';
  indexRow[at.selfScore] = pct(totals.self);
  if (withAppraisal) indexRow[at.appraisedScore] = pct(totals.appraised);
  const lastTableRow = b.add(indexRow);

  b.rule(firstData, 0, lastTableRow, last, { wrap: true, vAlign: 'top', border: 'thin' });
  b.rule(firstData, at.code, lastTableRow, at.code, { hAlign: 'center' });
  b.rule(firstData, at.maxPoints, lastTableRow, withAppraisal ? at.appraisedScore : at.selfScore, { hAlign: 'center' });
  for (const r of fieldRows) b.rule(r, 0, r, last, { bold: true, fill: 'F2F2F2' });
  b.rule(closing, 0, lastTableRow, last, { bold: true });
  for (const r of markedRows) b.rule(r, at.selfScore, r, at.selfScore, { bold: true, color: 'C00000' });
  if (differing.length > 0) {
    const note = b.line(disagreementNote(differing));
    b.rule(note, 0, b.values.length - 1, last, { wrap: true, italic: true, color: 'C00000' });
  }

  // --- place, date and signatures ---
  const dateRow = signatureBlock(b, split, {
    ...(input.place !== undefined ? { place: input.place } : {}),
    date: input.date,
    left: { role: 'NGƯỜI LẬP BIỂU', how: '(Ký, ghi rõ họ tên)' },
    right: { role: 'THỦ TRƯỞNG ĐƠN VỊ', how: '(Ký, ghi rõ họ tên, đóng dấu)' },
  });

  return {
    name: SCORE_SHEET,
    ...printLayout(b, { header, firstData, keepWithNext, closing, wrapFrom: dateRow }, hints, draft ? { centerHeader: `&"${PRINT_FONT},Bold"&14${DRAFT_MARK}` } : {}),
  };
}

/** An index as Vietnamese readers write it: two decimals at most, decimal comma, `%`. */
export function percent(index: number): string {
  return `${num(Math.round(index * 100) / 100)}%`;
}

/** Options of scoreSheetFromReading beyond what the reading holds. */
export interface ScoreSheetOptions extends RenderHints {
  /** validateReading() of the reading: its errors decide draft or checked. */
  findings: readonly Finding[];
  checkedAt: string;
  date: string;
  place?: string;
  issuer?: string;
  /** The reference criteria set, when known: its title and sample flag are printed; its rules total the sheet. */
  reference?: CriteriaSet;
  /** Self-scored rows left blank (unscoredCriteria): the sheet is then a draft. */
  unscored?: number;
}

function setLabelOf(reading: UnitReading, reference: CriteriaSet | undefined): ScoreSheetInput['setLabel'] {
  if (reference) return { id: reference.id, version: reference.version, title: reference.title, ...(reference.sample ? { sample: true } : {}) };
  const { setId, setVersion } = reading.meta;
  return setId !== undefined ? { id: setId, version: setVersion ?? '' } : undefined;
}

/**
 * The totals the unit's sheet holds itself: every parent row and the `Tổng cộng` row whose
 * self-score cell is not blank, except a formula adding exactly the rows below it (its
 * value is the sum of its rows by construction, whatever its cache holds).
 */
export function fileTotalsOf(reading: UnitReading): FileTotal[] {
  const col = reading.layout.columns.selfScore;
  if (col === undefined) return [];
  const byAnswer = answersByCode(reading.answers);
  const out: FileTotal[] = [];
  const typed = (v: CellValue | undefined) => !(v === null || v === undefined || (typeof v === 'string' && v.trim() === ''));
  const exact = (sumOf: readonly number[] | undefined, rows: (number | undefined)[]) =>
    sumOf !== undefined && sumOf.length === rows.length && rows.every((r) => r !== undefined && sumOf.includes(r));
  for (const { node } of flattenCriteria(reading.set)) {
    const kids = node.children ?? [];
    const a = byAnswer.get(normalizeCode(node.code));
    if (kids.length === 0 || a?.row === undefined || !typed(a.selfScore)) continue;
    if (exact(a.selfScoreSumOf, kids.map((k) => byAnswer.get(normalizeCode(k.code))?.row))) continue;
    out.push({ code: node.code, cell: a1(a.row - 1, col), value: a.selfScore ?? null });
  }
  const grand = reading.total;
  const fields = reading.set.fields.map((f) => byAnswer.get(normalizeCode(f.code))?.row);
  if (grand && typed(grand.selfScore) && !exact(grand.selfScoreSumOf, fields)) out.push({ cell: a1(grand.row - 1, col), value: grand.selfScore });
  return out;
}

/** The score sheet of a reading: totals, error count and content hash computed here. */
export function scoreSheetFromReading(reading: UnitReading, opts: ScoreSheetOptions): SheetSpec {
  const label = setLabelOf(reading, opts.reference);
  return buildScoreSheet({
    ...(opts.issuer !== undefined ? { issuer: opts.issuer } : {}),
    unit: reading.meta.unit ?? '……………',
    year: reading.meta.year ?? reading.set.year,
    set: reading.set,
    ...(label ? { setLabel: label } : {}),
    answers: reading.answers,
    totals: computeTotals(lookupCriteria(rulesFor(reading.set, opts.reference)), reading.answers),
    errors: countBySeverity(opts.findings).error,
    ...(opts.unscored ? { unscored: opts.unscored } : {}),
    fileTotals: fileTotalsOf(reading),
    contentHash: contentHash(reading),
    checkedAt: opts.checkedAt,
    date: opts.date,
    ...(opts.place !== undefined ? { place: opts.place } : {}),
  }, { ...(opts.digitPx !== undefined ? { digitPx: opts.digitPx } : {}) });
}
