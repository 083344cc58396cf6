/**
 * Finding the score table in a sheet: the header row (one row, or two with merged
 * cells such as "Điểm" over "Tối đa | Tự đánh giá"), the column of each known header,
 * and the rows of data below it.
 */
import { cellText, isCellError, type CellValue } from '../core/answers';
import { finding, type Finding } from '../core/findings';
import { COLUMN_KEYS, COLUMN_LABELS, columnIndex, REQUIRED_COLUMNS, type ColumnKey } from './columns';
import { parseCodeCell } from './codes';
import { WorkbookError } from './errors';
import { columnLetter, type CellRange, type SheetGrid, type WorkbookGrid } from './grid';
import { applyFallbacks, classifyHeader, defaultHeaderMatcher, type HeaderMatcher } from './headers';
import type { ChosenColumn } from './metadata';

/** Where the table is; rows and columns 0-based. */
export interface Layout {
  sheet: string;
  headerTop: number;
  headerBottom: number;
  firstDataRow: number;
  /** Last row with a value in a mapped column; firstDataRow - 1 for an empty table. */
  lastDataRow: number;
  columns: Partial<Record<ColumnKey, number>>;
  /** Optional columns the sheet lacks. */
  missing: ColumnKey[];
  /** Non-empty rows above the header (administrative header, title, "Đơn vị: ..."). */
  titleRows: number[];
}

export type LayoutResult = { ok: true; layout: Layout } | { ok: false; finding: Finding };

/** How far down a header is looked for. */
const HEADER_SEARCH_ROWS = 30;
const MAX_COLUMNS = 200;

/**
 * Texts of the first rows with each merged area's value spread over all its cells,
 * computed once: every row is matched as the top and the bottom of two candidates.
 */
function headerView(sheet: SheetGrid, rows: number, width: number): { texts: string[][]; mergeOf: (r: number, c: number) => CellRange | undefined } {
  const owner = new Map<number, CellRange>();
  for (const m of sheet.merges ?? []) {
    for (let r = m.top; r <= Math.min(m.bottom, rows - 1); r++) {
      for (let c = m.left; c <= Math.min(m.right, MAX_COLUMNS - 1); c++) owner.set(r * MAX_COLUMNS + c, m);
    }
  }
  const raw = (r: number, c: number) => cellText(sheet.values[r]?.[c], 'label');
  const texts: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: string[] = [];
    for (let c = 0; c < width; c++) {
      const m = owner.get(r * MAX_COLUMNS + c);
      row.push(m ? raw(m.top, m.left) : raw(r, c));
    }
    texts.push(row);
  }
  return { texts, mergeOf: (r, c) => owner.get(r * MAX_COLUMNS + c) };
}

interface Candidate {
  top: number;
  bottom: number;
  columns: Partial<Record<ColumnKey, number>>;
  score: number;
}

function scoreOf(columns: Partial<Record<ColumnKey, number>>, rows: number): number {
  let s = 0;
  for (const k of Object.keys(columns) as ColumnKey[]) s += REQUIRED_COLUMNS.includes(k) ? 10 : 1;
  // A two-row header must add a column to be preferred over a one-row header.
  return rows === 2 ? s - 0.5 : s;
}

function matchHeader(texts: string[][], top: number, bottom: number, width: number, matcher: HeaderMatcher): Candidate {
  const classify = (text: string) => classifyHeader(text, matcher);
  const columns: Partial<Record<ColumnKey, number>> = {};
  for (let c = 0; c < width; c++) {
    const up = texts[top][c];
    let key: ColumnKey | undefined;
    if (top === bottom) key = classify(up);
    else {
      const lo = texts[bottom][c];
      // The lower text decides ("Tự đánh giá"); the upper one completes it ("Điểm" + "Tối đa").
      if (lo === '' || lo === up) key = classify(up);
      else key = classify(lo) ?? (up === '' ? undefined : classify(`${up} ${lo}`));
    }
    if (key !== undefined && columns[key] === undefined) columns[key] = c;
  }
  return { top, bottom, columns, score: scoreOf(columns, bottom - top + 1) };
}

function widthOf(sheet: SheetGrid, rows: number): number {
  let w = 0;
  for (let r = 0; r < rows; r++) w = Math.max(w, sheet.values[r]?.length ?? 0);
  return Math.min(w, MAX_COLUMNS);
}

function missingLabels(columns: Partial<Record<ColumnKey, number>>): string[] {
  return REQUIRED_COLUMNS.filter((k) => columns[k] === undefined).map((k) => COLUMN_LABELS[k].vi);
}

/**
 * Finds the header row with the most recognised columns in the first rows of a sheet,
 * headers matched by `matcher` (the bundled wordings unless a province passes its own).
 */
export function detectLayout(sheet: SheetGrid, matcher: HeaderMatcher = defaultHeaderMatcher()): LayoutResult {
  const best = bestHeader(sheet, matcher);
  const missing = missingLabels(best?.columns ?? {});
  if (!best || missing.length > 0) {
    return {
      ok: false,
      finding: finding('LAYOUT_NOT_FOUND', { sheet: sheet.name, missing: missing.join(', ') }, { sheet: sheet.name, field: 'layout' }),
    };
  }
  return { ok: true, layout: completeLayout(sheet, best.top, best.bottom, applyFallbacks(best.columns, matcher)) };
}

/** The header rows recognising most columns, complete or not; top moved up over merged header cells. */
function bestHeader(sheet: SheetGrid, matcher: HeaderMatcher): Candidate | undefined {
  const rows = Math.min(sheet.values.length, HEADER_SEARCH_ROWS);
  const width = widthOf(sheet, rows + 1);
  const view = headerView(sheet, Math.min(rows + 1, sheet.values.length), width);
  let best: Candidate | undefined;
  for (let r = 0; r < rows; r++) {
    for (const bottom of [r, r + 1]) {
      if (bottom >= sheet.values.length) continue;
      const c = matchHeader(view.texts, r, bottom, width, matcher);
      if (c.score > 0 && (!best || c.score > best.score)) best = c;
    }
  }
  if (!best) return undefined;
  // A header cell merged down from above ("STT" over two rows) starts the header there.
  let top = best.top;
  for (const c of Object.values(best.columns) as number[]) top = Math.min(top, view.mergeOf(best.bottom, c)?.top ?? top);
  return { ...best, top };
}

/** A row that numbers the columns ("(1)", "(2)", ... or "A", "B") under the header. */
function isNumberingRow(row: CellValue[] | undefined, nameCol: number | undefined): boolean {
  const cells = (row ?? []).map((v) => cellText(v, 'label')).filter((s) => s !== '');
  if (cells.length < 3 || nameCol === undefined) return false;
  const token = /^\(?(\d{1,2}|[A-Z])\)?$/;
  return cells.every((s) => token.test(s)) && token.test(cellText(row?.[nameCol], 'label'));
}

function completeLayout(sheet: SheetGrid, top: number, bottom: number, columns: Partial<Record<ColumnKey, number>>): Layout {
  let first = bottom + 1;
  while (first < sheet.values.length && isNumberingRow(sheet.values[first], columns.name)) first++;
  const mapped = Object.values(columns) as number[];
  let last = first - 1;
  for (let r = sheet.values.length - 1; r >= first; r--) {
    if (mapped.some((c) => cellText(sheet.values[r]?.[c], 'label') !== '' || isCellError(sheet.values[r]?.[c]))) {
      last = r;
      break;
    }
  }
  const titleRows: number[] = [];
  for (let r = 0; r < top; r++) if ((sheet.values[r] ?? []).some((v) => cellText(v, 'label') !== '')) titleRows.push(r);
  return {
    sheet: sheet.name,
    headerTop: top,
    headerBottom: bottom,
    firstDataRow: first,
    lastDataRow: last,
    columns,
    missing: COLUMN_KEYS.filter((k) => columns[k] === undefined && !REQUIRED_COLUMNS.includes(k)),
    titleRows,
  };
}

/**
 * The header of each column of a found table, as one text: the texts of its header rows
 * (a merged cell's text on each column it spans), distinct ones joined by a space.
 */
export function headerTexts(sheet: SheetGrid, layout: Pick<Layout, 'headerTop' | 'headerBottom'>): string[] {
  const rows = layout.headerBottom + 1;
  const view = headerView(sheet, rows, widthOf(sheet, rows));
  return (view.texts[0] ?? []).map((_, c) => [...new Set(view.texts.slice(layout.headerTop, rows).map((row) => row[c]).filter((t) => t !== ''))].join(' '));
}

/**
 * The layout with the columns the user chose (the criterion card's "Chọn cột") for items
 * detection did not find: only where the column still has the header it had when chosen
 * and serves no other item, so a column moved since is never read as the chosen one.
 */
export function withChosenColumns(layout: Layout, sheet: SheetGrid, chosen: Partial<Record<ColumnKey, ChosenColumn>>): Layout {
  const headers = headerTexts(sheet, layout);
  const used = new Set(Object.values(layout.columns));
  const columns = { ...layout.columns };
  for (const [key, pick] of Object.entries(chosen) as [ColumnKey, ChosenColumn][]) {
    const c = columnIndex(pick.column);
    if (columns[key] !== undefined || c === undefined || used.has(c) || (headers[c] ?? '') !== pick.header) continue;
    columns[key] = c;
    used.add(c);
  }
  if (Object.keys(columns).length === Object.keys(layout.columns).length) return layout;
  return { ...layout, columns, missing: layout.missing.filter((k) => columns[k] === undefined) };
}

/**
 * The layout the user gives in the task pane's manual mapping step: the header row
 * (0-based; data starts below it) and the column of each key. Throws a WorkbookError
 * when a required column is absent or a column is used twice.
 */
export function layoutFromMapping(sheet: SheetGrid, headerRow: number, columns: Partial<Record<ColumnKey, number>>): Layout {
  const missing = missingLabels(columns);
  if (missing.length > 0) {
    throw new WorkbookError('MAPPING_INCOMPLETE', { sheet: sheet.name, missing: missing.join(', ') });
  }
  const used = new Map<number, ColumnKey>();
  for (const k of COLUMN_KEYS) {
    const c = columns[k];
    if (c === undefined) continue;
    const other = used.get(c);
    if (!Number.isInteger(c) || c < 0) throw new WorkbookError('MAPPING_INVALID', { sheet: sheet.name, column: String(c) });
    if (other) throw new WorkbookError('MAPPING_DUPLICATE', { sheet: sheet.name, first: COLUMN_LABELS[other].vi, second: COLUMN_LABELS[k].vi });
    used.set(c, k);
  }
  if (!Number.isInteger(headerRow) || headerRow < 0) throw new WorkbookError('MAPPING_INVALID', { sheet: sheet.name, column: String(headerRow) });
  return completeLayout(sheet, headerRow, headerRow, { ...columns });
}

export type WorkbookLayoutResult = { ok: true; layout: Layout } | { ok: false; findings: Finding[] };

/**
 * The visible sheet holding the score table: the preferred sheet (the one the metadata
 * names) first, then the others in order. When none has one, a finding per sheet.
 */
export function detectWorkbookLayout(wb: WorkbookGrid, preferredSheet?: string, matcher?: HeaderMatcher): WorkbookLayoutResult {
  const visible = wb.sheets.filter((s) => (s.visibility ?? 'visible') === 'visible');
  const ordered = [
    ...visible.filter((s) => s.name === preferredSheet),
    ...visible.filter((s) => s.name !== preferredSheet),
  ];
  const findings: Finding[] = [];
  for (const sheet of ordered) {
    const r = detectLayout(sheet, matcher);
    if (r.ok) return r;
    findings.push(r.finding);
  }
  if (ordered.length === 0) {
    findings.push(finding('LAYOUT_NOT_FOUND', { sheet: '—', missing: REQUIRED_COLUMNS.map((k) => COLUMN_LABELS[k].vi).join(', ') }, { field: 'layout' }));
  }
  return { ok: false, findings };
}

/**
 * Columns named by hand (the CLI's `--columns max=D,score=E`): the given columns win,
 * detection fills in the others, and the header row is the given one, else the detected
 * one, else the row above the first code. The first visible sheet (the metadata's
 * first) whose code column holds a code is used. Throws a WorkbookError when the map
 * leaves a required column out or names one column twice.
 */
export function layoutWithColumns(wb: WorkbookGrid, given: ColumnsByHand, preferredSheet?: string, matcher: HeaderMatcher = defaultHeaderMatcher()): Layout {
  const visible = wb.sheets.filter((s) => (s.visibility ?? 'visible') === 'visible');
  const named = given.sheet ?? preferredSheet;
  if (given.sheet !== undefined && !visible.some((s) => s.name === given.sheet)) throw new WorkbookError('SHEET_NOT_FOUND', { sheet: given.sheet });
  const ordered = given.sheet !== undefined ? visible.filter((s) => s.name === given.sheet) : [...visible.filter((s) => s.name === named), ...visible.filter((s) => s.name !== named)];
  let tableError: { error: WorkbookError; score: number } | undefined;
  for (const sheet of ordered) {
    const detected = bestHeader(sheet, matcher);
    const taken = new Set(Object.values(given.columns));
    const columns: Partial<Record<ColumnKey, number>> = {};
    for (const [k, c] of Object.entries(applyFallbacks(detected?.columns ?? {}, matcher)) as [ColumnKey, number][]) if (!taken.has(c) && given.columns[k] === undefined) columns[k] = c;
    Object.assign(columns, given.columns);
    const codeCol = columns.code;
    const firstCode = codeCol === undefined ? -1 : sheet.values.findIndex((row) => parseCodeCell(row?.[codeCol]) !== undefined);
    const header = given.headerRow !== undefined ? given.headerRow - 1 : (detected?.bottom ?? firstCode - 1);
    // A code column without a single code is the wrong column, not a missing one.
    const noCode = () =>
      codeCol === undefined
        ? new WorkbookError('MAPPING_INCOMPLETE', { sheet: sheet.name, missing: COLUMN_LABELS.code.vi })
        : new WorkbookError('MAPPING_NO_CODES', { sheet: sheet.name, column: columnLetter(codeCol) });
    try {
      if (header < 0) throw noCode();
      const layout = layoutFromMapping(sheet, header, columns);
      if (given.sheet !== undefined || firstCode > header) return layout;
      throw noCode();
    } catch (e) {
      if (!(e instanceof WorkbookError)) throw e;
      // The error of the sheet that looks most like the table says most.
      const score = detected?.score ?? 0;
      if (!tableError || score > tableError.score) tableError = { error: e, score };
    }
  }
  throw tableError?.error ?? new WorkbookError('SHEET_NOT_FOUND', { sheet: named ?? '—' });
}

/** A column map given by hand: 0-based columns, the 1-based header row and the sheet when given. */
export interface ColumnsByHand {
  columns: Partial<Record<ColumnKey, number>>;
  headerRow?: number;
  sheet?: string;
}
