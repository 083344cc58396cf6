/**
 * The columns of the self-scoring table and how their headers are recognised. Real
 * sheets word, order and split headers differently, so a header is matched on its
 * normalised text (no diacritics, case or spacing), most specific rule first.
 */
import { normalizeText } from '../core/text';
export { columnLetter } from './grid';

export type ColumnKey =
  | 'code'
  | 'name'
  | 'maxPoints'
  | 'declared'
  | 'method'
  | 'evidenceRequirement'
  | 'selfScore'
  | 'evidence'
  | 'explanation'
  | 'note'
  | 'appraisedScore'
  | 'appraisalReason'
  | 'previousScore';

/** In the order of the official sheet (docs/workbook-format.md). */
export const COLUMN_KEYS: readonly ColumnKey[] = [
  'code',
  'name',
  'maxPoints',
  'declared',
  'method',
  'evidenceRequirement',
  'selfScore',
  'evidence',
  'explanation',
  'note',
  'appraisedScore',
  'appraisalReason',
  'previousScore',
];

/** Without these there is no score table to read. */
export const REQUIRED_COLUMNS: readonly ColumnKey[] = ['code', 'name', 'maxPoints', 'selfScore'];

/** The header each column carries in the official sheet (and in our template). */
export const COLUMN_LABELS: Record<ColumnKey, { vi: string; en: string }> = {
  code: { vi: 'STT', en: 'No.' },
  name: { vi: 'Tiêu chí, tiêu chí thành phần', en: 'Criterion, sub-criterion' },
  maxPoints: { vi: 'Điểm tối đa', en: 'Maximum points' },
  declared: { vi: 'Số liệu kê khai', en: 'Declared figure' },
  method: { vi: 'Cách tính điểm', en: 'Scoring method' },
  evidenceRequirement: { vi: 'Các yêu cầu và tài liệu kiểm chứng', en: 'Evidence required' },
  selfScore: { vi: 'Điểm tự đánh giá', en: 'Self-score' },
  evidence: { vi: 'Tài liệu kiểm chứng', en: 'Evidence' },
  explanation: { vi: 'Giải trình', en: 'Explanation' },
  note: { vi: 'Ghi chú', en: 'Notes' },
  appraisedScore: { vi: 'Điểm thẩm định', en: 'Appraised score' },
  appraisalReason: { vi: 'Lý do thẩm định', en: 'Appraisal reason' },
  previousScore: { vi: 'Điểm năm trước', en: "Last year's score" },
};

/** Header cells are short; a longer text is a title or a data cell, never a header. */
const MAX_HEADER_LENGTH = 80;

const CODE_HEADERS = new Set(['stt', 'tt', 'ma', 'ma so', 'so tt', 'so thu tu', 'ma tieu chi', 'ma so tieu chi']);

/**
 * Rules in order: the first that matches wins. "Các yêu cầu và tài liệu kiểm chứng"
 * (the requirement) must be tested before "Tài liệu kiểm chứng" (the unit's evidence),
 * and the appraisal and self-score columns before the generic "điểm ..." ones.
 */
const RULES: [ColumnKey, (t: string) => boolean][] = [
  ['evidenceRequirement', (t) => t.includes('yeu cau') && (t.includes('tai lieu') || t.includes('kiem chung'))],
  ['appraisalReason', (t) => t.includes('tham dinh') && /\b(ly do|y kien|nhan xet|giai thich)\b/.test(t)],
  ['appraisedScore', (t) => t.includes('tham dinh')],
  ['selfScore', (t) => /\b(tu danh gia|tu cham)\b/.test(t)],
  ['previousScore', (t) => /\b(nam truoc|ky truoc)\b/.test(t) || /\b(diem|ket qua) nam \d{4}\b/.test(t)],
  ['maxPoints', (t) => /\b(toi da|diem chuan)\b/.test(t)],
  ['declared', (t) => t.includes('ke khai')],
  ['method', (t) => /\b(cach tinh diem|cach cham|huong dan cham|phuong phap cham|cach tinh)\b/.test(t)],
  ['evidence', (t) => t.includes('tai lieu kiem chung') || /\b(tlkc|minh chung)\b/.test(t)],
  ['explanation', (t) => t.includes('giai trinh')],
  ['note', (t) => t.includes('ghi chu')],
  ['code', (t) => CODE_HEADERS.has(t.replace(/[^a-z0-9]+/g, ' ').trim())],
  ['name', (t) => /\b(tieu chi|noi dung|linh vuc)\b/.test(t)],
];

/** The column a header text names, if any (`"Điểm\ntự đánh giá"` -> selfScore). */
export function classifyHeader(text: string): ColumnKey | undefined {
  // Long texts (methods, names in data rows) are never headers: skip them before the
  // costly normalisation, which layout detection would otherwise run on every cell it scans.
  if (text.length > 2 * MAX_HEADER_LENGTH) return undefined;
  // Detection scans the same titles, names and headers in every workbook of a province.
  let key = CLASSIFIED.get(text);
  if (key === undefined) {
    const t = normalizeText(text);
    key = t === '' || t.length > MAX_HEADER_LENGTH ? null : (RULES.find(([, test]) => test(t))?.[0] ?? null);
    if (CLASSIFIED.size >= 10_000) CLASSIFIED.clear();
    CLASSIFIED.set(text, key);
  }
  return key ?? undefined;
}

const CLASSIFIED = new Map<string, ColumnKey | null>();

/** Letters -> 0-based column (`'AB'` -> 27); undefined for anything else. */
export function columnIndex(letters: string): number | undefined {
  const s = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(s)) return undefined;
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
