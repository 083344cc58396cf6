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

/**
 * Every match of a global pattern, as `[...text.matchAll(re)]` gives them, without
 * matchAll's copy of the pattern per call (measurable on thousands of evidence cells).
 * The pattern's lastIndex is reset before and after.
 */
export function execAll(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    // An empty match moves on by one character (a whole code point under the u flag), as matchAll does.
    if (m[0] === '') re.lastIndex = re.unicode && (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? re.lastIndex + 2 : re.lastIndex + 1;
  }
  re.lastIndex = 0;
  return out;
}
