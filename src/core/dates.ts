/**
 * Dates as Vietnamese documents write them: `ngày 07/6/2024`, `07/06/2024`, `7-6-2024`,
 * `07.6.2024`, and the official date line `ngày 07 tháng 6 năm 2024`. Always day first.
 */

import { execAll } from './text';

/** A date-shaped text: either a real day (ISO `2024-06-07`) or an impossible one (31/02/2024). */
export type ParsedDate = { valid: true; iso: string } | { valid: false };

export type DateMatch = ParsedDate & {
  /** Where the match starts in the searched text. */
  index: number;
  /** The matched text as written, e.g. `07/6/2024` or `ngày 07 tháng 6 năm 2024`. */
  raw: string;
};

/**
 * Years accepted as real: documents of the Vietnamese administration, with room for
 * typos to be caught (`07/6/2204` is reported as invalid, not as a date in 2204).
 */
const MIN_YEAR = 1945;
const MAX_YEAR = 2099;

// Not glued to a digit, letter or slash, so `12/2023/QĐ-UBND` and URLs are not dates.
const BEFORE = String.raw`(?<![\p{L}\p{N}/.\-])`;
const AFTER = String.raw`(?![\p{N}/]|[.\-]\p{N})`;
// The separator is group 5 of DATE_RE and WHOLE_RE (after LONG's three), repeated as \5:
// a numbered group, so no `groups` object is made per match.
const SHORT = String.raw`(\d{1,2})([/.\-])(\d{1,2})\5(\d{4})`;
// "ngày 07 tháng 6 năm 2024", with or without diacritics (composed or not); "ngày" optional.
const NGAY = String.raw`ng[àa]\u0300?y`;
const LONG = String.raw`(?:${NGAY}\s+)?(\d{1,2})\s+th[áa]\u0301?ng\s+(\d{1,2}),?\s+n[ăa]\u0306?m\s+(\d{4})`;
const DATE_RE = new RegExp(`${BEFORE}(?:${LONG}|${SHORT})${AFTER}`, 'giu');
/** DATE_RE anchored where it is asked to start (see dateAt). */
const DATE_AT_RE = new RegExp(DATE_RE.source, 'iuy');
const WHOLE_RE = new RegExp(`^(?:${NGAY}\\s*(?::\\s*)?)?(?:${LONG}|${SHORT})$`, 'iu');

const YEAR_DIGITS = /\d{4}/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the Gregorian calendar (as Date.UTC counts them). */
function daysInMonth(y: number, m: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1];
}

function toParsed(d: number, m: number, y: number): ParsedDate {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return { valid: false };
  if (d > daysInMonth(y, m)) return { valid: false };
  return { valid: true, iso: `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}` };
}

function fromGroups(g: RegExpMatchArray): ParsedDate {
  // Groups 1-3: long form (day, month, year); 4-7: short form (day, separator, month, year).
  return g[1] !== undefined ? toParsed(Number(g[1]), Number(g[2]), Number(g[3])) : toParsed(Number(g[4]), Number(g[6]), Number(g[7]));
}

/**
 * Reads a text that is one date (an optional leading "ngày" allowed). Returns undefined
 * when the text is not date-shaped at all, `{ valid: false }` when it is but names no day.
 */
export function parseVietDate(text: string): ParsedDate | undefined {
  const m = text.normalize('NFC').trim().replace(/\s+/g, ' ').match(WHOLE_RE);
  if (!m) return undefined;
  // WHOLE_RE has the same groups as DATE_RE.
  return fromGroups(m);
}

/** Every date in a text, in order, each with its position and text as written. */
export function findDates(text: string): DateMatch[] {
  const out: DateMatch[] = [];
  // Every date has a four-digit year.
  if (!YEAR_DIGITS.test(text)) return out;
  for (const m of execAll(DATE_RE, text)) out.push(dateMatch(m));
  return out;
}

function dateMatch(m: RegExpExecArray): DateMatch {
  // Built key by key: spreading the two shapes of ParsedDate is many times slower.
  const d = fromGroups(m);
  return d.valid ? { valid: true, iso: d.iso, index: m.index, raw: m[0] } : { valid: false, index: m.index, raw: m[0] };
}

/**
 * The date DATE_RE matches starting exactly at `index` of `text`, as findDates would give
 * it when no earlier match overlaps; undefined when none starts there. `byHand: false`
 * leaves out the hand reading of the short form (for its test).
 */
export function dateAt(text: string, index: number, byHand = true): DateMatch | undefined {
  const short = byHand ? shortDateAt(text, index) : undefined;
  if (short !== undefined) return short;
  DATE_AT_RE.lastIndex = index;
  const m = DATE_AT_RE.exec(text);
  DATE_AT_RE.lastIndex = 0;
  return m === null ? undefined : dateMatch(m);
}

/** An ISO date moved by whole days: `addDays('2024-01-01', -4)` is `'2023-12-28'`. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** A separator of the short form: `/`, `.` or `-`. */
const isSeparator = (c: number) => c === 47 || c === 46 || c === 45;
/** Code units the lookarounds of DATE_RE need no Unicode tables for: ASCII (NaN past the end counts too). */
const plain = (c: number) => !(c >= 0x80);

/**
 * The short form (`20/01/2024`) DATE_AT_RE would match at `index`, read by hand: given
 * only where the pattern surely matches there and gives these groups (ASCII around the
 * date, one or two digits, one separator twice, four digits), else undefined for the
 * pattern to decide. Most evidence cells write their dates so.
 */
export function shortDateAt(text: string, index: number): DateMatch | undefined {
  // Not glued to a letter, digit, slash, dot or hyphen before it (BEFORE).
  const before = index > 0 ? text.charCodeAt(index - 1) : 32;
  if (!plain(before) || isDigit(before) || isSeparator(before) || isLetter(before)) return undefined;
  let i = index;
  const number = (most: number): number => {
    let n = 0;
    const from = i;
    while (i - from < most && isDigit(text.charCodeAt(i))) n = n * 10 + text.charCodeAt(i++) - 48;
    return i > from ? n : -1;
  };
  const d = number(2);
  const separator = text.charCodeAt(i);
  if (d < 0 || !isSeparator(separator)) return undefined;
  i++;
  const m = number(2);
  if (m < 0 || text.charCodeAt(i) !== separator) return undefined;
  i++;
  const from = i;
  const y = number(4);
  if (i - from !== 4) return undefined;
  // Not followed by a digit or slash, nor by a dot or hyphen and a digit (AFTER); past the end, NaN.
  const next = text.charCodeAt(i);
  const after = text.charCodeAt(i + 1);
  if (!plain(next) || isDigit(next) || next === 47 || ((next === 46 || next === 45) && (!plain(after) || isDigit(after)))) return undefined;
  const parsed = toParsed(d, m, y);
  const raw = text.slice(index, i);
  return parsed.valid ? { valid: true, iso: parsed.iso, index, raw } : { valid: false, index, raw };
}
