/**
 * The appraisal log (Nhật ký thẩm định): a sheet of the unit's workbook where every change
 * the pane makes to the appraisal columns, and every explanation read back, is appended as
 * one dated row. Rows are only ever added below the last one, never rewritten.
 */
import { cellText, isCellError, type CellValue } from '../core/answers';
import { normalizeCode } from '../core/criteriaSet';
import type { AnswerChange } from './answers';
import type { ExplanationReply } from './appraisal';
import { COLUMN_LABELS } from './columns';
import type { WorkbookGrid, WriteValue } from './grid';
import type { UnitReading } from './read';
import type { SheetSpec } from './spec';

export const LOG_SHEET = 'Nhật ký thẩm định';

export const LOG_HEADERS = ['Thời gian', 'Mã tiêu chí', 'Giai đoạn', 'Nội dung', 'Giá trị cũ', 'Giá trị mới', 'Lý do', 'Tài liệu bổ sung'] as const;

/** Number formats of the log's columns for the rows appended: the time is a date cell shown as the officer reads dates. */
export const LOG_FORMATS: readonly (string | undefined)[] = ['dd/mm/yyyy hh:mm'];

/** Self-score → appraisal 1 → explanation → final appraisal, as the provincial systems name them. */
export const LOG_STAGES = { first: 'thẩm định lần 1', reply: 'giải trình', final: 'thẩm định lần 2' } as const;
export type LogStage = (typeof LOG_STAGES)[keyof typeof LOG_STAGES];

export interface LogEntry {
  /** Local date and time as an Excel serial (`localSerial()`); a log written before read back as its text. */
  time: number | string;
  code: string;
  stage: LogStage;
  /** What changed: a column's label (`Điểm thẩm định`) or `Giải trình của đơn vị`. */
  what: string;
  old: CellValue;
  new: CellValue;
  reason: string;
  /** The further evidence the unit gave with its reply, in its own column. */
  evidence: string;
}

/** The appraisal columns the pane writes, with their stage and the column giving a score's reason. */
const LOGGED = [
  { key: 'appraisedScore', stage: LOG_STAGES.first, reason: 'appraisalReason' },
  { key: 'appraisalReason', stage: LOG_STAGES.first, reason: 'appraisalReason' },
  { key: 'finalScore', stage: LOG_STAGES.final, reason: 'finalReason' },
  { key: 'finalReason', stage: LOG_STAGES.final, reason: 'finalReason' },
] as const;

const blank = (v: CellValue | undefined): CellValue => (v === undefined || cellText(v) === '' ? null : v);
const same = (a: CellValue, b: CellValue) => cellText(a) === cellText(b) && typeof a === typeof b;

/**
 * One entry per appraisal cell a batch of changes really alters: the value the sheet held
 * (`before`) and the new one, with the row's reason as it stands after the batch.
 */
export function appraisalLogEntries(before: UnitReading, changes: readonly AnswerChange[], time: number): LogEntry[] {
  const after = new Map<string, Partial<Record<string, CellValue>>>();
  for (const c of changes) {
    const code = normalizeCode(c.code);
    const row = after.get(code) ?? {};
    for (const { key } of LOGGED) if (c[key] !== undefined) row[key] = c[key] as CellValue;
    after.set(code, row);
  }
  const out: LogEntry[] = [];
  for (const [code, row] of after) {
    const answer = before.answers.find((a) => normalizeCode(a.code) === code);
    for (const { key, stage, reason } of LOGGED) {
      if (!(key in row)) continue;
      const old = blank(answer?.[key]);
      const now = blank(row[key]);
      if (same(old, now)) continue;
      const why = key === reason ? '' : cellText(reason in row ? row[reason] : answer?.[reason]);
      out.push({ time, code, stage, what: COLUMN_LABELS[key].vi, old, new: now, reason: why, evidence: '' });
    }
  }
  return out;
}

/** The unit's replies read back from its request, one entry each, unless the log already holds the same reply. */
export function replyLogEntries(replies: readonly ExplanationReply[], time: number, logged: readonly LogEntry[] = []): LogEntry[] {
  const out: LogEntry[] = [];
  for (const r of replies) {
    const code = normalizeCode(r.code);
    if (logged.some((e) => e.stage === LOG_STAGES.reply && e.code === code && cellText(e.new) === r.reply && e.evidence === r.evidence)) continue;
    out.push({ time, code, stage: LOG_STAGES.reply, what: 'Giải trình của đơn vị', old: null, new: r.reply === '' ? null : r.reply, reason: '', evidence: r.evidence });
  }
  return out;
}

/** Entries as sheet rows: texts stay text (the adapters never write them as formulas). */
export function logRows(entries: readonly LogEntry[]): WriteValue[][] {
  // An error value (#REF!) is logged as its text.
  const w = (v: CellValue): WriteValue => (isCellError(v) ? v.error : v);
  return entries.map((e) => [e.time, e.code, e.stage, e.what, w(e.old), w(e.new), e.reason === '' ? null : e.reason, e.evidence === '' ? null : e.evidence]);
}

/** The log sheet as created the first time: its header only; rows are appended below it. */
export function logSheetSpec(): SheetSpec {
  const last = LOG_HEADERS.length - 1;
  return {
    name: LOG_SHEET,
    values: [[...LOG_HEADERS]],
    columnWidths: [17, 10, 16, 22, 24, 40, 40, 40],
    styles: [{ range: { top: 0, left: 0, bottom: 0, right: last }, style: { bold: true, wrap: true, fill: 'D9E2F3', border: 'thin' } }],
    freeze: { rows: 1, cols: 0 },
  };
}

/** The log's rows as entries (empty when the workbook has no log sheet). */
export function readAppraisalLog(wb: WorkbookGrid): LogEntry[] {
  const sheet = wb.sheets.find((s) => s.name === LOG_SHEET);
  if (!sheet) return [];
  const stages = new Set<string>(Object.values(LOG_STAGES));
  const out: LogEntry[] = [];
  for (const row of sheet.values.slice(1)) {
    const [time, code, stage, what, old, now, reason, evidence] = LOG_HEADERS.map((_, i) => row?.[i] ?? null);
    if (cellText(code, 'label') === '' || !stages.has(cellText(stage))) continue;
    const reply = cellText(stage) === LOG_STAGES.reply && cellText(evidence) === '' ? splitOldReply(now) : undefined;
    out.push({
      time: typeof time === 'number' ? time : cellText(time),
      code: normalizeCode(cellText(code, 'label')),
      stage: cellText(stage) as LogStage,
      what: cellText(what),
      old,
      new: reply ? reply.new : now,
      reason: cellText(reason),
      evidence: reply ? reply.evidence : cellText(evidence),
    });
  }
  return out;
}

const OLD_EVIDENCE = 'Tài liệu bổ sung: ';

/**
 * A reply logged before the log had its own evidence column: the further evidence was its
 * last line, "Tài liệu bổ sung: …". Read apart, so that reply is not logged a second time.
 */
function splitOldReply(v: CellValue): { new: CellValue; evidence: string } | undefined {
  if (typeof v !== 'string') return undefined;
  const at = v.lastIndexOf(OLD_EVIDENCE);
  if (at < 0 || (at > 0 && v[at - 1] !== '\n')) return undefined;
  const reply = v.slice(0, Math.max(0, at - 1));
  return { new: reply === '' ? null : reply, evidence: v.slice(at + OLD_EVIDENCE.length) };
}
