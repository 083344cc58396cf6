/**
 * The official-format self-scoring sheet for a unit, as a WorkbookSpec both adapters
 * render: administrative header and title, the table with one row per criterion,
 * sums on parent rows, score validation from each row's scoring method, definition
 * columns locked, print setup, and the veryHidden metadata sheet.
 */
import { flattenCriteria, type CriteriaSet, type CriterionNode, type UnitLevel } from '../core/criteria';
import { formatNumber } from '../core/format';
import { describeAllowed, parseMethod, type AllowedScores } from '../core/method';
import { COLUMN_LABELS, type ColumnKey } from './columns';
import { definitionHash } from './compare';
import { a1, type CellRange, type WriteValue } from './grid';
import { GENERIC_ISSUER } from './letterhead';
import { METADATA_FORMAT, columnMapFromIndices, metadataSheetSpec } from './metadata';
import type { CellStyle, SheetSpec, StyleRule, ValidationRule, WorkbookSpec } from './spec';
import { landscapeA4 } from './pageSetup';

export const TEMPLATE_SHEET = 'Tự chấm điểm';

export interface TemplateOptions {
  withAppraisal?: boolean;
  withPrevious?: boolean;
  /** The body above the unit in the administrative header, e.g. "UBND TỈNH BẮC KẠN". */
  issuer?: string;
}

/** The form's placeholder (Nghị định 30/2020) when no issuing body is given. */

const WIDTHS: Record<ColumnKey, number> = {
  code: 7,
  name: 45,
  maxPoints: 9,
  declared: 12,
  method: 40,
  evidenceRequirement: 32,
  selfScore: 10,
  evidence: 36,
  explanation: 30,
  note: 14,
  appraisedScore: 10,
  appraisalReason: 26,
  finalScore: 10,
  finalReason: 26,
  previousScore: 10,
};

const SCORE_KEYS: ColumnKey[] = ['maxPoints', 'selfScore', 'appraisedScore', 'finalScore', 'previousScore'];
/** Summed on parent rows and the total row. */
const SUM_KEYS: ColumnKey[] = ['selfScore', 'appraisedScore', 'finalScore', 'previousScore'];
/** Free entry on every row. */
const TEXT_ENTRY_KEYS: ColumnKey[] = ['declared', 'evidence', 'explanation', 'note', 'appraisalReason', 'finalReason'];

const HEADER_ROW = 7;

interface Placed {
  node: CriterionNode;
  row: number;
  depth: number;
  childRows: number[];
}

/** One row per node in document order, below the header; a parent knows its children's rows for its sum. */
function place(set: CriteriaSet): Placed[] {
  const flat = flattenCriteria(set);
  const rowOf = new Map(flat.map((e, i) => [e.node, HEADER_ROW + 1 + i]));
  return flat.map(({ node, depth }) => ({ node, depth, row: rowOf.get(node)!, childRows: (node.children ?? []).map((c) => rowOf.get(c)!) }));
}

/** `=SUM(G9:G11,G14)` over 0-based rows of one column, contiguous rows as ranges. */
function sumFormula(col: number, rows: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    parts.push(i === j ? a1(rows[i], col) : `${a1(rows[i], col)}:${a1(rows[j], col)}`);
    i = j + 1;
  }
  return `=SUM(${parts.join(',')})`;
}

/** Contiguous runs of 0-based rows as ranges of one column. */
function runs(col: number, rows: number[]): CellRange[] {
  const out: CellRange[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last.bottom === r - 1) last.bottom = r;
    else out.push({ top: r, left: col, bottom: r, right: col });
  }
  return out;
}

export function buildTemplate(set: CriteriaSet, unit: { name: string; level: UnitLevel }, opts: TemplateOptions = {}): WorkbookSpec {
  const keys: ColumnKey[] = ['code', 'name', 'maxPoints', 'declared', 'method', 'evidenceRequirement', 'selfScore', 'evidence', 'explanation', 'note'];
  // The first appraisal, then the final one after the unit's explanation (thẩm định lần 2).
  if (opts.withAppraisal) keys.push('appraisedScore', 'appraisalReason', 'finalScore', 'finalReason');
  if (opts.withPrevious) keys.push('previousScore');
  const col = Object.fromEntries(keys.map((k, i) => [k, i])) as Partial<Record<ColumnKey, number>>;
  const last = keys.length - 1;
  const label = (k: ColumnKey) => (k === 'previousScore' ? `Điểm năm ${set.year - 1}` : COLUMN_LABELS[k].vi);

  const placed = place(set);
  const totalRow = HEADER_ROW + 1 + placed.length;
  const mid = Math.ceil(keys.length / 2);
  const blank = (): WriteValue[] => keys.map(() => null);

  // --- title block ---
  const values: WriteValue[][] = [blank(), blank(), blank(), blank(), blank(), blank(), blank()];
  values[0][0] = opts.issuer ?? GENERIC_ISSUER;
  values[0][mid] = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  values[1][0] = unit.name.toUpperCase();
  values[1][mid] = 'Độc lập - Tự do - Hạnh phúc';
  values[3][0] = `BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${set.year}`;
  values[4][0] = `Đơn vị: ${unit.name}`;
  values[5][0] = `Bộ tiêu chí: ${set.title} (mã ${set.id}, phiên bản ${set.version})${set.sample ? ' - BỘ TIÊU CHÍ MẪU, không phải bộ tiêu chí chính thức' : ''}`;
  values.push(keys.map(label));

  // --- table ---
  const validations: ValidationRule[] = [];
  const entryRows: number[] = [];
  const parentRows: number[] = [];
  for (const p of placed) {
    const n = p.node;
    const row = blank();
    row[col.code as number] = n.code;
    row[col.name as number] = n.name;
    row[col.maxPoints as number] = n.maxPoints;
    row[col.method as number] = n.method ?? null;
    row[col.evidenceRequirement as number] = n.evidence ?? null;
    if (p.childRows.length > 0) {
      parentRows.push(p.row);
      for (const k of SUM_KEYS) if (col[k] !== undefined) row[col[k]] = { formula: sumFormula(col[k], p.childRows) };
    } else {
      const parsed = parseMethod(n.method, n.maxPoints, n.code).method;
      if (n.scoredBy !== 'survey' && parsed.kind !== 'survey') {
        entryRows.push(p.row);
        for (const k of ['selfScore', 'appraisedScore', 'finalScore'] as const) {
          if (col[k] !== undefined) validations.push(scoreRule({ top: p.row, left: col[k], bottom: p.row, right: col[k] }, k, n, parsed.allowed));
        }
      }
    }
    values.push(row);
  }
  const total = blank();
  total[col.name as number] = 'TỔNG CỘNG';
  total[col.maxPoints as number] = set.fields.filter((f) => !f.bonus).reduce((s, f) => s + f.maxPoints, 0);
  const fieldRows = placed.filter((p) => p.depth === 0).map((p) => p.row);
  for (const k of SUM_KEYS) if (col[k] !== undefined && fieldRows.length > 0) total[col[k]] = { formula: sumFormula(col[k], fieldRows) };
  values.push(total);

  const styles = templateStyles(keys, col, placed, entryRows, totalRow, last);
  const table: SheetSpec = {
    name: TEMPLATE_SHEET,
    values,
    columnWidths: keys.map((k) => WIDTHS[k]),
    rowHeights: { [HEADER_ROW]: 48, 3: 24 },
    merges: [
      { top: 0, left: 0, bottom: 0, right: mid - 1 },
      { top: 0, left: mid, bottom: 0, right: last },
      { top: 1, left: 0, bottom: 1, right: mid - 1 },
      { top: 1, left: mid, bottom: 1, right: last },
      { top: 3, left: 0, bottom: 3, right: last },
      { top: 4, left: 0, bottom: 4, right: last },
      { top: 5, left: 0, bottom: 5, right: last },
    ],
    styles,
    validations,
    protect: true,
    freeze: { rows: HEADER_ROW + 1, cols: 2 },
    print: landscapeA4(HEADER_ROW, totalRow, last),
  };
  const meta = metadataSheetSpec({
    format: METADATA_FORMAT,
    setId: set.id,
    setVersion: set.version,
    unit: unit.name,
    level: unit.level,
    year: set.year,
    definitionHash: definitionHash(set),
    sheet: TEMPLATE_SHEET,
    headerRow: HEADER_ROW + 1,
    columnMap: columnMapFromIndices(col),
  });
  return { sheets: [table, meta] };
}

function scoreRule(range: CellRange, key: 'selfScore' | 'appraisedScore' | 'finalScore', n: CriterionNode, allowed: AllowedScores): ValidationRule {
  const what = COLUMN_LABELS[key].vi;
  const message = `${what} của tiêu chí ${n.code}: ${describeAllowed(allowed, 'vi')} (tối đa ${formatNumber(n.maxPoints, 'vi')}).`;
  return allowed.kind === 'set'
    ? { range, kind: 'list', values: allowed.values, message }
    : { range, kind: 'decimal', min: allowed.min, max: Math.min(allowed.max, n.maxPoints), message };
}

function templateStyles(
  keys: ColumnKey[],
  col: Partial<Record<ColumnKey, number>>,
  placed: Placed[],
  entryRows: number[],
  totalRow: number,
  last: number,
): StyleRule[] {
  const rule = (top: number, left: number, bottom: number, right: number, style: CellStyle): StyleRule => ({ range: { top, left, bottom, right }, style });
  const first = HEADER_ROW + 1;
  const out: StyleRule[] = [
    rule(0, 0, 1, last, { bold: true, hAlign: 'center', fontSize: 12 }),
    rule(3, 0, 3, last, { bold: true, hAlign: 'center', fontSize: 14 }),
    rule(4, 0, 5, last, { italic: true, hAlign: 'center' }),
    rule(HEADER_ROW, 0, HEADER_ROW, last, { bold: true, wrap: true, hAlign: 'center', vAlign: 'middle', border: 'thin', fill: 'D9E2F3' }),
    rule(first, 0, totalRow, last, { wrap: true, vAlign: 'top', border: 'thin' }),
    rule(first, col.code as number, totalRow, col.code as number, { hAlign: 'center', numberFormat: '@' }),
  ];
  for (const k of keys) {
    if (SCORE_KEYS.includes(k)) out.push(rule(first, col[k] as number, totalRow, col[k] as number, { numberFormat: '0.##', hAlign: 'center' }));
  }
  // Entry columns are unlocked; definitions, sums and survey rows stay locked.
  for (const k of TEXT_ENTRY_KEYS) {
    if (col[k] !== undefined) out.push(rule(first, col[k], totalRow - 1, col[k], { locked: false }));
  }
  for (const k of ['selfScore', 'appraisedScore', 'finalScore', 'previousScore'] as const) {
    if (col[k] === undefined) continue;
    const rows = k === 'previousScore' ? placed.filter((p) => p.childRows.length === 0).map((p) => p.row) : entryRows;
    for (const range of runs(col[k], rows)) out.push({ range, style: { locked: false, fill: 'FFF8E1' } });
  }
  for (const p of placed) if (p.depth === 0) out.push(rule(p.row, 0, p.row, last, { bold: true, fill: 'F2F2F2' }));
  out.push(rule(totalRow, 0, totalRow, last, { bold: true }));
  return out;
}
