/**
 * Last year's results (kết quả năm trước) per unit and criterion, for the gap sheet.
 * Sources, best first: the unit's own workbook column (`Điểm năm 2023`), then a baseline
 * given by Sở Nội vụ: JSON or CSV of unit, criterion, score, or last year's summary
 * workbook produced by this tool (its "Chênh lệch mục tiêu" sheet). Pure: text and grids in.
 */
import { cellText, type Answer } from '../core/answers';
import { unitKey } from '../core/consolidate';
import { isWellFormedCode, normalizeCode } from '../core/criteriaSet';
import { parseScore } from '../core/numbers';
import { normalizeText } from '../core/text';
import type { WorkbookGrid } from './grid';

export interface BaselineUnit {
  /** The unit's name as the source spells it. */
  unit: string;
  /** Criterion code -> last year's score. */
  scores: Map<string, number>;
  /** The lines (rows, items) its scores were taken from, to name them when the unit is not consolidated. */
  lines: number[];
}

export interface Baseline {
  /** Keyed by unitKey(name): names match ignoring case, diacritics and spacing. */
  units: Map<string, BaselineUnit>;
}

/** A line or row the parser skipped, and why (Vietnamese and English). */
export interface BaselineProblem {
  /** 1-based line (CSV), row (workbook) or item (JSON). */
  line: number;
  vi: string;
  en: string;
}

export interface BaselineParse {
  baseline: Baseline;
  problems: BaselineProblem[];
}

/** Where a unit's previous results came from; 'none' makes the gap sheet say so. */
export type PreviousSource = 'workbook' | 'baseline' | 'none';

export function emptyBaseline(): Baseline {
  return { units: new Map() };
}

/** Adds one score; the first score of a unit and code wins (a repeat is reported). */
function addScore(b: Baseline, line: number, unit: string, code: string, score: number): boolean {
  const key = unitKey(unit);
  const entry = b.units.get(key) ?? { unit: unit.trim(), scores: new Map<string, number>(), lines: [] };
  b.units.set(key, entry);
  if (entry.scores.has(code)) return false;
  entry.scores.set(code, score);
  entry.lines.push(line);
  return true;
}

/** Checks one (unit, criterion, score) triple; returns a problem or adds the score. */
function take(b: Baseline, line: number, unit: unknown, code: unknown, score: unknown): BaselineProblem | undefined {
  const name = typeof unit === 'string' ? unit.trim() : '';
  if (name === '') return problem(line, 'thiếu tên đơn vị', 'the unit name is missing');
  const raw = typeof code === 'number' || typeof code === 'string' ? String(code).trim() : '';
  const c = raw === '' ? '' : normalizeCode(raw);
  if (c === '' || !isWellFormedCode(c)) return problem(line, `mã tiêu chí "${raw}" không hợp lệ`, `criterion code "${raw}" is invalid`);
  const s = typeof score === 'number' || typeof score === 'string' ? parseScore(score) : undefined;
  if (!s?.ok || s.value < 0) return problem(line, `điểm "${String(score ?? '')}" không phải số không âm`, `score "${String(score ?? '')}" is not a non-negative number`);
  if (!addScore(b, line, name, c, s.value)) return problem(line, `trùng đơn vị "${name}" và mã ${c}; giữ dòng đầu`, `unit "${name}" and code ${c} repeat; the first line is kept`);
  return undefined;
}

function problem(line: number, vi: string, en: string): BaselineProblem {
  return { line, vi, en };
}

// ---------------------------------------------------------------------------
// JSON: [{"unit", "criterion" | "code", "score"}] or {"rows": [...]}

export function parseBaselineJson(json: unknown): BaselineParse {
  const baseline = emptyBaseline();
  const problems: BaselineProblem[] = [];
  const rows = Array.isArray(json) ? json : isObject(json) && Array.isArray(json.rows) ? json.rows : undefined;
  if (!rows) {
    problems.push(problem(0, 'cần một mảng JSON các mục {"unit", "criterion", "score"}', 'expected a JSON array of {"unit", "criterion", "score"}'));
    return { baseline, problems };
  }
  rows.forEach((item: unknown, i: number) => {
    const p = isObject(item)
      ? take(baseline, i + 1, item.unit, item.criterion ?? item.code, item.score)
      : problem(i + 1, 'mục không phải đối tượng JSON', 'the item is not a JSON object');
    if (p) problems.push(p);
  });
  return { baseline, problems };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---------------------------------------------------------------------------
// CSV: unit, criterion, score; comma, semicolon or tab; quotes as RFC 4180

/**
 * Splits CSV text into records. Excel in Vietnamese saves with ';' (the decimal
 * separator is ','), so the separator is the first of ';', tab, ',' found outside quotes
 * in the first line.
 */
export function splitCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const sep = detectSeparator(src);
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function detectSeparator(src: string): string {
  let quoted = false;
  for (const ch of src) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === '\t' || ch === ',')) return ch;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
  }
  return ',';
}

type CsvColumn = 'unit' | 'code' | 'score';

/** Header words for each column, normalised (no diacritics). */
const CSV_HEADERS: Record<CsvColumn, RegExp> = {
  unit: /^(unit|don vi|ten don vi|co quan)$/,
  code: /^(criterion|code|ma|ma tieu chi|tieu chi|stt)$/,
  score: /^(score|diem|ket qua|diem nam \d{4}|ket qua nam \d{4}|ket qua nam truoc)$/,
};

export function parseBaselineCsv(text: string): BaselineParse {
  const baseline = emptyBaseline();
  const problems: BaselineProblem[] = [];
  const records = splitCsv(text);
  let cols: Record<CsvColumn, number> = { unit: 0, code: 1, score: 2 };
  let start = 0;
  const header = records[0]?.map((h) => normalizeText(h));
  if (header && header.some((h) => CSV_HEADERS.unit.test(h))) {
    const find = (k: CsvColumn) => header.findIndex((h) => CSV_HEADERS[k].test(h));
    const found = { unit: find('unit'), code: find('code'), score: find('score') };
    if (found.code < 0 || found.score < 0) {
      problems.push(problem(1, 'dòng tiêu đề thiếu cột mã tiêu chí hoặc điểm', 'the header lacks the criterion or score column'));
      return { baseline, problems };
    }
    cols = found;
    start = 1;
  }
  for (let i = start; i < records.length; i++) {
    const r = records[i];
    if (r.every((v) => v.trim() === '')) continue;
    const p = take(baseline, i + 1, r[cols.unit], r[cols.code], r[cols.score]);
    if (p) problems.push(p);
  }
  return { baseline, problems };
}

/** The canonical CSV (comma, quoted where needed, dot decimals) that parseBaselineCsv reads back. */
export function baselineToCsv(b: Baseline): string {
  const quote = (s: string) => (/[",;\t\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ['unit,criterion,score'];
  for (const u of b.units.values()) for (const [code, score] of u.scores) lines.push([quote(u.unit), code, String(score)].join(','));
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------
// Last year's summary workbook ("Chênh lệch mục tiêu": Đơn vị, Mã tiêu chí, Điểm hiện tại)

export const GAP_SHEET = 'Chênh lệch mục tiêu';
/** Header labels the gap sheet writes and the baseline reader looks for. */
export const GAP_HEADERS = { unit: 'Đơn vị', code: 'Mã tiêu chí', current: 'Điểm hiện tại' } as const;

export function baselineFromSummary(wb: WorkbookGrid): BaselineParse {
  const baseline = emptyBaseline();
  const problems: BaselineProblem[] = [];
  const sheet = wb.sheets.find((s) => s.name === GAP_SHEET);
  const want = { unit: normalizeText(GAP_HEADERS.unit), code: normalizeText(GAP_HEADERS.code), current: normalizeText(GAP_HEADERS.current) };
  let headerRow = -1;
  let cols = { unit: -1, code: -1, current: -1 };
  for (let r = 0; sheet && r < Math.min(sheet.values.length, 30) && headerRow < 0; r++) {
    const texts = (sheet.values[r] ?? []).map((v) => normalizeText(cellText(v, 'label')));
    cols = { unit: texts.indexOf(want.unit), code: texts.indexOf(want.code), current: texts.findIndex((t) => t.startsWith(want.current)) };
    if (cols.unit >= 0 && cols.code >= 0 && cols.current >= 0) headerRow = r;
  }
  if (!sheet || headerRow < 0) {
    problems.push(
      problem(
        0,
        `không có trang "${GAP_SHEET}" với các cột "${GAP_HEADERS.unit}", "${GAP_HEADERS.code}", "${GAP_HEADERS.current}" (bảng tổng hợp do công cụ này tạo)`,
        `no "${GAP_SHEET}" sheet with columns "${GAP_HEADERS.unit}", "${GAP_HEADERS.code}", "${GAP_HEADERS.current}" (a summary made by this tool)`,
      ),
    );
    return { baseline, problems };
  }
  for (let r = headerRow + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r] ?? [];
    const unit = cellText(row[cols.unit], 'label');
    const code = cellText(row[cols.code], 'label');
    // Unit subtotal lines and rows without a score are not results.
    if (unit === '' || code === '' || parseScore(row[cols.current]).ok === false) continue;
    const p = take(baseline, r + 1, unit, code, row[cols.current]);
    if (p) problems.push(p);
  }
  return { baseline, problems };
}

// ---------------------------------------------------------------------------
// Choosing a unit's previous results

/** Scores of the workbook's own previous-year column; empty when it has none. */
export function previousFromAnswers(answers: readonly Answer[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of answers) {
    const s = parseScore(a.previousScore);
    if (s.ok && s.value >= 0) out.set(normalizeCode(a.code), s.value);
  }
  return out;
}

/** The workbook's column when it holds any score, else the baseline's entry for the unit. */
export function previousFor(unit: string, answers: readonly Answer[], baseline: Baseline | undefined): { scores: Map<string, number>; source: PreviousSource } {
  const own = previousFromAnswers(answers);
  if (own.size > 0) return { scores: own, source: 'workbook' };
  const given = baseline?.units.get(unitKey(unit));
  if (given && given.scores.size > 0) return { scores: given.scores, source: 'baseline' };
  return { scores: new Map(), source: 'none' };
}
