/**
 * Appraisal (thẩm định): where Sở Nội vụ's appraised score differs from the unit's
 * self-score, the explanation request (yêu cầu giải trình) lists the row, both scores and
 * the reason, with space for the unit's reply; the replies are read back from that sheet.
 */
import { cellText, type CellValue } from '../core/answers';
import { flattenSet } from '../core/criteria';
import { normalizeCode, type CriterionEntry } from '../core/criteriaSet';
import { finding, type Finding } from '../core/findings';
import { formatNumber } from '../core/format';
import { describeAllowed, isAllowedScore } from '../core/method';
import { parseScore } from '../core/numbers';
import { normalizeText } from '../core/text';
import { checkAppraised } from '../core/validate';
import type { WorkbookGrid, WriteValue } from './grid';
import type { UnitReading } from './read';
import type { CellStyle, SheetSpec, StyleRule, WorkbookSpec } from './spec';
import { landscapeA4 } from './pageSetup';

export const REQUEST_SHEET = 'Yêu cầu giải trình';

export interface AppraisalDifference {
  code: string;
  name: string;
  max: number;
  /** Absent when the unit left the self-score blank. */
  self?: number;
  appraised: number;
  /** Lý do thẩm định, as Sở Nội vụ typed it. */
  reason: string;
}

const EPS = 1e-9;

/** Leaves with an appraised score that differs from the self-score, in sheet order. */
export function appraisalDifferences(reading: UnitReading): AppraisalDifference[] {
  const nodes = new Map(flattenSet(reading.set).map((n) => [normalizeCode(n.code), n]));
  const out: AppraisalDifference[] = [];
  for (const a of reading.answers) {
    const code = normalizeCode(a.code);
    const node = nodes.get(code);
    if (!node || (node.children?.length ?? 0) > 0) continue;
    const p = parseScore(a.appraisedScore);
    if (!p.ok) continue;
    const s = parseScore(a.selfScore);
    const self = s.ok ? s.value : undefined;
    if (self !== undefined && Math.abs(self - p.value) < EPS) continue;
    out.push({ code, name: node.name, max: node.maxPoints, ...(self !== undefined ? { self } : {}), appraised: p.value, reason: cellText(a.appraisalReason) });
  }
  return out;
}

/** Where an appraisal score is typed: the first appraisal or the final one (thẩm định lần 2). */
export type AppraisalScoreColumn = 'appraisedScore' | 'finalScore';

/**
 * A score the method of the row does not offer (`0,5` where only 0, 1,5 and 2 are levels):
 * refused like a self-score would be. Empty when `value` is not a number or is a level.
 */
export function levelErrors(entry: CriterionEntry, value: CellValue, field: AppraisalScoreColumn, sheet: string): Finding[] {
  if (typeof value !== 'number' || isAllowedScore(entry.method.allowed, value)) return [];
  const allowed = entry.method.allowed;
  return [
    finding(
      'APPRAISED_INVALID',
      {
        value: formatNumber(value),
        reason: `không thuộc các mức điểm của cách tính điểm (${describeAllowed(allowed, 'vi')})`,
        reasonEn: `not a level of the scoring method (${describeAllowed(allowed, 'en')})`,
      },
      { criterion: normalizeCode(entry.node.code), field, sheet },
    ),
  ];
}

/** The errors a final appraised score would raise on its row: not a number, negative, above the maximum, not a level. */
export function finalScoreErrors(entry: CriterionEntry, value: CellValue, sheet: string, row?: number): Finding[] {
  const error = checkAppraised(entry, value, (field) => ({ criterion: normalizeCode(entry.node.code), field, sheet, ...(row !== undefined ? { row } : {}) }), 'finalScore');
  return error ? [error] : levelErrors(entry, value, 'finalScore', sheet);
}

/** Column headers of the request; the reader finds the table by them. */
export const REQUEST_HEADERS = {
  stt: 'STT',
  code: 'Mã tiêu chí',
  name: 'Tiêu chí, tiêu chí thành phần',
  max: 'Điểm tối đa',
  self: 'Điểm tự đánh giá',
  appraised: 'Điểm thẩm định',
  difference: 'Chênh lệch',
  reason: 'Lý do thẩm định',
  reply: 'Giải trình của đơn vị',
  evidence: 'Tài liệu kiểm chứng bổ sung',
} as const;

const HEAD = Object.values(REQUEST_HEADERS);
const HEADER_ROW = 6;
const REPLY_COL = HEAD.indexOf(REQUEST_HEADERS.reply);

export interface RequestOptions {
  /** The appraising body, e.g. "SỞ NỘI VỤ TỈNH BẮC KẠN". */
  issuer?: string;
  /** Reply deadline as the letter writes it, e.g. "ngày 15/01/2025". */
  deadline?: string;
  year?: number;
}

/**
 * The request as a sheet: texts typed by the unit or Sở Nội vụ (names, reasons) are
 * string values, written as text, never as formulas. Only the reply columns are unlocked.
 */
export function explanationRequestSheet(unit: string, diffs: readonly AppraisalDifference[], opts: RequestOptions = {}): SheetSpec {
  const last = HEAD.length - 1;
  const values: WriteValue[][] = [
    [opts.issuer ?? 'SỞ NỘI VỤ'],
    [`YÊU CẦU GIẢI TRÌNH KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH${opts.year ? ` NĂM ${opts.year}` : ''}`],
    [`Đơn vị: ${unit}`],
    [
      `Đề nghị đơn vị giải trình các tiêu chí có điểm thẩm định khác điểm tự đánh giá dưới đây${opts.deadline ? `, gửi lại trước ${opts.deadline}` : ''}; ghi giải trình và tài liệu bổ sung vào hai cột cuối.`,
    ],
    [`Số tiêu chí cần giải trình: ${diffs.length}`],
    [],
    HEAD,
  ];
  diffs.forEach((d, i) =>
    values.push([
      i + 1,
      d.code,
      d.name,
      d.max,
      d.self ?? null,
      d.appraised,
      round4(d.appraised - (d.self ?? 0)),
      d.reason === '' ? null : d.reason,
      null,
      null,
    ]),
  );
  const end = HEADER_ROW + diffs.length;
  const r = (top: number, left: number, bottom: number, right: number, style: CellStyle): StyleRule => ({ range: { top, left, bottom, right }, style });
  const styles: StyleRule[] = [
    r(0, 0, 1, last, { bold: true, hAlign: 'center', fontSize: 13 }),
    r(2, 0, 4, last, { italic: true }),
    r(HEADER_ROW, 0, HEADER_ROW, last, { bold: true, wrap: true, hAlign: 'center', vAlign: 'middle', border: 'thin', fill: 'D9E2F3' }),
  ];
  if (diffs.length > 0) {
    styles.push(r(HEADER_ROW + 1, 0, end, last, { border: 'thin', vAlign: 'top', wrap: true }));
    styles.push(r(HEADER_ROW + 1, 1, end, 1, { numberFormat: '@' }));
    styles.push(r(HEADER_ROW + 1, 3, end, 6, { numberFormat: '0.##' }));
    styles.push(r(HEADER_ROW + 1, REPLY_COL, end, last, { locked: false, fill: 'FFF8E1' }));
  }
  return {
    name: REQUEST_SHEET,
    values,
    columnWidths: [5, 9, 45, 8, 10, 10, 10, 34, 40, 34],
    rowHeights: { [HEADER_ROW]: 36 },
    merges: [0, 1, 2, 3, 4].map((row) => ({ top: row, left: 0, bottom: row, right: last })),
    styles,
    protect: true,
    freeze: { rows: HEADER_ROW + 1, cols: 2 },
    print: landscapeA4(HEADER_ROW, end, last),
  };
}

/** The request for a unit's workbook, as a workbook of its own. */
export function explanationRequest(reading: UnitReading, opts: RequestOptions = {}): WorkbookSpec {
  const unit = reading.meta.unit ?? reading.file ?? reading.sheet;
  const year = opts.year ?? reading.meta.year;
  return { sheets: [explanationRequestSheet(unit, appraisalDifferences(reading), { ...opts, ...(year !== undefined ? { year } : {}) })] };
}

export type RequestOutcome =
  | { ok: true; unit: string; diffs: AppraisalDifference[]; spec: WorkbookSpec }
  | { ok: false; why: 'noColumn' | 'notAppraised' | 'noDifference'; vi: string; en: string };

/**
 * The request for one appraised unit workbook, or why there is none: the sheet has no
 * appraised-score column, nothing is appraised yet, or every appraised score equals the
 * self-score. The CLI's `request-explanation` and the pane make requests only through this.
 */
export function requestFor(reading: UnitReading, file: string, opts: RequestOptions = {}): RequestOutcome {
  if (reading.layout.columns.appraisedScore === undefined) {
    return {
      ok: false,
      why: 'noColumn',
      vi: `${file}: trang "${reading.sheet}" không có cột "Điểm thẩm định". Ghi điểm thẩm định vào bảng (biểu mẫu tạo bằng chiso template --with-appraisal có sẵn cột này) rồi chạy lại.`,
      en: `${file}: sheet "${reading.sheet}" has no "Điểm thẩm định" (appraised score) column. Enter the appraised scores (templates made with chiso template --with-appraisal have the column), then run again.`,
    };
  }
  const diffs = appraisalDifferences(reading);
  if (diffs.length === 0) {
    const appraised = reading.answers.some((a) => cellText(a.appraisedScore) !== '' || cellText(a.finalScore) !== '');
    return appraised
      ? {
          ok: false,
          why: 'noDifference',
          vi: `${file}: mọi điểm thẩm định bằng điểm tự đánh giá, không có tiêu chí nào cần giải trình. Không tạo tệp.`,
          en: `${file}: every appraised score equals the self-score; nothing to explain. No file written.`,
        }
      : {
          ok: false,
          why: 'notAppraised',
          vi: `${file}: chưa có điểm thẩm định nào trong cột "Điểm thẩm định", nên chưa có chênh lệch để yêu cầu giải trình. Không tạo tệp.`,
          en: `${file}: no appraised score has been entered yet, so there is no difference to explain. No file written.`,
        };
  }
  const unit = reading.meta.unit ?? file;
  return { ok: true, unit, diffs, spec: explanationRequest(reading, opts) };
}

/** The request's file name for a unit: `yeu-cau-giai-trinh-so-tu-phap.xlsx` (ASCII, no diacritics). */
export function requestFileName(unit: string): string {
  const slug = normalizeText(unit)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `yeu-cau-giai-trinh${slug ? `-${slug}` : ''}.xlsx`;
}

// ---------------------------------------------------------------------------
// Reading the replies back

export interface ExplanationReply {
  code: string;
  /** 1-based sheet row. */
  row: number;
  reply: string;
  evidence: string;
}

export type RepliesReading =
  | { ok: true; unit?: string; sheet: string; replies: ExplanationReply[]; unanswered: string[] }
  | { ok: false; vi: string; en: string };

/**
 * Finds the request table (its sheet by name, else any sheet with the code and reply
 * headers) and returns, per criterion, the reply and any further evidence; rows left
 * blank are listed as unanswered.
 */
export function readExplanationReplies(wb: WorkbookGrid): RepliesReading {
  const want = (h: string) => normalizeText(h);
  const ordered = [...wb.sheets].sort((a, b) => Number(b.name === REQUEST_SHEET) - Number(a.name === REQUEST_SHEET));
  for (const sheet of ordered) {
    for (let r = 0; r < Math.min(sheet.values.length, 30); r++) {
      const texts = (sheet.values[r] ?? []).map((v) => normalizeText(cellText(v, 'label')));
      const code = texts.indexOf(want(REQUEST_HEADERS.code));
      const reply = texts.indexOf(want(REQUEST_HEADERS.reply));
      if (code < 0 || reply < 0) continue;
      const evidence = texts.indexOf(want(REQUEST_HEADERS.evidence));
      const replies: ExplanationReply[] = [];
      const unanswered: string[] = [];
      for (let i = r + 1; i < sheet.values.length; i++) {
        const row = sheet.values[i] ?? [];
        const c = cellText(row[code], 'label');
        if (c === '') continue;
        const text = cellText(row[reply]);
        const more = evidence >= 0 ? cellText(row[evidence]) : '';
        if (text === '' && more === '') unanswered.push(normalizeCode(c));
        else replies.push({ code: normalizeCode(c), row: i + 1, reply: text, evidence: more });
      }
      const unit = unitLine(sheet.values.slice(0, r));
      return { ok: true, ...(unit !== undefined ? { unit } : {}), sheet: sheet.name, replies, unanswered };
    }
  }
  return {
    ok: false,
    vi: `Không tìm thấy bảng "${REQUEST_SHEET}" (cột "${REQUEST_HEADERS.code}" và "${REQUEST_HEADERS.reply}").`,
    en: `No "${REQUEST_SHEET}" table found (columns "${REQUEST_HEADERS.code}" and "${REQUEST_HEADERS.reply}").`,
  };
}

function unitLine(rows: readonly (readonly unknown[])[]): string | undefined {
  for (const row of rows) {
    for (const v of row) {
      if (typeof v !== 'string') continue;
      const m = /^\s*Đơn vị\s*:\s*(.+)$/u.exec(v.normalize('NFC'));
      if (m) return m[1].trim();
    }
  }
  return undefined;
}

function round4(n: number): number {
  return Math.round(n * 10000) / 10000;
}
