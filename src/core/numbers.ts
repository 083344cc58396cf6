/** Reading numbers as units type them: decimal comma or dot, stray spaces. */
import { isCellError, type CellValue } from './answers';

export type ScoreParse =
  | { ok: true; value: number }
  | { ok: false; reason: 'empty' | 'error' | 'text' };

/**
 * One optional sign, digits, at most one decimal separator (comma or dot) followed by
 * digits. No thousands separators: scores and rates are small, and "1.000" would be
 * ambiguous between one and one thousand.
 */
const NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;

/** `"0,5"` -> 0.5, `" 2 "` -> 2, `"1,5,2"` / `"1.000,5"` / `"abc"` -> undefined. */
export function parseVietNumber(text: string): number | undefined {
  const t = text.trim();
  if (!NUMBER.test(t)) return undefined;
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A score cell (điểm tự đánh giá, điểm thẩm định) as typed: a number, or a text that
 * reads as one. Blank -> empty; an Excel error value (or a non-finite number, which
 * only an error can produce) -> error; booleans and other texts -> text.
 */
export function parseScore(v: CellValue | undefined): ScoreParse {
  if (v === null || v === undefined) return { ok: false, reason: 'empty' };
  if (isCellError(v)) return { ok: false, reason: 'error' };
  if (typeof v === 'number') {
    return Number.isFinite(v) ? { ok: true, value: v } : { ok: false, reason: 'error' };
  }
  if (typeof v === 'boolean') return { ok: false, reason: 'text' };
  if (v.trim() === '') return { ok: false, reason: 'empty' };
  const n = parseVietNumber(v);
  return n === undefined ? { ok: false, reason: 'text' } : { ok: true, value: n };
}

export type PercentParse = { ok: true; value: number } | { ok: false; reason: 'empty' | 'text' | 'range' };

/** A rate typed in percent ("12,5", "12.5", "80 %"): a number from 0 to 100; "120" is out of range, "abc" is text. */
export function parsePercent(text: string): PercentParse {
  const t = text.trim().replace(/\s*%$/, '');
  if (t === '') return { ok: false, reason: text.trim() === '' ? 'empty' : 'text' };
  const value = parseVietNumber(t);
  if (value === undefined) return { ok: false, reason: 'text' };
  return value >= 0 && value <= 100 ? { ok: true, value } : { ok: false, reason: 'range' };
}
