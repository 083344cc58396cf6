/** Text helpers for matching Vietnamese words typed with or without diacritics. */

/**
 * Lowercase, Vietnamese diacritics removed (đ -> d), whitespace collapsed and trimmed:
 * `"  Điểm  TỰ đánh giá "` -> `"diem tu danh gia"`. For matching headers and phrases
 * that users type inconsistently; never for display.
 */
export function normalizeText(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/\s+/g, ' ')
    .trim();
}
