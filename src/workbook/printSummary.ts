/**
 * The consolidated report of all units, print-ready: the same administrative header, page
 * setup and pagination as the score sheet (print.ts), with Sở Nội vụ as the issuing body.
 * Per level, the ranked units (rank, unit, self-score, score after appraisal, applicable
 * maximum, index, grade); then the units left out of the ranking (duplicate files,
 * rejected files, units missing); then the date line and the director's signature.
 *
 * Every text is a plain string (unit names, file names, reasons): written as text, never
 * as a formula.
 */
import type { UnitLevel } from '../core/criteria';
import type { Consolidation } from '../core/consolidate';
import { isRanked, unitKey } from '../core/consolidate';
import { message } from '../core/findings';
import { formatNumber } from '../core/format';
import { rejectionText } from '../core/rejection';
import { PrintRows, adminHeader, percent, printLayout, signatureBlock, type RenderHints } from './print';
import type { SheetSpec } from './spec';
import { LEVEL_LABEL, STATUS_LABEL, appraisedTotal } from './summary';

export const SUMMARY_PRINT_SHEET = 'Báo cáo tổng hợp';

export interface SummaryPrintOptions extends RenderHints {
  /** The assessment year, for the title. */
  year: number;
  /** The body above Sở Nội vụ, e.g. "UBND TỈNH BẮC KẠN". */
  issuer?: string;
  /** The issuing body, e.g. "SỞ NỘI VỤ". */
  body?: string;
  /** Lines under the title: the criteria sets and grade thresholds (saying when they are samples). */
  notes?: string[];
  /** Place of the date line; a dotted blank when absent. */
  place?: string;
  /** Date of the date line, ISO `YYYY-MM-DD`. */
  date: string;
}

export const DEFAULT_ISSUER = 'UBND TỈNH BẮC KẠN';
export const DEFAULT_BODY = 'SỞ NỘI VỤ';

/** Reasons shown per rejected file; the log sheet of the summary workbook has them all. */
const REASONS_SHOWN = 3;
const LEVELS: (UnitLevel | undefined)[] = ['so', 'huyen', 'xa', undefined];

type Column = 'rank' | 'unit' | 'self' | 'appraised' | 'max' | 'index' | 'grade';

const LABELS: Record<Column, string> = {
  rank: 'Xếp hạng',
  unit: 'Đơn vị',
  self: 'Điểm tự đánh giá',
  appraised: 'Điểm sau thẩm định',
  max: 'Điểm tối đa áp dụng',
  index: 'Chỉ số CCHC',
  grade: 'Xếp loại',
};

/** Wide enough that the national motto holds on one line above the score columns: the sheet prints landscape. */
const WIDTHS: Record<Column, number> = { rank: 7, unit: 42, self: 12, appraised: 12, max: 12, index: 12, grade: 16 };

const num = (n: number | undefined): string => (n === undefined ? '' : formatNumber(n, 'vi'));

export function buildSummaryPrint(c: Consolidation, opts: SummaryPrintOptions): SheetSpec {
  const ranked = c.units.filter(isRanked);
  // The appraised column stays when nobody is appraised yet (blank): the layout is the same every year.
  const cols: Column[] = ['rank', 'unit', 'self', 'appraised', 'max', 'index', 'grade'];
  const at = Object.fromEntries(cols.map((k, i) => [k, i])) as Record<Column, number>;
  const b = new PrintRows(cols.map((k) => WIDTHS[k]));
  const last = b.last;
  const split = at.self; // left block: rank + unit

  adminHeader(b, split, opts.issuer ?? DEFAULT_ISSUER, opts.body ?? DEFAULT_BODY);
  const title = b.line(`BÁO CÁO KẾT QUẢ TỔNG HỢP, XẾP HẠNG CHỈ SỐ CCHC NĂM ${opts.year > 0 ? opts.year : '……'}`, 14);
  b.rule(title, 0, title, last, { bold: true, hAlign: 'center', fontSize: 14 });
  const counts = b.line(
    `Số đơn vị được xếp hạng: ${ranked.length}; tệp trùng đơn vị: ${c.duplicates.reduce((s, d) => s + d.files.length, 0)}; tệp bị từ chối: ${c.rejected.length}; đơn vị chưa có tệp hợp lệ: ${c.missing.length}.`,
  );
  b.rule(counts, 0, counts, last, { hAlign: 'center' });
  for (const n of opts.notes ?? []) {
    const r = b.line(n);
    b.rule(r, 0, r, last, { italic: true, hAlign: 'center' });
  }
  b.add(b.blank());

  // --- one table, a section per level; the header row repeats on every page ---
  const header = b.add(cols.map((k) => LABELS[k]));
  b.rule(header, 0, header, last, { bold: true, wrap: true, hAlign: 'center', vAlign: 'middle', border: 'thin', fill: 'E7E6E6' });
  const firstData = b.values.length;
  const keepWithNext = new Set<number>();
  for (const level of LEVELS) {
    const rows = ranked.filter((u) => u.level === level);
    if (rows.length === 0) continue;
    const heading = b.line(`${level ? LEVEL_LABEL[level] : 'Chưa xác định cấp'} (${rows.length} đơn vị)`);
    b.rule(heading, 0, heading, last, { bold: true, fill: 'F2F2F2' });
    keepWithNext.add(heading);
    for (const u of rows) {
      const row = b.blank();
      row[at.rank] = num(u.rank);
      row[at.unit] = u.unit;
      row[at.self] = num(u.self);
      row[at.appraised] = num(appraisedTotal(u));
      row[at.max] = num(u.applicableMax);
      row[at.index] = u.index === undefined ? '' : percent(u.index);
      row[at.grade] = u.grade ?? '';
      b.add(row);
    }
  }
  const lastTableRow = b.values.length - 1;
  if (lastTableRow >= firstData) {
    b.rule(firstData, 0, lastTableRow, last, { wrap: true, border: 'thin' });
    b.rule(firstData, 0, lastTableRow, at.rank, { hAlign: 'center' });
    b.rule(firstData, at.self, lastTableRow, last, { hAlign: 'center' });
  } else {
    b.line('Không có đơn vị nào được xếp hạng.');
  }

  // --- units out of the ranking ---
  const section = (heading: string, items: string[]) => {
    if (items.length === 0) return;
    b.add(b.blank());
    const h = b.line(heading);
    b.rule(h, 0, h, last, { bold: true });
    keepWithNext.add(h);
    for (const item of items) b.line(`- ${item}`);
  };
  section(
    `Đơn vị nộp nhiều tệp, chưa xếp hạng (${c.duplicates.length}):`,
    c.duplicates.map((d) => `${d.unit}: ${d.files.join(', ')}`),
  );
  const withErrors = c.units.filter((u) => u.status === 'accepted_with_errors');
  section(
    `Đơn vị được xếp hạng nhưng tệp còn lỗi (${withErrors.length}):`,
    withErrors.map((r) => {
      const errors = r.reasons.slice(0, REASONS_SHOWN).map((f) => message(f, 'vi'));
      if (r.reasons.length > REASONS_SHOWN) errors.push(`và ${r.reasons.length - REASONS_SHOWN} lỗi khác (xem Nhật ký kiểm tra)`);
      return `${r.unit}: ${errors.join(' ')}`;
    }),
  );
  section(
    `Tệp bị từ chối (${c.rejected.length}):`,
    c.rejected.map((r) => {
      // Worded for the department signing the report: where, and what to ask of the unit.
      const reasons = r.reasons.slice(0, REASONS_SHOWN).map((f) => rejectionText(f, 'vi'));
      if (r.reasons.length > REASONS_SHOWN) reasons.push(`và ${r.reasons.length - REASONS_SHOWN} lý do khác (xem Nhật ký kiểm tra)`);
      return `${r.file}${r.unit !== r.file ? ` (${r.unit})` : ''}: ${reasons.join(' ')}`;
    }),
  );
  const rejectedUnits = new Set(c.rejected.map((r) => unitKey(r.unit)));
  section(
    `Đơn vị chưa có tệp hợp lệ (${c.missing.length}):`,
    c.missing.map((m) => `${m.name} (${LEVEL_LABEL[m.level]}): ${rejectedUnits.has(unitKey(m.name)) ? 'tệp bị từ chối' : STATUS_LABEL.missing.toLowerCase()}`),
  );

  // --- date line and the director's signature, kept whole on the last page ---
  const closing = b.values.length;
  signatureBlock(b, split, {
    ...(opts.place !== undefined ? { place: opts.place } : {}),
    date: opts.date,
    left: { role: 'NGƯỜI LẬP BIỂU', how: '(Ký, ghi rõ họ tên)' },
    right: { role: 'GIÁM ĐỐC', how: '(Ký, ghi rõ họ tên, đóng dấu)' },
  });

  return {
    name: SUMMARY_PRINT_SHEET,
    ...printLayout(b, { header, firstData, keepWithNext, closing, wrapFrom: lastTableRow + 1 }, { ...(opts.digitPx !== undefined ? { digitPx: opts.digitPx } : {}) }),
  };
}
