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

function toParsed(day: string, month: string, year: string): ParsedDate {
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return { valid: false };
  if (d > daysInMonth(y, m)) return { valid: false };
  return { valid: true, iso: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

function fromGroups(g: RegExpMatchArray): ParsedDate {
  // Groups 1-3: long form (day, month, year); 4-7: short form (day, separator, month, year).
  return g[1] !== undefined ? toParsed(g[1], g[2], g[3]) : toParsed(g[4], g[6], g[7]);
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
 * it when no earlier match overlaps; undefined when none starts there.
 */
export function dateAt(text: string, index: number): DateMatch | undefined {
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
