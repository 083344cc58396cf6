/** Text helpers for matching Vietnamese words typed with or without diacritics. */

/**
 * Lowercase, Vietnamese diacritics removed (đ -> d), whitespace collapsed and trimmed:
 * `"  Điểm  TỰ đánh giá "` -> `"diem tu danh gia"`. For matching headers and phrases
 * that users type inconsistently; never for display.
 */
export function normalizeText(s: string): string {
  // Headers, names and titles recur in every workbook of a province: short texts are
  // normalised once (long ones are rarely repeated and would fill the memory).
  if (s.length > MEMO_MAX_LENGTH) return normalizeUncached(s);
  let n = NORMALIZED.get(s);
  if (n === undefined) {
    n = normalizeUncached(s);
    if (NORMALIZED.size >= 10_000) NORMALIZED.clear();
    NORMALIZED.set(s, n);
  }
  return n;
}

const MEMO_MAX_LENGTH = 300;
const NORMALIZED = new Map<string, string>();

function normalizeUncached(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    // Invisible characters pasted from the web or Word (zero-width space and joiners, word
    // joiner, BOM, soft hyphen): "Sở Tư pháp" with one of them is the same name.
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
