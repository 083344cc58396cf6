/**
 * Scoring-method parser (cách tính điểm): the Vietnamese method text of a leaf as the
 * scores it allows, for validation, the template's score validation and the pane.
 */
import { isCellError, type CellValue } from './answers';
import { finding, type Finding } from './findings';
import { formatNumber, type Lang } from './format';
import { parseVietNumber } from './numbers';
import { normalizeText } from './text';

/** The scores a row may take. */
export type AllowedScores =
  | { kind: 'set'; values: number[] } // sorted ascending, unique
  | { kind: 'range'; min: number; max: number; step?: number }; // step absent = any real value

/** What the declared figure (số liệu kê khai) must be for an option to apply. */
export type Condition =
  | { kind: 'yes' } // Có ..., Có ban hành ..., Đạt ...
  | { kind: 'no' } // Không ..., Không ban hành ...
  | { kind: 'percent'; min?: number; minInclusive: boolean; max?: number; maxInclusive: boolean } // từ 80% đến dưới 100%
  | { kind: 'label'; text: string }; // Hoàn thành tốt, Có vi phạm ... (matched by text)

/** One line of a method: a condition and the points it gives. */
export interface MethodOption {
  /** The line as written, trimmed ("Hoàn thành tốt: 75% điểm"). */
  label: string;
  condition: Condition;
  points: number;
}

export interface ParsedMethod {
  /**
   * options: a finite list of lines, each with points;
   * deduction: "trừ điểm theo mức độ" and similar, any value in 0..max;
   * survey: scored by the sociological survey, never self-scored;
   * unparsed: unreadable text (or none), any value in 0..max.
   */
  kind: 'options' | 'deduction' | 'survey' | 'unparsed';
  options: MethodOption[];
  allowed: AllowedScores;
}

/** A declared figure (số liệu kê khai) read from its cell. */
export type Declared =
  | { kind: 'yes' }
  | { kind: 'no' }
  | { kind: 'notApplicable' } // Không áp dụng
  | { kind: 'percent'; value: number } // 85%, "85", 0.85 when formatted as %
  | { kind: 'text'; text: string }
  | { kind: 'empty' };

// ---------------------------------------------------------------------------
// Implementation. Methods are free text written by many hands; the parser reads the
// common phrasings and otherwise falls back to "any value in 0..max" rather than guess.

export interface MethodParse {
  method: ParsedMethod;
  findings: Finding[];
}

const EPS = 1e-9;
const round4 = (n: number): number => Math.round(n * 10000) / 10000;

/** Lowercase NFC text with punctuation as single spaces: "Có, ban hành." -> "có ban hành". */
function words(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}%]+/gu, ' ').trim();
}

/**
 * Whether `text` starts with (or contains) one of `phrases` as whole words. Diacritics
 * count ("có" is not "cơ"), except in text typed without any diacritics at all.
 */
function hasPhrase(text: string, phrases: readonly string[], at: 'start' | 'anywhere'): boolean {
  const ascii = !/[^\x00-\x7f]/.test(text);
  const t = ` ${ascii ? normalizeText(words(text)) : words(text)} `;
  return phrases.some((p) => {
    const q = ` ${ascii ? normalizeText(p) : p} `;
    return at === 'start' ? t.startsWith(q) : t.includes(q);
  });
}

const YES_WORDS = ['có', 'đạt', 'đã'];
const NO_WORDS = ['không', 'chưa'];
/** Words that make a "Có ..." line something other than a plain yes ("Có nhưng chậm", "Có vi phạm"). */
const QUALIFIERS = ['vi phạm', 'sai phạm', 'sai sót', 'nhưng', 'chậm', 'muộn', 'trễ', 'quá hạn', 'không', 'chưa', 'một phần'];

const SURVEY = /dieu tra xa hoi hoc|dieu tra xhh/;
const DEDUCTION = /\btru\s+(?:\d+(?:[.,]\d+)?\s*)?(?:diem|d)\b|\b(?:theo|tuy(?: theo)?) muc do\b/;
const DEDUCTION_STEP = /\btru\s+(\d+(?:[.,]\d+)?)\s*(?:diem|d)\b/g;
/** Points are a few words: longer tails are not tried (keeps long cells linear). */
const MAX_POINTS_TEXT = 120;
/** A condition wrapped over lines is short; longer text is not joined further. */
const MAX_WRAPPED_LINE = 300;
const BULLET = /^\s*(?:[-+•*–—·]+|[a-zđ]\)|[a-zđ]\.(?=\s)|\d{1,2}[.)](?=\s))\s*/i;

// --- points ("Điểm tối đa", "0,5 điểm", "75% điểm", "không điểm") ---

const NUM = '[+-]?\\d+(?:[.,]\\d+)?';
const POINTS_MAX = /^(?:diem toi da|toi da)$/;
const POINTS_PERCENT = new RegExp(`^(${NUM})\\s*%\\s*(?:cua\\s+)?(?:tong\\s+|so\\s+)?(?:diem|d)(?:\\s+toi da)?$`);
const POINTS_NUMBER = new RegExp(`^(${NUM})\\s*(?:diem|d)$`);
const POINTS_ZERO = /^khong\s*(?:diem|d)$/;
const POINTS_BARE = new RegExp(`^(${NUM})$`);

/** Points written in normalized text `n`; a bare number counts only after a colon. */
function parsePoints(n: string, maxPoints: number, bareAllowed: boolean): number | undefined {
  // A dash before the points is a separator ("Đạt - 1 điểm"), a sign only when glued to a digit.
  const base = n.replace(/^(?:[\s–—=]|-(?!\d))+/, '').replace(/[\s.,;]+$/, '');
  const candidates = [base, base.replace(/^\((.*)\)$/, '$1'), base.replace(/\s*\(.*\)$/, '')];
  for (const candidate of candidates) {
    const p = candidate.replace(/^(?:duoc|cho|cham|tinh|dat|la)\s+/, '').trim();
    if (POINTS_MAX.test(p)) return maxPoints;
    if (POINTS_ZERO.test(p)) return 0;
    const pct = POINTS_PERCENT.exec(p);
    if (pct) return round4(((parseVietNumber(pct[1]) ?? NaN) / 100) * maxPoints);
    const num = POINTS_NUMBER.exec(p) ?? (bareAllowed ? POINTS_BARE.exec(p) : null);
    if (num) return parseVietNumber(num[1]);
  }
  return undefined;
}

/** The condition part as a label: separators at its end dropped; undefined when nothing is left. */
function cleanCondition(s: string): string | undefined {
  const c = s.replace(/[\s\-–—=(:,]+$/, '').trim();
  return /[\p{L}\p{N}]/u.test(c) ? c : undefined;
}

/** Splits a line into condition and points: "cond: points", else "cond ... 1 điểm". */
function splitLine(line: string, maxPoints: number): { condition: string; points: number } | undefined {
  for (let i = line.lastIndexOf(':'); i >= 0 && line.length - i <= MAX_POINTS_TEXT; i = line.lastIndexOf(':', i - 1)) {
    const points = parsePoints(normalizeText(line.slice(i + 1)), maxPoints, true);
    const condition = cleanCondition(line.slice(0, i));
    if (points !== undefined && condition) return { condition, points };
    if (i === 0) break;
  }
  // Without a colon the points end the line; they are at most a few words long.
  const ws = line.trim().split(/\s+/);
  for (let k = Math.max(1, ws.length - 8); k < ws.length; k++) {
    const points = parsePoints(normalizeText(ws.slice(k).join(' ')), maxPoints, false);
    const condition = cleanCondition(ws.slice(0, k).join(' '));
    if (points !== undefined && condition) return { condition, points };
  }
  return undefined;
}

function stripBullets(s: string): string {
  let t = s.trim();
  for (let m = BULLET.exec(t); m && m[0].length > 0; m = BULLET.exec(t)) t = t.slice(m[0].length);
  return t.trim();
}

/**
 * Lines of a method: separated by newlines, ";" and " / ". A line broken inside its
 * condition (no points yet, and the next piece is no new bullet) is joined back.
 */
function splitLines(text: string, maxPoints: number): string[] {
  const parts = text.split(/(\r\n|\r|\n|;|\s\/\s)/);
  const lines: string[] = [];
  let current = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const separator = parts[i];
    const next = parts[i + 1];
    const line = stripBullets(current);
    const complete =
      line === '' ||
      line.length > MAX_WRAPPED_LINE ||
      line.endsWith(':') ||
      DEDUCTION.test(normalizeText(line)) ||
      splitLine(line, maxPoints) !== undefined;
    if (separator !== ';' && !complete && !BULLET.test(next)) {
      current += separator.trim() === '/' ? separator + next : ' ' + next.trimStart();
    } else {
      lines.push(current);
      current = next;
    }
  }
  lines.push(current);
  return lines.map(stripBullets).filter((l) => l !== '');
}

// --- percent bands ("từ 80% đến dưới 100%", "dưới 80%", ">= 90%", "100%") ---

type Band = Extract<Condition, { kind: 'percent' }>;
type Bound = 'lowerIncl' | 'lowerExcl' | 'upperIncl' | 'upperExcl';

/** What a number's preceding words make of it; longer phrases first. */
const BEFORE: [RegExp, Bound][] = (
  [
    ['khong vuot qua', 'upperIncl'], ['khong qua', 'upperIncl'], ['khong duoi', 'lowerIncl'],
    ['khong thap hon', 'lowerIncl'], ['lon hon hoac bang', 'lowerIncl'], ['nho hon hoac bang', 'upperIncl'],
    ['den duoi', 'upperExcl'], ['chua den', 'upperExcl'], ['it nhat', 'lowerIncl'], ['toi thieu', 'lowerIncl'],
    ['toi da', 'upperIncl'], ['lon hon', 'lowerExcl'], ['cao hon', 'lowerExcl'], ['nho hon', 'upperExcl'],
    ['thap hon', 'upperExcl'], ['tren', 'lowerExcl'], ['duoi', 'upperExcl'], ['tu', 'lowerIncl'],
    ['den', 'upperIncl'], ['toi', 'upperIncl'],
  ] as [string, Bound][]
)
  .map(([p, b]): [RegExp, Bound] => [new RegExp(`(?:^|[^a-z0-9])${p}\\s*$`), b])
  .concat(
    (
      [
        ['>=', 'lowerIncl'], ['≥', 'lowerIncl'], ['=>', 'lowerIncl'], ['<=', 'upperIncl'], ['≤', 'upperIncl'],
        ['=<', 'upperIncl'], ['>', 'lowerExcl'], ['<', 'upperExcl'],
      ] as [string, Bound][]
    ).map(([p, b]): [RegExp, Bound] => [new RegExp(`${p}\\s*$`), b]),
  );

interface Mark {
  value: number;
  bound?: Bound;
}

/** A percent band in normalized condition text, or undefined when it names none (or an empty one). */
function parseBand(n: string): Band | undefined {
  const found = [...n.matchAll(/(\d+(?:[.,]\d+)?)\s*(%?)/g)];
  if (!found.some((m) => m[2] === '%')) return undefined;
  const lastPercent = found.map((m) => m[2]).lastIndexOf('%');
  const marks: Mark[] = [];
  found.forEach((m, i) => {
    const end = (m.index ?? 0) + m[0].length;
    const after = n.slice(end);
    // "từ 80 đến dưới 100%": a number joined to a later percentage is one too.
    const joined = /^\s*(?:den|toi|[-–—])/.test(after) && i < lastPercent;
    if (m[2] !== '%' && !joined) return;
    const value = parseVietNumber(m[1]);
    if (value === undefined) return;
    const before = n.slice(Math.max(0, (m.index ?? 0) - 40), m.index); // comparison words are short
    let bound = BEFORE.find(([re]) => re.test(before))?.[1];
    if (!bound && /[-–—]\s*$/.test(before) && marks.length > 0) bound = 'upperIncl';
    if (/^\s*tro len/.test(after)) bound = 'lowerIncl';
    if (/^\s*tro xuong/.test(after)) bound = 'upperIncl';
    marks.push({ value, bound });
  });
  let lower: { v: number; incl: boolean } | undefined;
  let upper: { v: number; incl: boolean } | undefined;
  const free: number[] = [];
  for (const { value, bound } of marks) {
    if (bound === 'lowerIncl' || bound === 'lowerExcl') {
      if (lower) return undefined;
      lower = { v: value, incl: bound === 'lowerIncl' };
    } else if (bound === 'upperIncl' || bound === 'upperExcl') {
      if (upper) return undefined;
      upper = { v: value, incl: bound === 'upperIncl' };
    } else free.push(value);
  }
  if (free.length > 1) return undefined;
  if (free.length === 1) {
    const v = { v: free[0], incl: true };
    if (!lower && !upper) [lower, upper] = [v, v]; // "Hoàn thành 100% kế hoạch": exactly 100
    else if (!lower) lower = v; // "80 - dưới 100%"
    else if (!upper) upper = v;
    else return undefined;
  }
  if (lower && upper && (lower.v > upper.v || (lower.v === upper.v && !(lower.incl && upper.incl)))) return undefined;
  return {
    kind: 'percent',
    ...(lower ? { min: lower.v } : {}),
    minInclusive: lower?.incl ?? false,
    ...(upper ? { max: upper.v } : {}),
    maxInclusive: upper?.incl ?? false,
  };
}

function bandsOverlap(a: Band, b: Band): boolean {
  const lo = [a, b].map((x) => ({ v: x.min ?? -Infinity, incl: x.min === undefined || x.minInclusive }));
  const hi = [a, b].map((x) => ({ v: x.max ?? Infinity, incl: x.max === undefined || x.maxInclusive }));
  const l = lo[0].v === lo[1].v ? { v: lo[0].v, incl: lo[0].incl && lo[1].incl } : lo[0].v > lo[1].v ? lo[0] : lo[1];
  const u = hi[0].v === hi[1].v ? { v: hi[0].v, incl: hi[0].incl && hi[1].incl } : hi[0].v < hi[1].v ? hi[0] : hi[1];
  return l.v < u.v || (l.v === u.v && l.incl && u.incl);
}

function inBand(band: Band, v: number): boolean {
  const aboveMin = band.min === undefined || (band.minInclusive ? v >= band.min - EPS : v > band.min + EPS);
  const belowMax = band.max === undefined || (band.maxInclusive ? v <= band.max + EPS : v < band.max - EPS);
  return aboveMin && belowMax;
}

// --- conditions ---

type Polarity = 'yes' | 'no' | undefined;

interface ReadLine {
  label: string;
  /** The condition as written: the line without its points. */
  conditionText: string;
  points: number;
  read: { condition: Condition; polarity: Polarity; qualified: boolean };
}

/** The condition of one line, before yes/no lines are checked against each other. */
function readCondition(text: string): ReadLine['read'] {
  const n = normalizeText(text);
  const label: Condition = { kind: 'label', text };
  const band = parseBand(n);
  if (band) return { condition: band, polarity: undefined, qualified: false };
  if (/^khong ap dung\b/.test(n)) return { condition: label, polarity: undefined, qualified: false };
  if (hasPhrase(text, YES_WORDS, 'start')) {
    return { condition: label, polarity: 'yes', qualified: hasPhrase(text, QUALIFIERS, 'anywhere') };
  }
  if (hasPhrase(text, NO_WORDS, 'start')) return { condition: label, polarity: 'no', qualified: false };
  return { condition: label, polarity: undefined, qualified: false };
}

/**
 * "Có" / "Không" as conditions: a declared "Có" must pick one value, so the yes lines
 * (and likewise the no lines) become yes/no only when they all give the same points;
 * otherwise ("Có, đúng hạn: 1; Có nhưng chậm: 0,5") they stay labels.
 */
function resolvePolarity(lines: ReadLine[]): MethodOption[] {
  const agreed = (p: Polarity): boolean =>
    new Set(lines.filter((l) => l.read.polarity === p).map((l) => l.points)).size === 1;
  const yes = agreed('yes');
  const no = agreed('no');
  return lines.map(({ label, points, read }) => {
    let condition = read.condition;
    if (read.polarity === 'yes' && yes && !read.qualified) condition = { kind: 'yes' };
    if (read.polarity === 'no' && no) condition = { kind: 'no' };
    return { label, condition, points };
  });
}

// --- the parser ---

/**
 * Reads a scoring method (cách tính điểm) for a row with `maxPoints`. Findings it
 * raises (the method's own problems) carry `code` as their criterion. Never throws.
 */
export function parseMethod(text: string | undefined | null, maxPoints: number, code?: string): MethodParse {
  // Consolidation reads the same set in 150 workbooks: parse each method once. The result
  // is shared, so callers treat it as read-only (they do: it is data to look at).
  const key = `${maxPoints}\u0000${code ?? ''}\u0000${text ?? ''}`;
  const hit = PARSED.get(key);
  if (hit) return hit;
  if (PARSED.size >= 10_000) PARSED.clear();
  const parsed = parseMethodUncached(text, maxPoints, code);
  PARSED.set(key, parsed);
  return parsed;
}

const PARSED = new Map<string, MethodParse>();

function parseMethodUncached(text: string | undefined | null, maxPoints: number, code?: string): MethodParse {
  const at = code === undefined ? { field: 'method' as const } : { criterion: code, field: 'method' as const };
  const anyValue: AllowedScores = { kind: 'range', min: 0, max: maxPoints };
  const unparsed = (): MethodParse => ({
    method: { kind: 'unparsed', options: [], allowed: anyValue },
    findings: [finding('METHOD_UNPARSED', { max: maxPoints }, at)],
  });
  const raw = (text ?? '').trim();
  if (raw === '') return unparsed();
  const all = normalizeText(raw);
  if (SURVEY.test(all)) return { method: { kind: 'survey', options: [], allowed: anyValue }, findings: [] };

  const read: ReadLine[] = [];
  let unreadable = false;
  for (const line of splitLines(raw, maxPoints)) {
    if (line.endsWith(':')) continue; // an introduction such as "Trong đó:"
    if (DEDUCTION.test(normalizeText(line))) continue; // no fixed points; the kind says so
    const split = splitLine(line, maxPoints);
    if (split) {
      read.push({ label: line, conditionText: split.condition, points: split.points, read: readCondition(split.condition) });
    } else unreadable = true;
  }
  const options = resolvePolarity(read);
  const deduction = DEDUCTION.test(all);
  if (!deduction && (unreadable || options.length === 0)) return unparsed();

  const findings: Finding[] = [];
  for (const o of options) {
    if (!(o.points >= -EPS && o.points <= maxPoints + EPS)) {
      findings.push(finding('METHOD_VALUE_OUT_OF_RANGE', { value: o.points, max: maxPoints }, at));
    }
  }
  const bands = options.flatMap((o, i) =>
    o.condition.kind === 'percent' ? [{ text: read[i].conditionText, band: o.condition }] : [],
  );
  // Each band is reported once, with the first earlier band it overlaps.
  bands.forEach((b, i) => {
    const a = bands.slice(0, i).find((x) => bandsOverlap(x.band, b.band));
    if (a) findings.push(finding('METHOD_BANDS_OVERLAP', { bands: `${a.text} / ${b.text}` }, at));
  });

  if (deduction) return { method: { kind: 'deduction', options, allowed: deductionRange(all, maxPoints) }, findings };
  // 0 is always allowed: a method that only says what earns points ("Có ban hành: 1 điểm")
  // gives nothing when the condition is not met.
  const values = [...new Set([0, ...options.map((o) => o.points)])].sort((a, b) => a - b);
  return { method: { kind: 'options', options, allowed: { kind: 'set', values } }, findings };
}

/**
 * Any value in 0..max; when every deduction is a fixed amount ("trừ 0,25 điểm" per case)
 * the scores lie on that grid counted down from max (the common step of all amounts).
 */
function deductionRange(all: string, maxPoints: number): AllowedScores {
  const units = [...all.matchAll(DEDUCTION_STEP)]
    .map((m) => Math.round((parseVietNumber(m[1]) ?? 0) * 10000))
    .filter((u) => u > 0);
  if (units.length === 0 || !Number.isFinite(maxPoints) || maxPoints < 0) return { kind: 'range', min: 0, max: maxPoints };
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const step = units.reduce(gcd) / 10000;
  const min = round4(maxPoints - Math.floor(maxPoints / step + EPS) * step);
  return { kind: 'range', min, max: maxPoints, step };
}

// --- declared figures ---

const NOT_APPLICABLE = /^(?:khong ap dung\b|(?:kad|k\/a|n\/a|na|kapd)$)/;

/**
 * A declared figure (số liệu kê khai): Có / x / Đạt / TRUE -> yes; Không / Chưa -> no;
 * Không áp dụng / KAD / N/A -> notApplicable; "85%", "85,5 %", "85" and plain numbers
 * -> percent as written (85 means 85%; a cell formatted as % arrives as 0.85 and is
 * the reader's to scale); a text with one percentage ("Đạt 95%") -> that percentage.
 */
export function parseDeclared(v: CellValue | undefined): Declared {
  if (v === null || v === undefined) return { kind: 'empty' };
  if (isCellError(v)) return { kind: 'text', text: v.error };
  if (typeof v === 'boolean') return { kind: v ? 'yes' : 'no' };
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'percent', value: v } : { kind: 'text', text: String(v) };
  const text = v.trim();
  if (text === '') return { kind: 'empty' };
  const n = normalizeText(text).replace(/[.;,]+$/, '');
  if (NOT_APPLICABLE.test(n)) return { kind: 'notApplicable' };
  const whole = /^([+-]?\d+(?:[.,]\d+)?)\s*%?$/.exec(n);
  const percents = [...n.matchAll(/(\d+(?:[.,]\d+)?)\s*%/g)];
  const figure = whole?.[1] ?? (percents.length === 1 ? percents[0][1] : undefined);
  const value = figure === undefined ? undefined : parseVietNumber(figure);
  if (value !== undefined) return { kind: 'percent', value };
  if (['x', 'yes', 'true', '✓', '√'].includes(n)) return { kind: 'yes' };
  if (['no', 'false'].includes(n)) return { kind: 'no' };
  if (hasPhrase(text, YES_WORDS, 'start') && !hasPhrase(text, QUALIFIERS, 'anywhere')) return { kind: 'yes' };
  if (hasPhrase(text, NO_WORDS, 'start')) return { kind: 'no' };
  return { kind: 'text', text };
}

/**
 * The score the method gives for a declared figure, when it says: yes/no -> that
 * option; percent -> the band holding it; text -> the label it names (equal, or the
 * longest label the text starts with). Undefined otherwise.
 */
export function suggestScore(method: ParsedMethod, declared: Declared): number | undefined {
  const options = method.options;
  switch (declared.kind) {
    case 'yes':
    case 'no':
      return options.find((o) => o.condition.kind === declared.kind)?.points;
    case 'percent':
      return options.find((o) => o.condition.kind === 'percent' && inBand(o.condition, declared.value))?.points;
    case 'text': {
      const t = normalizeText(declared.text);
      const labels = options.flatMap((o) =>
        o.condition.kind === 'label' ? [{ text: normalizeText(o.condition.text), points: o.points }] : [],
      );
      const exact = labels.find((l) => l.text === t);
      if (exact) return exact.points;
      const prefixes = labels.filter((l) => l.text !== '' && t.startsWith(l.text + ' '));
      prefixes.sort((a, b) => b.text.length - a.text.length);
      return prefixes[0]?.points;
    }
    default:
      return undefined;
  }
}

// --- allowed scores ---

export function isAllowedScore(allowed: AllowedScores, score: number): boolean {
  if (!Number.isFinite(score)) return false;
  if (allowed.kind === 'set') return allowed.values.some((v) => Math.abs(v - score) <= EPS);
  if (score < allowed.min - EPS || score > allowed.max + EPS) return false;
  if (!allowed.step) return true;
  const k = (score - allowed.min) / allowed.step;
  return Math.abs(k - Math.round(k)) * allowed.step <= EPS;
}

/** Grid used for targets when a range allows any real value: quarter points. */
export const TARGET_STEP = 0.25;

/**
 * The smallest allowed score strictly above `score` and not above `maxPoints` (the next
 * achievable value, for targets). A range without a step is walked on the 0,25 grid
 * from its min, the last step capped at max. Undefined when nothing lies above.
 */
export function nextAllowedAbove(allowed: AllowedScores, score: number, maxPoints: number): number | undefined {
  if (allowed.kind === 'set') {
    return allowed.values.find((v) => v > score + EPS && v <= maxPoints + EPS);
  }
  const cap = Math.min(allowed.max, maxPoints);
  if (!(score < cap - EPS)) return undefined;
  if (score < allowed.min - EPS) return allowed.min;
  const step = allowed.step ?? TARGET_STEP;
  const next = round4(allowed.min + (Math.floor((score - allowed.min) / step + EPS) + 1) * step);
  if (allowed.step === undefined) return Math.min(next, cap);
  return next <= cap + EPS ? next : undefined;
}

/** "0; 0,5; 1" (vi) / "0; 0.5; 1" (en); a range "0 - 2", with its step when it has one. */
export function describeAllowed(allowed: AllowedScores, lang: Lang): string {
  const f = (n: number): string => formatNumber(n, lang);
  if (allowed.kind === 'set') return allowed.values.map(f).join('; ');
  const range = `${f(allowed.min)} - ${f(allowed.max)}`;
  if (!allowed.step) return range;
  return `${range} (${lang === 'vi' ? 'bước' : 'step'} ${f(allowed.step)})`;
}
