/**
 * Reading a unit's self-scoring workbook: the table's layout, the unit and year, the
 * criteria set the sheet carries in its own definition columns, and the unit's answers
 * as raw cell values (validation must see exactly what was typed).
 */
import { cellText, type Answer, type CellValue, type SheetTotal } from '../core/answers';
import { flattenSet, type CriteriaSet, type CriterionNode, type UnitLevel } from '../core/criteria';
import { indexSheet, isRomanCode, normalizeCode, parentCodeOf, type SheetIndex } from '../core/criteriaSet';
import { finding, sortFindings, type Finding, type FindingColumn } from '../core/findings';
import { parseMethod } from '../core/method';
import { parseScore, parseVietNumber } from '../core/numbers';
import { unitKey } from '../core/consolidate';
import { normalizeText } from '../core/text';
import { validateSheet } from '../core/validate';
import { resolveCodes, withFieldNumbers, type CodeCell } from './codes';
import { COLUMN_KEYS, type ColumnKey } from './columns';
import { alignCodes, compareWithReference, definitionHash, type CodeAlignment } from './compare';
import { contentHash, formatCheckedAt, shortHash } from './contentHash';
import { WorkbookError } from './errors';
import { a1, type SheetGrid, type WorkbookGrid } from './grid';
import type { HeaderMatcher } from './headers';
import { attachHyperlinks } from './hyperlinks';
import { detectWorkbookLayout, layoutFromMapping, layoutWithColumns, withChosenColumns, type ColumnsByHand, type Layout } from './layout';
import { columnMapToIndices, readMetadata, type WorkbookMetadata } from './metadata';
import { sumFormulaRows } from './sumFormula';

/** "Không áp dụng" with or without diacritics; a regex on the raw text, since methods are long. */
const NOT_APPLICABLE = /\bkh[oô]ng\s+[aá]p\s+d[uụ]ng\b/i;

export interface UnitMeta {
  unit?: string;
  level?: UnitLevel;
  year?: number;
  setId?: string;
  setVersion?: string;
  definitionHash?: string;
  /** Where unit and year came from: the metadata sheet, the title lines, or nowhere. */
  source: 'metadata' | 'title' | 'none';
  /**
   * Set when the unit was not written as a unit line: read from the letterhead's issuing
   * body, or named by the user (ReadOptions.unit, `--unit`, the pane's field).
   */
  unitFrom?: 'letterhead' | 'user';
}

/** A unit of the expected list (units/*.json): names are matched ignoring case, diacritics and spacing. */
export interface KnownUnit {
  name: string;
  level?: UnitLevel;
}

/** The manual column mapping of the task pane: header row and columns, 0-based. */
export interface ColumnMapping {
  sheet: string;
  headerRow: number;
  columns: Partial<Record<ColumnKey, number>>;
}

export interface ReadOptions {
  /** File name, copied into findings. */
  file?: string;
  /** Overrides detection; a bad mapping throws a WorkbookError. */
  mapping?: ColumnMapping;
  /** Header wordings (headerMatcher of a province's file); the bundled ones otherwise. */
  headers?: HeaderMatcher;
  /** Columns named by hand (`--columns`): they win over detection; a map that does not fit throws a WorkbookError. */
  columns?: ColumnsByHand;
  /** The expected units: a unit read from the sheet is given the list's spelling. */
  units?: readonly KnownUnit[];
  /** The unit named by the user, for a workbook that names none (a named unit is kept). */
  unit?: string;
}

/** A row of the table: a criterion (it has a code) or anything else (notes, sub-headings, blanks, totals). */
export interface SheetRow {
  /** 1-based sheet row. */
  row: number;
  kind: 'criterion' | 'other';
  code?: string;
}

export interface UnitReading {
  ok: true;
  file?: string;
  sheet: string;
  layout: Layout;
  meta: UnitMeta;
  /** The metadata sheet as read, kept whole so a writer can change a key and keep the others. */
  metadata?: WorkbookMetadata;
  /** The set as the sheet defines it; node.row is the 1-based sheet row. */
  set: CriteriaSet;
  /** One per criterion row (first row of a duplicated code), raw cell values, row 1-based. */
  answers: Answer[];
  /** Code -> 1-based sheet row (first occurrence). */
  rowOf: Map<string, number>;
  /** Every row from the first data row to the last, in order. */
  rows: SheetRow[];
  /** Findings of the reading itself (codes, maximums, edited definitions), with sheet and cell. */
  findings: Finding[];
  /** The grand total row (`Tổng cộng`, `Tổng điểm`) when the sheet has one. */
  total?: SheetTotal;
  /**
   * For a sheet numbering criteria within each Roman field: the reading's code -> the row
   * as written (`2.1` -> `II/1`), said once by alignReading.
   */
  written?: ReadonlyMap<string, string>;
}

export type ReadFailure = { ok: false; findings: Finding[] };

// ---------------------------------------------------------------------------
// Unit, level and year

/** Sở/Ban/Thanh tra/Văn phòng -> so; UBND huyện/thành phố/thị xã -> huyen; UBND xã/phường/thị trấn -> xa. */
export function levelFromUnitName(name: string): UnitLevel | undefined {
  const n = normalizeText(name).replace(/^uy ban nhan dan\b/, 'ubnd');
  if (/^ubnd (xa|phuong|thi tran)\b/.test(n)) return 'xa';
  if (/^ubnd (huyen|thanh pho|thi xa|quan)\b/.test(n)) return 'huyen';
  if (/^(so|ban|thanh tra|van phong)\b/.test(n)) return 'so';
  return undefined;
}

const UNIT_LINE = /^(ten )?(co quan|don vi)(,? (co quan|don vi))? ?:/;
const TITLE_WORDS = /\b(chi so|cham diem|tu danh gia|cai cach hanh chinh)\b/;

interface TitleInfo {
  unit?: string;
  year?: number;
  title?: string;
  /** The issuing body of the letterhead block (Decree 30/2020), when there is no unit line. */
  letterhead?: string;
  /** The level a title names ("... CÁC SỞ, BAN, NGÀNH ..."). */
  level?: UnitLevel;
}

/** Lines of the right-hand block, signatures and document numbers: never the issuing body. */
const NOT_LETTERHEAD = /^(cong hoa xa hoi|doc lap|so ?:|ngay \d|[-_=.* ]*$)|\bngay \d{1,2} thang\b/;
const LEVEL_IN_TITLE: [RegExp, UnitLevel][] = [
  [/\bcac so\b|\bso, ban, nganh\b|\bso ban nganh\b/, 'so'],
  [/\bcap huyen\b|\bcac huyen\b/, 'huyen'],
  [/\bcap xa\b|\bcac xa\b/, 'xa'],
];

/**
 * The issuing body of the letterhead at the top left: the first texts of the first rows
 * (a merged cell may hold both lines), parent authority first, issuing unit second
 * (`UBND TỈNH BẮC KẠN` / `SỞ TƯ PHÁP`). A body written on two lines (`ỦY BAN NHÂN DÂN` /
 * `HUYỆN BA BỂ`) is joined. Undefined when the block has fewer than two lines.
 */
export function readLetterhead(sheet: SheetGrid, layout: Layout): string | undefined {
  const lines: string[] = [];
  for (const r of layout.titleRows.slice(0, 4)) {
    const first = (sheet.values[r] ?? []).find((v) => typeof v === 'string' && v.trim() !== '');
    if (typeof first !== 'string') continue;
    for (const line of first.normalize('NFC').split(/\r?\n/).map((l) => l.replace(/\s+/g, ' ').trim())) {
      if (line === '') continue;
      const n = normalizeText(line);
      if (TITLE_WORDS.test(n) || UNIT_LINE.test(n) || /^(bang|bieu|phu luc)\b/.test(n)) return pick(lines);
      if (!NOT_LETTERHEAD.test(n)) lines.push(line);
    }
  }
  return pick(lines);

  function pick(ls: string[]): string | undefined {
    if (ls.length < 2) return undefined;
    const top = normalizeText(ls[0]);
    if (/^(uy ban nhan dan|ubnd)$/.test(top)) return `${ls[0]} ${ls[1]}`;
    return ls[1];
  }
}

/** "Đơn vị: Sở Tư pháp", "Tên đơn vị: ...", "Cơ quan: ..." and "... NĂM 2024" above the table. */
export function readTitleLines(sheet: SheetGrid, layout: Layout): TitleInfo {
  const out: TitleInfo = {};
  let anyYear: number | undefined;
  for (const r of layout.titleRows) {
    for (const v of sheet.values[r] ?? []) {
      if (typeof v !== 'string') continue;
      const text = v.normalize('NFC').trim();
      const n = normalizeText(text);
      if (out.unit === undefined && UNIT_LINE.test(n)) {
        const unit = text.slice(text.indexOf(':') + 1).trim();
        if (unit !== '') out.unit = unit;
      }
      if (out.title === undefined && TITLE_WORDS.test(n)) out.title = text.replace(/\s+/g, ' ');
      // The date line ("ngày 10 tháng 1 năm 2025") may be the year after the assessed one.
      const y = /\bnam (\d{4})\b/.exec(n);
      if (y && !/\bngay \d{1,2} thang \d{1,2}\b/.test(n)) {
        if (out.year === undefined && TITLE_WORDS.test(n)) out.year = Number(y[1]);
        anyYear ??= Number(y[1]);
      }
    }
  }
  out.year ??= anyYear;
  if (out.unit === undefined) {
    const body = readLetterhead(sheet, layout);
    if (body !== undefined) out.letterhead = body;
  }
  const title = normalizeText(out.title ?? '');
  out.level = LEVEL_IN_TITLE.find(([re]) => re.test(title))?.[1];
  if (out.level === undefined) delete out.level;
  return out;
}

/** The list's entry for a name, ignoring case, diacritics, spacing and how "UBND" is written. */
export function matchUnit(name: string, units: readonly KnownUnit[] | undefined): KnownUnit | undefined {
  if (!units) return undefined;
  const key = unitKey(name);
  return units.find((u) => unitKey(u.name) === key);
}

function unitMeta(metadata: WorkbookMetadata | undefined, titles: TitleInfo, opts: ReadOptions): UnitMeta {
  const written = metadata?.unit ?? titles.unit;
  const fallback = written === undefined ? (titles.letterhead ?? opts.unit) : undefined;
  const unitFrom = fallback === undefined ? undefined : titles.letterhead !== undefined ? 'letterhead' : 'user';
  const read = written ?? fallback;
  const known = read !== undefined ? matchUnit(read, opts.units) : undefined;
  const unit = known?.name ?? read;
  const year = metadata?.year ?? titles.year;
  const level = metadata?.level ?? known?.level ?? (unit !== undefined ? levelFromUnitName(unit) : undefined) ?? titles.level;
  const source = metadata ? 'metadata' : unit !== undefined || year !== undefined ? 'title' : 'none';
  return {
    ...(unitFrom !== undefined ? { unitFrom } : {}),
    ...(unit !== undefined ? { unit } : {}),
    ...(level !== undefined ? { level } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(metadata?.setId !== undefined ? { setId: metadata.setId } : {}),
    ...(metadata?.setVersion !== undefined ? { setVersion: metadata.setVersion } : {}),
    ...(metadata?.definitionHash !== undefined ? { definitionHash: metadata.definitionHash } : {}),
    source,
  };
}

// ---------------------------------------------------------------------------
// The table

/** "10", 10, "0,5", "10 điểm", "10đ" -> a number; blank -> 'empty'; anything else -> 'bad'. */
function readMax(v: CellValue | undefined): number | 'empty' | 'bad' {
  const s = parseScore(v);
  if (s.ok) return s.value;
  if (s.reason === 'empty') return 'empty';
  if (typeof v === 'string') {
    const m = /^\s*([\d.,]+)\s*(điểm|đ)\s*$/iu.exec(v.normalize('NFC'));
    const n = m ? parseVietNumber(m[1]) : undefined;
    if (n !== undefined) return n;
  }
  return 'bad';
}

/** A line of a scoring method: a score level (`1 điểm`, `Điểm tối đa`) or the survey. */
const METHOD_LINE = /\d\s*(điểm|đ)\b|điểm tối đa|điều tra xã hội học|không áp dụng/iu;

/**
 * A hand-made sheet without a method column writes the method under the name in the
 * same cell (`Ban hành kế hoạch\n- Có: 1 điểm\n- Không: 0 điểm`): the lines from the
 * first method line on are the method. Undefined when the cell has no such line.
 */
export function methodInName(text: string): { name: string; method: string } | undefined {
  const lines = text.normalize('NFC').split(/\r?\n/);
  const at = lines.findIndex((l, i) => i > 0 && METHOD_LINE.test(l));
  if (at < 1) return undefined;
  const name = lines.slice(0, at).join('\n').trim();
  const method = lines.slice(at).join('\n').trim();
  return name === '' ? undefined : { name, method };
}

const ANSWER_COLUMNS = ['declared', 'selfScore', 'evidence', 'explanation', 'appraisedScore', 'appraisalReason', 'finalScore', 'finalReason', 'previousScore'] as const;

interface Table {
  fields: CriterionNode[];
  answers: Answer[];
  rowOf: Map<string, number>;
  rows: SheetRow[];
  findings: Finding[];
  total?: SheetTotal;
  written: ReadonlyMap<string, string>;
}

/** The label of a grand total row, in the name or the code column. */
const GRAND_TOTAL = /^(tong cong|tong diem|tong so diem|cong)\b/;

function readTable(sheet: SheetGrid, layout: Layout): Table {
  const cols = layout.columns;
  const cell = (r: number, key: ColumnKey): CellValue | undefined => {
    const c = cols[key];
    return c === undefined ? undefined : sheet.values[r]?.[c];
  };
  const cells: CodeCell[] = [];
  for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) cells.push({ row: r + 1, value: cell(r, 'code') });
  const resolved = resolveCodes(cells);
  const { codes, written } = withFieldNumbers(resolved.codes);
  // A code read ambiguously is named as the row now reads (with its field's number).
  const codeAt = new Map(cells.map((c, i) => [c.row, codes[i]]));
  const findings = resolved.findings.map((f) => (f.row !== undefined && f.criterion !== undefined ? { ...f, criterion: codeAt.get(f.row) ?? f.criterion } : f));

  const fields: CriterionNode[] = [];
  const answers: Answer[] = [];
  const rows: SheetRow[] = [];
  const rowOf = new Map<string, number>();
  const byCode = new Map<string, CriterionNode>();
  const rowsOfCode = new Map<string, number[]>();
  const blankMax: CriterionNode[] = [];
  let roman: CriterionNode | undefined;

  let total: SheetTotal | undefined;
  const sumOf = (r: number) => (cols.selfScore !== undefined ? sumFormulaRows(sheet.formulas?.[r]?.[cols.selfScore], cols.selfScore) : undefined);

  codes.forEach((code, i) => {
    const row = cells[i].row;
    const r = row - 1;
    if (code === undefined) {
      rows.push({ row, kind: 'other' });
      const label = normalizeText(`${cellText(cell(r, 'code'), 'label')} ${cellText(cell(r, 'name'), 'label')}`.trim());
      if (total === undefined && GRAND_TOTAL.test(label)) {
        const sumRows = sumOf(r);
        total = { row, selfScore: cell(r, 'selfScore') ?? null, ...(sumRows ? { selfScoreSumOf: sumRows } : {}) };
      }
      return;
    }
    rows.push({ row, kind: 'criterion', code });
    rowsOfCode.set(code, [...(rowsOfCode.get(code) ?? []), row]);
    if (byCode.has(code)) return;

    const written = cellText(cell(r, 'name'), 'label');
    const inName = cols.method === undefined ? methodInName(written) : undefined;
    const node: CriterionNode = { code, name: inName?.name ?? written, maxPoints: 0, row };
    const max = readMax(cell(r, 'maxPoints'));
    if (typeof max === 'number') node.maxPoints = max;
    else if (max === 'empty') blankMax.push(node);
    else findings.push(finding('MAX_POINTS_UNREADABLE', { value: cellText(cell(r, 'maxPoints')) }, { criterion: code, field: 'maxPoints', row }));
    const method = inName?.method ?? cellText(cell(r, 'method'), 'label');
    if (method !== '') node.method = method;
    const evidence = cellText(cell(r, 'evidenceRequirement'), 'label');
    if (evidence !== '') node.evidence = evidence;
    if (/^(diem cong|diem thuong)\b/.test(normalizeText(node.name))) node.bonus = true;
    if (NOT_APPLICABLE.test(`${method} ${evidence}`.normalize('NFC'))) node.notApplicableAllowed = true;

    byCode.set(code, node);
    rowOf.set(code, row);
    attach(node);

    const answer: Answer = { code, row };
    for (const key of ANSWER_COLUMNS) if (cols[key] !== undefined) answer[key] = cell(r, key) ?? null;
    attachHyperlinks(answer, sheet, r, cols);
    const sumRows = sumOf(r);
    if (sumRows) answer.selfScoreSumOf = sumRows;
    answers.push(answer);
  });

  function attach(node: CriterionNode): void {
    if (isRomanCode(node.code)) {
      fields.push(node);
      roman = node;
      return;
    }
    const wanted = parentCodeOf(node.code);
    let p = wanted;
    while (p !== undefined && !byCode.has(p)) p = parentCodeOf(p);
    if (p !== wanted) findings.push(finding('CODE_MALFORMED', { code: node.code, parent: wanted ?? '—' }, { criterion: node.code, field: 'code', row: node.row }));
    const parent = p !== undefined ? byCode.get(p) : roman;
    if (parent) (parent.children ??= []).push(node);
    else fields.push(node);
  }

  // A blank maximum on a heading is the sum of its rows; on a leaf it is an error.
  for (const node of blankMax.reverse()) {
    if (node.children?.length) node.maxPoints = node.children.filter((c) => !c.bonus).reduce((s, c) => s + c.maxPoints, 0);
    else findings.push(finding('MAX_POINTS_UNREADABLE', { value: '' }, { criterion: node.code, field: 'maxPoints', row: node.row }));
  }
  for (const node of byCode.values()) {
    if (node.method !== undefined && parseMethod(node.method, node.maxPoints, node.code).method.kind === 'survey') node.scoredBy = 'survey';
  }
  for (const [code, list] of rowsOfCode) {
    if (list.length > 1) findings.push(finding('DUPLICATE_CODE', { code, rows: list.join(', ') }, { criterion: code, field: 'code', row: list[1] }));
  }
  return { fields, answers, rowOf, rows, findings, written, ...(total ? { total } : {}) };
}

/** The unit cannot be named: a warning (not a rejection) saying what is known, so the user can name it. */
function unitNotNamed(level: UnitLevel | undefined, set: CriteriaSet): Finding {
  const LEVEL_VI: Record<UnitLevel, string> = { so: 'sở, ban, ngành', huyen: 'UBND cấp huyện', xa: 'UBND cấp xã' };
  const LEVEL_EN: Record<UnitLevel, string> = { so: 'department', huyen: 'district', xa: 'commune' };
  const known = level !== undefined ? `; cấp đánh giá (${LEVEL_VI[level]}) và bảng "${set.title}" đã rõ` : '';
  const knownEn = level !== undefined ? `; the level (${LEVEL_EN[level]}) and the table "${set.title}" are clear` : '';
  return finding('UNIT_NOT_NAMED', { known, knownEn }, { field: 'file' });
}

// ---------------------------------------------------------------------------
// Reading

function findLayout(wb: WorkbookGrid, metadata: WorkbookMetadata | undefined, opts: ReadOptions): { ok: true; layout: Layout } | ReadFailure {
  const { mapping, headers } = opts;
  if (opts.columns) return { ok: true, layout: layoutWithColumns(wb, opts.columns, metadata?.sheet, headers) };
  if (mapping) {
    const sheet = wb.sheets.find((s) => s.name === mapping.sheet);
    if (!sheet) throw new WorkbookError('SHEET_NOT_FOUND', { sheet: mapping.sheet });
    return { ok: true, layout: layoutFromMapping(sheet, mapping.headerRow, mapping.columns) };
  }
  const detected = detectWorkbookLayout(wb, metadata?.sheet, headers);
  if (detected.ok) {
    const sheet = wb.sheets.find((s) => s.name === detected.layout.sheet);
    const chosen = metadata?.sheet === detected.layout.sheet ? metadata.chosenColumns : undefined;
    return chosen && sheet ? { ok: true, layout: withChosenColumns(detected.layout, sheet, chosen) } : detected;
  }
  // A mapping saved by the manual step is used only when detection fails: columns
  // inserted later would make a stale mapping read the wrong cells.
  const saved = metadata?.sheet !== undefined ? wb.sheets.find((s) => s.name === metadata.sheet) : undefined;
  if (saved && metadata?.columnMap && metadata.headerRow !== undefined) {
    try {
      return { ok: true, layout: layoutFromMapping(saved, metadata.headerRow - 1, columnMapToIndices(metadata.columnMap)) };
    } catch (e) {
      if (!(e instanceof WorkbookError)) throw e;
    }
  }
  return detected;
}

/**
 * Reads the unit's sheet. Fails (with LAYOUT_NOT_FOUND per sheet) only when no sheet
 * has a score table; every other problem is a finding of the reading.
 */
export function readUnitWorkbook(wb: WorkbookGrid, opts: ReadOptions = {}): UnitReading | ReadFailure {
  const withFile = (f: Finding): Finding => (opts.file !== undefined ? { ...f, file: opts.file } : f);
  const metadata = readMetadata(wb);
  const located = findLayout(wb, metadata, opts);
  if (!located.ok) return { ok: false, findings: located.findings.map(withFile) };
  const layout = located.layout;
  const sheet = wb.sheets.find((s) => s.name === layout.sheet) as SheetGrid;
  const titles = readTitleLines(sheet, layout);
  const meta = unitMeta(metadata, titles, opts);
  const table = readTable(sheet, layout);
  const set: CriteriaSet = {
    id: meta.setId ?? sheet.name,
    title: titles.title ?? sheet.name,
    year: meta.year ?? 0,
    levels: meta.level ? [meta.level] : [],
    version: meta.setVersion ?? '',
    source: opts.file ?? sheet.name,
    // Without a reference the calendar year is the period; an unknown year checks no dates.
    period: meta.year !== undefined ? { from: `${meta.year}-01-01`, to: `${meta.year}-12-31` } : { from: '1900-01-01', to: '2100-12-31' },
    fields: table.fields,
  };
  const findings = [...table.findings];
  if (meta.unit === undefined) findings.push(unitNotNamed(meta.level, set));
  if (meta.definitionHash !== undefined && meta.definitionHash !== definitionHash(set)) {
    findings.push(finding('DEFINITION_EDITED', {}, { field: 'set' }));
  }
  const reading: UnitReading = {
    ok: true,
    ...(opts.file !== undefined ? { file: opts.file } : {}),
    sheet: sheet.name,
    layout,
    meta,
    ...(metadata !== undefined ? { metadata } : {}),
    set,
    answers: table.answers,
    rowOf: table.rowOf,
    rows: table.rows,
    findings: [],
    ...(table.total ? { total: table.total } : {}),
    ...(table.written.size > 0 ? { written: table.written } : {}),
  };
  reading.findings = sortFindings(findings.map((f) => locateFinding(reading, f)));
  return reading;
}

// ---------------------------------------------------------------------------
// Locating and validating

const FIELD_COLUMN: Partial<Record<FindingColumn, ColumnKey>> = {
  selfScore: 'selfScore',
  declared: 'declared',
  evidence: 'evidence',
  explanation: 'explanation',
  appraisedScore: 'appraisedScore',
  finalScore: 'finalScore',
  previousScore: 'previousScore',
  maxPoints: 'maxPoints',
  method: 'method',
  code: 'code',
  name: 'name',
};

/** A1 address of a criterion's cell for `field` (its code cell when the field has no column). */
export function cellOf(reading: UnitReading, code: string, field?: FindingColumn): string | undefined {
  const row = reading.rowOf.get(normalizeCode(code));
  if (row === undefined) return undefined;
  const key = field !== undefined ? FIELD_COLUMN[field] : undefined;
  const col = (key !== undefined ? reading.layout.columns[key] : undefined) ?? reading.layout.columns.code;
  return col === undefined ? undefined : a1(row - 1, col);
}

/**
 * Adds the sheet, the row and the A1 cell a finding concerns: the row of its criterion
 * (or its own row), the column of its field (params.column, a ColumnKey, wins when
 * set); the code cell when the sheet lacks that column. Cells already set are kept.
 */
export function locateFinding(reading: UnitReading, f: Finding): Finding {
  const row = f.row ?? (f.criterion !== undefined ? reading.rowOf.get(normalizeCode(f.criterion)) : undefined);
  const named = f.params.column;
  const key = typeof named === 'string' && COLUMN_KEYS.includes(named as ColumnKey) ? (named as ColumnKey) : f.field !== undefined ? FIELD_COLUMN[f.field] : undefined;
  const col = (key !== undefined ? reading.layout.columns[key] : undefined) ?? reading.layout.columns.code;
  return {
    ...f,
    ...(reading.file !== undefined && f.file === undefined ? { file: reading.file } : {}),
    sheet: f.sheet ?? reading.sheet,
    ...(row !== undefined ? { row } : {}),
    ...(f.cell === undefined && row !== undefined && col !== undefined ? { cell: a1(row - 1, col) } : {}),
  };
}

/** The workbook's content no longer has the hash recorded when its score sheet was printed checked. */
function changedSinceCheck(reading: UnitReading): Finding[] {
  const recorded = reading.metadata?.contentHash;
  const checkedAt = reading.metadata?.checkedAt;
  if (recorded === undefined || checkedAt === undefined) return [];
  const current = contentHash(reading);
  if (current === recorded) return [];
  const params = { checkedAt: formatCheckedAt(checkedAt), checkedAtEn: formatCheckedAt(checkedAt, 'en'), recorded: shortHash(recorded), current: shortHash(current) };
  return [finding('CONTENT_CHANGED_SINCE_CHECK', params, { field: 'file' })];
}

/**
 * The reading in the reference's numbering, when the sheet numbers its rows its own way
 * (Roman fields, criteria numbered across fields): rows matched by position and name
 * (alignCodes) take the reference's codes, and CODES_RENUMBERED says so once. A row the
 * reference lacks keeps its code, with its row added when that code is the reference's
 * code of another row (`2 (dòng 14)`): the comparison reports it as CRITERION_UNEXPECTED.
 * The reading itself when the codes agree. `sheet`: the reading's indexSheet, when the
 * caller has made it.
 */
export function alignReading(reading: UnitReading, reference: CriteriaSet, sheet: SheetIndex = indexSheet(reading.set)): { reading: UnitReading; findings: Finding[] } {
  const alignment = alignCodes(reading.set, reference, sheet);
  const renumbered = renumberedRows(reading, alignment);
  if (renumbered.length === 0) return { reading, findings: [] };
  const first = renumbered[0];
  const example = renumbered
    .slice(0, 3)
    .map((r) => `${r.sheet} → ${r.reference}`)
    .join(', ');
  const findings = [finding('CODES_RENUMBERED', { count: renumbered.length, example }, { field: 'code', ...(first.row !== undefined ? { row: first.row } : {}) })];
  if (!alignment || alignment.renumbered.length === 0) return { reading, findings };
  const refCodes = new Set(flattenSet(reference).map((n) => normalizeCode(n.code)));
  // A row the reference lacks whose code is another row's reference code gets its row
  // in its code, so it stays in the tree (its parent's total still adds up) and is
  // reported as CRITERION_UNEXPECTED by the comparison.
  const rowOfSheetCode = new Map([...reading.rowOf].map(([c, r]) => [normalizeCode(c), r]));
  const codeOf = (code: string): string => {
    const c = normalizeCode(code);
    const mapped = alignment.codes.get(c);
    if (mapped !== undefined) return mapped;
    return refCodes.has(c) ? `${c} (dòng ${rowOfSheetCode.get(c) ?? '?'})` : c;
  };
  const translate = (nodes: readonly CriterionNode[]): CriterionNode[] =>
    nodes.map((n) => {
      const { children, ...rest } = n;
      return { ...rest, code: codeOf(n.code), ...(children ? { children: translate(children) } : {}) };
    });
  const set: CriteriaSet = { ...reading.set, fields: translate(reading.set.fields) };
  const answers = reading.answers.map((a) => ({ ...a, code: codeOf(a.code) }));
  const rowOf = new Map<string, number>();
  for (const n of flattenSet(set)) if (n.row !== undefined && !rowOf.has(n.code)) rowOf.set(n.code, n.row);
  const rows = reading.rows.map((r) => (r.code !== undefined ? { ...r, code: codeOf(r.code) } : r));
  const own = reading.findings.map((f) => (f.criterion !== undefined ? { ...f, criterion: codeOf(f.criterion) } : f));
  return { reading: { ...reading, set, answers, rowOf, rows, findings: own }, findings };
}

/**
 * The rows whose code as written is not the reference's: those alignCodes renumbered, and
 * for a sheet numbering within each field every row so read (`II/1 → 2.1`), once each.
 */
function renumberedRows(reading: UnitReading, alignment: CodeAlignment | undefined): CodeAlignment['renumbered'] {
  const written = reading.written;
  if (!written) return alignment?.renumbered ?? [];
  return flattenSet(reading.set).flatMap((n) => {
    const code = normalizeCode(n.code);
    const from = written.get(code) ?? code;
    const to = alignment?.codes.get(code) ?? code;
    return from !== to ? [{ sheet: from, reference: to, ...(n.row !== undefined ? { row: n.row } : {}) }] : [];
  });
}

/** No period: dates are not checked against one (the sheet is for another year). */
const ANY_PERIOD = { from: '1900-01-01', to: '2100-12-31' };

/**
 * Everything to show for a reading: its own findings, the core's validateSheet (the
 * reference's rules on the sheet's rows when given, else the sheet's own), the
 * comparison with the reference, and an edit made after the recorded check; all
 * located, errors first. With a reference, a sheet numbered its own way is first put
 * in the reference's numbering (alignReading); a sheet for another year gives one
 * YEAR_MISMATCH and no evidence date is checked against the period.
 */
export function validateReading(input: UnitReading, opts: { reference?: CriteriaSet; today: string }): Finding[] {
  // With a reference, the sheet's tree is walked once for the alignment, the rules and the comparison.
  const inputIndex = opts.reference ? indexSheet(input.set) : undefined;
  const aligned = opts.reference ? alignReading(input, opts.reference, inputIndex) : { reading: input, findings: [] };
  const reading = aligned.reading;
  const sheetIndex = reading === input ? inputIndex : indexSheet(reading.set);
  const found = [...aligned.findings];
  const otherYear = opts.reference !== undefined && reading.meta.year !== undefined && reading.meta.year !== opts.reference.year;
  if (otherYear && opts.reference) found.push(finding('YEAR_MISMATCH', { found: reading.meta.year as number, expected: opts.reference.year, title: reading.set.title }, { field: 'set' }));
  // A sheet for another year: one YEAR_MISMATCH, and no evidence date checked against the period.
  const reference = opts.reference && otherYear ? { ...opts.reference, period: ANY_PERIOD } : opts.reference;
  found.push(
    ...validateSheet(reading.set, reading.answers, {
      today: opts.today,
      ...(reference ? { reference, sheetIndex } : {}),
      ...(reading.total ? { grandTotal: reading.total } : {}),
    }),
  );
  if (opts.reference) found.push(...compareWithReference(reading.set, opts.reference, reading.meta, reading.layout.missing, sheetIndex));
  found.push(...changedSinceCheck(reading));
  // The reference says what the sheet could not: the level and the set of a unit not named.
  const level = reading.meta.level ?? (reference?.levels.length === 1 ? reference.levels[0] : undefined);
  const own = reading.findings.map((f) => (f.code === 'UNIT_NOT_NAMED' && reference ? locateFinding(reading, unitNotNamed(level, reference)) : f));
  return sortFindings([...own, ...found.map((f) => locateFinding(reading, f))]);
}
