/**
 * The content hash of a unit's workbook: stamped on a checked score sheet and recorded
 * in the metadata sheet, so an edit made after the check is visible. A module of its
 * own so the reader can use it without loading the score-sheet builder.
 */
import type { CellValue } from '../core/answers';
import { normalizeCode } from '../core/criteriaSet';
import { formatDateShort, type Lang } from '../core/format';
import { sha256Hex } from '../core/hash';
import { definitionHash } from './compare';
import type { UnitReading } from './read';

const HASHED_ANSWERS = ['declared', 'selfScore', 'evidence', 'explanation', 'appraisedScore', 'appraisalReason', 'previousScore'] as const;
/**
 * The final appraisal (thẩm định lần 2), hashed after the others and only on a row where
 * it holds something: a workbook without these columns, or with them blank, keeps the
 * hash it had before they were hashed.
 */
const FINAL_ANSWERS = ['finalScore', 'finalReason'] as const;

function canonicalCell(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return v.error;
  return String(v).normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * SHA-256 (hex) of what the unit submits: the definitionHash() of the criteria its sheet
 * carries (the hash the metadata sheet records when the template is made), the unit and
 * year, and every answer cell, one JSON line per row in document order (the final
 * appraisal's two cells only where they hold something). Re-wrapping a text does not
 * change it; editing a score, a reference or a word does, in the final appraisal too.
 */
export function contentHash(reading: Pick<UnitReading, 'set' | 'answers' | 'meta'>): string {
  const lines = [JSON.stringify(['definitions', definitionHash(reading.set)]), JSON.stringify(['unit', canonicalCell(reading.meta.unit), reading.meta.year ?? null])];
  for (const a of reading.answers) {
    const row = [normalizeCode(a.code), ...HASHED_ANSWERS.map((k) => canonicalCell(a[k]))];
    const final = FINAL_ANSWERS.map((k) => canonicalCell(a[k]));
    lines.push(JSON.stringify(final.some((v) => v !== '') ? [...row, ...final] : row));
  }
  return sha256Hex(lines.join('\n'));
}

/** The part of the hash printed on the sheet. */
export function shortHash(hash: string): string {
  return hash.slice(0, 8);
}

/** `2024-06-07T08:30` -> `08 giờ 30 ngày 07/6/2024` (English: `08:30 on 07/6/2024`). */
export function formatCheckedAt(local: string, lang: Lang = 'vi'): string {
  const [date, time = '00:00'] = local.split('T');
  const [h, m] = time.split(':');
  return lang === 'vi' ? `${h} giờ ${m} ngày ${formatDateShort(date)}` : `${h}:${m} on ${formatDateShort(date)}`;
}
