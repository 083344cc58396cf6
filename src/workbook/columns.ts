/**
 * The columns of the self-scoring table. How their headers are recognised is data
 * (data/header-synonyms.json, matched in ./headers).
 */
export { columnLetter } from './grid';
export { classifyHeader } from './headers';

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

/** In the order of the official sheet (domain.md §3). */
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

/** Letters -> 0-based column (`'AB'` -> 27); undefined for anything else. */
export function columnIndex(letters: string): number | undefined {
  const s = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(s)) return undefined;
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
