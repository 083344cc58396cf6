/**
 * The consolidation outputs as SheetSpecs both adapters render: "Tổng hợp" (one row per
 * unit, ranked within its level, with a text bar of the index), "Chênh lệch mục tiêu"
 * (per unit and criterion: last year, target, now, gap), "Nhật ký kiểm tra" (per file)
 * and "Theo dõi kế hoạch" (the plan's targets, updated by Sở Nội vụ during the year).
 *
 * Every text that comes from a unit's file (names, file names, messages quoting cells)
 * is a plain string value: by the WriteValue contract adapters write it as text, never as
 * a formula. The only formulas here are our own, on the plan sheet.
 */
import type { UnitLevel } from '../core/criteria';
import type { Consolidation, ExpectedUnit, UnitRow, UnitStatus } from '../core/consolidate';
import { unitKey } from '../core/consolidate';
import { compareCodes, type CriteriaLookup } from '../core/criteriaSet';
import { message, sortFindings, type Finding } from '../core/findings';
import { SIPAS_MODE_LABEL, computeGaps, type PlanItem, type SipasMode, type TargetRule } from '../core/targets';
import type { PreviousSource } from './baseline';
import { GAP_HEADERS, GAP_SHEET } from './baseline';
import { a1, type CellRange, type WriteValue } from './grid';
import { materialize, type CellStyle, type SheetSpec, type StreamedSheetSpec, type StyleRule } from './spec';
import { landscapeA4 } from './pageSetup';

export const SUMMARY_SHEET = 'Tổng hợp';
export { GAP_SHEET };
export const LOG_SHEET = 'Nhật ký kiểm tra';
export const PLAN_SHEET = 'Theo dõi kế hoạch';

export const LEVEL_LABEL: Record<UnitLevel, string> = {
  so: 'Sở, ban, ngành',
  huyen: 'UBND cấp huyện',
  xa: 'UBND cấp xã',
};

export const STATUS_LABEL: Record<UnitStatus | 'missing' | 'missing_rejected', string> = {
  accepted: 'Hợp lệ',
  accepted_with_warnings: 'Chấp nhận, có cảnh báo',
  accepted_with_errors: 'Xếp hạng, có lỗi (xem lý do)',
  rejected: 'Bị từ chối',
  duplicate: 'Trùng tệp - chưa xếp hạng',
  missing: 'Chưa nộp',
  missing_rejected: 'Tệp bị từ chối (xem Nhật ký kiểm tra)',
};

/** One █ per 5 points of index: a chart that both adapters and every printer can show. */
export const BAR_STEP = 5;
export function indexBar(index: number): string {
  return '█'.repeat(Math.max(0, Math.round(Math.min(index, 120) / BAR_STEP)));
}

const HEADER_STYLE: CellStyle = { bold: true, wrap: true, hAlign: 'center', vAlign: 'middle', border: 'thin', fill: 'D9E2F3' };
const LEVEL_ORDER: UnitLevel[] = ['so', 'huyen', 'xa'];

function rule(top: number, left: number, bottom: number, right: number, style: CellStyle): StyleRule {
  return { range: { top, left, bottom, right }, style };
}

const num = (v: number | undefined): WriteValue => (v === undefined ? null : v);

// ---------------------------------------------------------------------------
// Tổng hợp

export interface SummaryOptions {
  /** The assessment year, for the title. */
  year: number;
  /** Lines under the title: the sets used, grade thresholds (say when they are a sample). */
  notes?: string[];
  /** Recoverable points by file (the gap sheet's total for the unit). */
  recoverable?: Map<string, number>;
}

export function summarySheet(c: Consolidation, opts: SummaryOptions): SheetSpec {
  const fields = fieldColumns(c.units);
  const head = [
    'STT',
    'Đơn vị',
    'Cấp',
    'Tệp',
    'Trạng thái',
    'Điểm tự đánh giá',
    'Điểm sau thẩm định',
    'Điểm tối đa áp dụng',
    'Chỉ số (%)',
    `Biểu đồ chỉ số (mỗi █ = ${BAR_STEP}%)`,
    ...fields.map((f) => f.label),
    'Xếp hạng trong cấp',
    'Xếp loại',
    'Số lỗi',
    'Số cảnh báo',
    'Điểm có thể cải thiện',
  ];
  const last = head.length - 1;
  const values: WriteValue[][] = [[`TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${opts.year}`]];
  for (const n of opts.notes ?? []) values.push([n]);
  values.push([]);
  const headerRow = values.length;
  values.push(head);
  const styles: StyleRule[] = [rule(0, 0, 0, last, { bold: true, fontSize: 14 }), rule(1, 0, headerRow - 1, last, { italic: true })];
  const merges: CellRange[] = [];

  const rejectedUnits = new Set(c.rejected.map((r) => unitKey(r.unit)));
  let stt = 0;
  for (const level of [...LEVEL_ORDER, undefined]) {
    const rows = c.units.filter((u) => u.level === level);
    const missing = c.missing.filter((m) => m.level === level);
    if (rows.length + missing.length === 0) continue;
    const at = values.length;
    values.push([level ? LEVEL_LABEL[level] : 'Chưa xác định cấp']);
    merges.push({ top: at, left: 0, bottom: at, right: last });
    styles.push(rule(at, 0, at, last, { bold: true, fill: 'F2F2F2', border: 'thin' }));
    for (const u of rows) values.push(unitLine(++stt, u, fields, opts.recoverable?.get(u.file)));
    for (const m of missing) values.push(missingLine(++stt, m, rejectedUnits.has(unitKey(m.name)), head.length));
  }
  const end = values.length - 1;
  styles.push(rule(headerRow, 0, headerRow, last, HEADER_STYLE));
  if (end > headerRow) {
    styles.push(rule(headerRow + 1, 0, end, last, { border: 'thin', vAlign: 'top' }));
    styles.push(rule(headerRow + 1, 5, end, 8, { numberFormat: '0.00' }));
    styles.push(rule(headerRow + 1, 9, end, 9, { color: '2E7D32' }));
    // No field columns when no unit was read: an empty range is an invalid argument in Excel.
    if (fields.length > 0) styles.push(rule(headerRow + 1, 10, end, 9 + fields.length, { numberFormat: '0.00' }));
    styles.push(rule(headerRow + 1, last, end, last, { numberFormat: '0.00' }));
  }
  return {
    name: SUMMARY_SHEET,
    values,
    columnWidths: [5, 34, 14, 22, 18, 10, 10, 10, 9, 26, ...fields.map(() => 12), 9, 12, 7, 9, 11],
    rowHeights: { [headerRow]: 60 },
    merges,
    styles,
    freeze: { rows: headerRow + 1, cols: 2 },
    autoFilter: table(headerRow, end, last),
    print: landscapeA4(headerRow, end, last),
  };
}

/** The filter range of a table: its header row and the rows under it (none yet: the header alone). */
function table(headerRow: number, end: number, last: number): CellRange {
  return { top: headerRow, left: 0, bottom: Math.max(end, headerRow), right: last };
}

interface FieldColumn {
  /** The field's name as compared across levels (see fieldKey). */
  key: string;
  label: string;
}

/**
 * Levels number their fields differently: field 4 is "Cải cách tổ chức bộ máy" for Sở and
 * huyện but "Cải cách chế độ công vụ" for xã. Columns are therefore keyed by the field's
 * name, so every score sits under its own field's name.
 */
function fieldKey(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
}

const LEVEL_SHORT: Record<UnitLevel, string> = { so: 'sở', huyen: 'huyện', xa: 'xã' };

/**
 * The union of the units' fields. Each level's fields keep their order; a field only some
 * levels have goes after the field it follows in its own set. The label is "code. name"
 * where every level gives the field one code, else the name with each level's code.
 */
function fieldColumns(units: readonly UnitRow[]): FieldColumn[] {
  const names = new Map<string, string>();
  const codes = new Map<string, Map<string, Set<UnitLevel | undefined>>>();
  const order: string[] = [];
  for (const level of [...LEVEL_ORDER, undefined]) {
    for (const u of units) {
      if (u.level !== level) continue;
      let after = -1;
      for (const f of [...(u.byField ?? [])].sort((a, b) => compareCodes(a.code, b.code))) {
        const key = fieldKey(f.name);
        if (!names.has(key)) {
          names.set(key, f.name);
          codes.set(key, new Map());
          order.splice(after + 1, 0, key);
        }
        after = Math.max(after, order.indexOf(key));
        const byCode = codes.get(key) as Map<string, Set<UnitLevel | undefined>>;
        byCode.set(f.code, (byCode.get(f.code) ?? new Set()).add(level));
      }
    }
  }
  return order.map((key) => ({ key, label: fieldLabel(names.get(key) as string, codes.get(key) as Map<string, Set<UnitLevel | undefined>>) }));
}

function fieldLabel(name: string, codes: Map<string, Set<UnitLevel | undefined>>): string {
  if (codes.size === 1) return `${[...codes.keys()][0]}. ${name}`;
  const per = [...codes].map(([code, levels]) => `${[...levels].map((l) => (l ? LEVEL_SHORT[l] : 'chưa rõ cấp')).join(', ')}: mục ${code}`);
  return `${name} (${per.join('; ')})`;
}

function unitLine(stt: number, u: UnitRow, fields: FieldColumn[], recoverable: number | undefined): WriteValue[] {
  const own = new Map((u.byField ?? []).map((f) => [fieldKey(f.name), f.final]));
  return [
    stt,
    u.unit,
    u.level ? LEVEL_LABEL[u.level] : null,
    u.file,
    STATUS_LABEL[u.status],
    num(u.self),
    num(appraisedTotal(u)),
    num(u.applicableMax),
    num(u.index),
    u.index !== undefined && u.status !== 'duplicate' ? indexBar(u.index) : null,
    ...fields.map((f) => num(own.get(f.key))),
    num(u.rank),
    u.grade ?? null,
    u.errors,
    u.warnings,
    num(recoverable),
  ];
}

/** Once any row is appraised, the unit's total after appraisal (appraised where present, else self). */
export function appraisedTotal(u: UnitRow): number | undefined {
  return u.appraised !== undefined ? u.final : undefined;
}

function missingLine(stt: number, m: ExpectedUnit, rejected: boolean, width: number): WriteValue[] {
  const row: WriteValue[] = new Array<WriteValue>(width).fill(null);
  row[0] = stt;
  row[1] = m.name;
  row[2] = LEVEL_LABEL[m.level];
  row[4] = STATUS_LABEL[rejected ? 'missing_rejected' : 'missing'];
  return row;
}


// ---------------------------------------------------------------------------
// Chênh lệch mục tiêu

/** One self-scored leaf of a unit: last year, the 2024 target and the gap when last year is known (undefined otherwise). */
export interface GapRow {
  code: string;
  name: string;
  max: number;
  previous?: number;
  target?: number;
  rule?: TargetRule;
  /** Appraised where present, else self; absent when the row was left blank. */
  current?: number;
  gap?: number;
  /** max - current: points still to be won on the row. */
  recoverable: number;
}

export interface UnitGaps {
  unit: string;
  level?: UnitLevel;
  file: string;
  source: PreviousSource;
  rows: GapRow[];
}

/** Every self-scored leaf in document order; target and gap only where last year is known. */
export function gapRows(index: CriteriaLookup, previous: ReadonlyMap<string, number>, current: ReadonlyMap<string, number>): GapRow[] {
  const known = new Map(computeGaps(index, new Map(previous), new Map(current)).map((g) => [g.code, g]));
  const out: GapRow[] = [];
  for (const n of index.nodes) {
    if (!n.isLeaf || n.scoredBy !== 'self' || index.byCode.get(n.code) !== n) continue;
    const g = known.get(n.code);
    const cur = current.get(n.code);
    // One literal with every field (undefined where unknown): all rows share one hidden
    // class; spreads gave each of the 9000+ rows of 150 units its own (~400 bytes more per row).
    out.push({
      code: n.code,
      name: n.node.name,
      max: n.node.maxPoints,
      previous: g?.previous,
      target: g?.target,
      rule: g?.rule,
      current: cur,
      gap: g?.gap,
      recoverable: g ? g.recoverable : round4(Math.max(0, n.node.maxPoints - (cur ?? 0))),
    });
  }
  return out;
}

export function totalRecoverable(rows: readonly GapRow[]): number {
  return round4(rows.reduce((s, r) => s + r.recoverable, 0));
}

const RULE_LABEL: Record<TargetRule, string> = {
  'keep-max': 'Giữ điểm tối đa (Phụ lục 1)',
  raise: 'Nâng điểm so với năm trước (Phụ lục 2)',
};

const SOURCE_LABEL: Record<PreviousSource, string> = {
  workbook: 'Cột điểm năm trước trong tệp của đơn vị',
  baseline: 'Dữ liệu năm trước do Sở Nội vụ cung cấp',
  none: 'Chưa có kết quả năm trước: không tính chỉ tiêu và chênh lệch',
};

export const NO_PREVIOUS = 'Chưa có kết quả năm trước';

export function gapSheet(units: readonly UnitGaps[], opts: { year: number }): SheetSpec {
  return materialize(streamedGapSheet(units, opts));
}

/** The gap sheet with its unit rows produced as they are written (9000+ rows for 150 units). */
export function streamedGapSheet(units: readonly UnitGaps[], opts: { year: number }): StreamedSheetSpec {
  const prevYear = opts.year - 1;
  const head = [
    'STT',
    GAP_HEADERS.unit,
    'Cấp',
    GAP_HEADERS.code,
    'Tiêu chí, tiêu chí thành phần',
    'Điểm tối đa',
    `Kết quả năm trước (${prevYear})`,
    `Chỉ tiêu ${opts.year}`,
    'Cách đặt chỉ tiêu',
    `${GAP_HEADERS.current} (${opts.year})`,
    'Chênh lệch so với chỉ tiêu',
    'Điểm có thể cải thiện',
    'Nguồn kết quả năm trước',
  ];
  const last = head.length - 1;
  const values: WriteValue[][] = [
    [`CHÊNH LỆCH SO VỚI CHỈ TIÊU NĂM ${opts.year} (KẾ HOẠCH 386/KH-UBND)`],
    [
      'Chỉ tiêu: tiêu chí đạt tối đa năm trước giữ điểm tối đa; tiêu chí chưa đạt tối đa nâng lên mức điểm kế tiếp. Điểm hiện tại là điểm thẩm định nếu có, nếu không là điểm tự đánh giá.',
    ],
    [],
  ];
  const headerRow = values.length;
  values.push(head);
  const styles: StyleRule[] = [rule(0, 0, 0, last, { bold: true, fontSize: 14 }), rule(1, 0, 1, last, { italic: true })];
  // Each unit's rows, then its total row.
  const totals: number[] = [];
  let count = 0;
  for (const u of units) {
    count += u.rows.length;
    totals.push(values.length + count);
    count++;
  }
  const end = values.length + count - 1;
  styles.push(rule(headerRow, 0, headerRow, last, HEADER_STYLE));
  if (end > headerRow) {
    styles.push(rule(headerRow + 1, 0, end, last, { border: 'thin', vAlign: 'top' }));
    styles.push(rule(headerRow + 1, 3, end, 3, { numberFormat: '@' }));
    styles.push(rule(headerRow + 1, 4, end, 4, { wrap: true }));
  }
  for (const t of totals) styles.push(rule(t, 0, t, last, { bold: true, fill: 'F2F2F2' }));
  return {
    name: GAP_SHEET,
    values,
    columnWidths: [6, 30, 14, 9, 45, 8, 12, 10, 22, 11, 11, 11, 26],
    rowHeights: { [headerRow]: 45 },
    styles,
    freeze: { rows: headerRow + 1, cols: 2 },
    autoFilter: table(headerRow, end, last),
    print: landscapeA4(headerRow, end, last),
    more: { rows: () => gapLines(units, head.length), count, width: count > 0 ? head.length : 0 },
  };
}

/** The gap sheet's unit rows: one per self-scored leaf, then the unit's total. */
function* gapLines(units: readonly UnitGaps[], width: number): Generator<WriteValue[]> {
  let stt = 0;
  for (const u of units) {
    const level = u.level ? LEVEL_LABEL[u.level] : null;
    for (const r of u.rows) {
      const known = r.previous !== undefined;
      yield [
        ++stt,
        u.unit,
        level,
        r.code,
        r.name,
        r.max,
        known ? (r.previous as number) : NO_PREVIOUS,
        num(r.target),
        r.rule ? RULE_LABEL[r.rule] : null,
        num(r.current),
        num(r.gap),
        r.recoverable,
        SOURCE_LABEL[known ? u.source : 'none'],
      ];
    }
    const sum: WriteValue[] = new Array<WriteValue>(width).fill(null);
    sum[1] = u.unit;
    sum[4] = `Cộng điểm có thể cải thiện của ${u.unit}`;
    sum[11] = totalRecoverable(u.rows);
    yield sum;
  }
}

// ---------------------------------------------------------------------------
// Nhật ký kiểm tra

export interface LogOptions {
  /** Every finding of each file (by file name), to name the main ones of accepted files. */
  findings?: ReadonlyMap<string, readonly Finding[]>;
}

/** Cells stay far below Excel's 32,767 characters. */
const MAX_LISTED = 15;

export function logSheet(c: Consolidation, opts: LogOptions = {}): SheetSpec {
  const head = ['STT', 'Tệp', 'Đơn vị', 'Trạng thái', 'Lý do', 'Số lỗi', 'Số cảnh báo', 'Phát hiện chính', 'Mã băm SHA-256 của tệp'];
  const last = head.length - 1;
  const values: WriteValue[][] = [
    ['NHẬT KÝ KIỂM TRA CÁC TỆP TỔNG HỢP'],
    ['Mỗi tệp được đọc và kiểm tra theo bộ tiêu chí gốc; tệp gốc không bị sửa. Mã băm giúp đối chiếu đúng tệp đã nhận.'],
    [],
  ];
  const headerRow = values.length;
  values.push(head);
  c.log.forEach((r, i) =>
    values.push([
      i + 1,
      r.file,
      r.unit === r.file ? null : r.unit,
      STATUS_LABEL[r.status],
      listMessages(r.reasons),
      r.errors,
      r.warnings,
      mainFindings(opts.findings?.get(r.file) ?? []),
      r.hash,
    ]),
  );
  const end = values.length - 1;
  const styles: StyleRule[] = [rule(0, 0, 0, last, { bold: true, fontSize: 14 }), rule(1, 0, 1, last, { italic: true }), rule(headerRow, 0, headerRow, last, HEADER_STYLE)];
  if (end > headerRow) styles.push(rule(headerRow + 1, 0, end, last, { border: 'thin', vAlign: 'top', wrap: true }));
  if (c.missing.length > 0) {
    values.push([]);
    const at = values.length;
    values.push([`Đơn vị chưa có tệp được chấp nhận (${c.missing.length})`]);
    styles.push(rule(at, 0, at, last, { bold: true }));
    c.missing.forEach((m, i) => values.push([i + 1, null, m.name, LEVEL_LABEL[m.level]]));
  }
  return {
    name: LOG_SHEET,
    values,
    columnWidths: [5, 28, 30, 18, 60, 7, 9, 40, 66],
    styles,
    freeze: { rows: headerRow + 1, cols: 2 },
    // The log rows only: the list of missing units below is another table.
    autoFilter: table(headerRow, end, last),
    print: landscapeA4(headerRow, values.length - 1, last),
  };
}

function listMessages(list: readonly Finding[]): string | null {
  if (list.length === 0) return null;
  const lines = list.slice(0, MAX_LISTED).map((f) => `- ${message(f, 'vi')}`);
  if (list.length > MAX_LISTED) lines.push(`... và ${list.length - MAX_LISTED} lý do khác`);
  return lines.join('\n');
}

/** "EVIDENCE_MISSING ×3; SCORE_MISSING ×1": errors and warnings by code, errors first. */
function mainFindings(list: readonly Finding[]): string | null {
  const counts = new Map<string, number>();
  for (const f of sortFindings(list)) if (f.severity !== 'info') counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  if (counts.size === 0) return null;
  return [...counts].map(([code, n]) => `${code} ×${n}`).join('; ');
}

// ---------------------------------------------------------------------------
// Theo dõi kế hoạch

export interface PlanOptions {
  /** "Kế hoạch 386/KH-UBND ngày 07/6/2024 của UBND tỉnh Bắc Kạn". */
  plan: string;
  baseYear: number;
  targetYear: number;
  sipasMode: SipasMode;
}

/** Printed on a plan sheet built from sample targets, and on each sample row. */
export const SAMPLE_PLAN_NOTE = 'SỐ LIỆU MẪU: các dòng ghi "MẪU" có kết quả năm trước và chỉ tiêu giả định để dùng thử, không phải số liệu chính thức; thay bằng số liệu của kế hoạch trước khi dùng.';
export const SAMPLE_ROW = 'MẪU';

const STATUS_TEXT = { achieved: 'Đạt', 'not-yet': 'Chưa đạt', 'no-data': 'Chưa có số liệu' } as const;

/**
 * The four appendices as one table. "Kết quả mới nhất" is the column Sở Nội vụ fills in
 * during the year; gap and status are formulas over it (ours, not a unit's text) so the
 * sheet stays current; Excel computes them on open.
 */
export function planSheet(items: readonly PlanItem[], opts: PlanOptions): SheetSpec {
  const head = [
    'STT',
    'Phụ lục',
    'Chỉ số',
    'Mã',
    'Nội dung',
    'Đơn vị chủ trì',
    `Kết quả năm ${opts.baseYear}`,
    `Chỉ tiêu năm ${opts.targetYear}`,
    'Kết quả mới nhất',
    'Chênh lệch',
    'Tình trạng',
  ];
  // Sample targets say so on every row they fill, and above the table (issue 10 §6).
  const anySample = items.some((it) => it.sample === true);
  if (anySample) head.push('Số liệu');
  const last = head.length - 1;
  const values: WriteValue[][] = [
    [`THEO DÕI THỰC HIỆN CHỈ TIÊU NĂM ${opts.targetYear}`],
    [`Theo ${opts.plan}: Phụ lục 1-2 Chỉ số CCHC, Phụ lục 3 SIPAS, Phụ lục 4 PAPI.`],
    [`Chỉ tiêu SIPAS (tăng 10%) được tính theo cách: ${SIPAS_MODE_LABEL[opts.sipasMode].vi}.`],
    ['Sở Nội vụ nhập "Kết quả mới nhất" trong năm; chênh lệch và tình trạng tự tính lại.'],
    ...(anySample ? [[SAMPLE_PLAN_NOTE]] : []),
    [],
  ];
  const headerRow = values.length;
  values.push(head);
  const sorted = [...items].sort((a, b) => a.appendix - b.appendix || compareCodes(a.code, b.code));
  sorted.forEach((it, i) => {
    const r = values.length;
    const [prev, target, latest] = [a1(r, 6), a1(r, 7), a1(r, 8)];
    values.push([
      i + 1,
      it.appendix,
      it.index,
      it.code,
      it.name,
      it.leadUnit,
      it.previous,
      it.target,
      num(it.latest),
      { formula: `=IF(${latest}="",MAX(0,${target}-${prev}),MAX(0,${target}-${latest}))` },
      { formula: `=IF(${latest}="","${STATUS_TEXT['no-data']}",IF(${latest}>=${target},"${STATUS_TEXT.achieved}","${STATUS_TEXT['not-yet']}"))` },
      ...(anySample ? [it.sample === true ? SAMPLE_ROW : it.sample === false ? 'Đã công bố' : ''] : []),
    ]);
  });
  const end = values.length - 1;
  const styles: StyleRule[] = [
    rule(0, 0, 0, last, { bold: true, fontSize: 14 }),
    rule(1, 0, headerRow - 1, last, { italic: true }),
    rule(headerRow, 0, headerRow, last, HEADER_STYLE),
  ];
  if (end > headerRow) {
    styles.push(rule(headerRow + 1, 0, end, last, { border: 'thin', vAlign: 'top' }));
    styles.push(rule(headerRow + 1, 3, end, 3, { numberFormat: '@' }));
    styles.push(rule(headerRow + 1, 4, end, 5, { wrap: true }));
    styles.push(rule(headerRow + 1, 6, end, 9, { numberFormat: '0.00##' }));
    styles.push(rule(headerRow + 1, 8, end, 8, { fill: 'FFF8E1' }));
    if (anySample) styles.push(rule(headerRow + 1, last, end, last, { bold: true, color: 'B71C1C', wrap: true }));
  }
  if (anySample) styles.push(rule(headerRow - 2, 0, headerRow - 2, last, { bold: true, color: 'B71C1C' }));
  return {
    name: PLAN_SHEET,
    values,
    columnWidths: [5, 8, 8, 8, 50, 26, 12, 12, 12, 11, 16, ...(anySample ? [14] : [])],
    rowHeights: { [headerRow]: 32 },
    styles,
    freeze: { rows: headerRow + 1, cols: 0 },
    autoFilter: table(headerRow, end, last),
    print: { ...landscapeA4(headerRow, end, last), centerHeader: `Theo dõi chỉ tiêu năm ${opts.targetYear}` },
  };
}

function round4(n: number): number {
  return Math.round(n * 10000) / 10000;
}

/**
 * Merges each title and note line above a sheet's table (one text in column A) across the
 * table's width: the text then spans the table in every renderer instead of widening or
 * overflowing column A (the preview drew "Tổng hợp" column A 900 px wide).
 */
export function mergeTitles<S extends SheetSpec | StreamedSheetSpec>(sheet: S): S {
  const header = sheet.values.findIndex((row) => row.length > 1);
  if (header <= 0) return sheet;
  const last = sheet.values[header].length - 1;
  const titles: CellRange[] = [];
  for (let r = 0; r < header; r++) {
    const row = sheet.values[r];
    if (row.length === 1 && typeof row[0] === 'string' && row[0] !== '') titles.push({ top: r, left: 0, bottom: r, right: last });
  }
  return titles.length > 0 ? { ...sheet, merges: [...titles, ...(sheet.merges ?? [])] } : sheet;
}
