/**
 * The columns of the self-scoring table. How their headers are recognised is data
 * (src/workbook/header-synonyms.json, matched in ./headers).
 */
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
  | 'finalScore'
  | 'finalReason'
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
  'finalScore',
  'finalReason',
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
  finalScore: { vi: 'Điểm thẩm định lần 2', en: 'Final appraised score' },
  finalReason: { vi: 'Lý do thẩm định lần 2', en: 'Final appraisal reason' },
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

/** Short names for a column map typed by hand (`max=D,score=E`); every ColumnKey is also accepted. */
export const COLUMN_ALIASES: Record<string, ColumnKey> = {
  stt: 'code',
  max: 'maxPoints',
  requirement: 'evidenceRequirement',
  score: 'selfScore',
  self: 'selfScore',
  appraisal: 'appraisedScore',
  reason: 'appraisalReason',
  final: 'finalScore',
  previous: 'previousScore',
};

export type ColumnMapText =
  | { ok: true; columns: Partial<Record<ColumnKey, number>>; headerRow?: number }
  | { ok: false; vi: string; en: string };

/**
 * `code=A,name=B,max=D,score=E,evidence=F,header=8`: column letters by column (a
 * ColumnKey or an alias), `header` the 1-based header row. Every problem is named.
 */
export function parseColumnMapText(text: string): ColumnMapText {
  const columns: Partial<Record<ColumnKey, number>> = {};
  let headerRow: number | undefined;
  const keys = [...Object.keys(COLUMN_ALIASES), ...COLUMN_KEYS].join(', ');
  const byColumn = new Map<number, string>();
  for (const raw of text.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const eq = raw.indexOf('=');
    const name = eq < 0 ? raw : raw.slice(0, eq).trim();
    const value = eq < 0 ? '' : raw.slice(eq + 1).trim();
    if (eq < 0 || value === '') return { ok: false, vi: `"${raw}" thiếu "=<cột>", ví dụ score=E.`, en: `"${raw}" lacks "=<column>", e.g. score=E.` };
    if (name.toLowerCase() === 'header') {
      if (!/^\d{1,5}$/.test(value) || Number(value) < 1) return { ok: false, vi: `header=${value}: dòng tiêu đề phải là số dòng từ 1, ví dụ header=8.`, en: `header=${value}: the header row must be a row number from 1, e.g. header=8.` };
      headerRow = Number(value);
      continue;
    }
    const key = COLUMN_ALIASES[name.toLowerCase()] ?? COLUMN_KEYS.find((k) => k.toLowerCase() === name.toLowerCase());
    if (key === undefined) return { ok: false, vi: `"${name}" không phải tên cột; dùng một trong: ${keys}, header.`, en: `"${name}" is not a column name; use one of: ${keys}, header.` };
    const col = columnIndex(value);
    if (col === undefined) return { ok: false, vi: `${name}=${value}: "${value}" không phải chữ cột (A, B, ..., AB).`, en: `${name}=${value}: "${value}" is not a column letter (A, B, ..., AB).` };
    if (columns[key] !== undefined) return { ok: false, vi: `Cột ${name} được chọn hai lần.`, en: `Column ${name} is given twice.` };
    const other = byColumn.get(col);
    if (other !== undefined) return { ok: false, vi: `${other} và ${name} cùng là cột ${value.toUpperCase()}; chọn hai cột khác nhau.`, en: `${other} and ${name} are both column ${value.toUpperCase()}; choose different columns.` };
    byColumn.set(col, name);
    columns[key] = col;
  }
  if (byColumn.size === 0) return { ok: false, vi: 'Chưa chọn cột nào, ví dụ --columns max=D,score=E.', en: 'No column given, e.g. --columns max=D,score=E.' };
  return { ok: true, columns, ...(headerRow !== undefined ? { headerRow } : {}) };
}
