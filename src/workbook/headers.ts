/**
 * Header wordings as data: which header texts name which column of the score table
 * (src/workbook/header-synonyms.json, bundled; a province may pass its own). A header is
 * compared on its normalised text (no case, diacritics, spacing or punctuation), and
 * the longest wording it matches decides, so `Các yêu cầu và tài liệu kiểm chứng`
 * (requirement) beats `Tài liệu kiểm chứng` (evidence) and `Lý do thẩm định` beats
 * `Thẩm định` without an order of rules to maintain.
 */
import { normalizeText } from '../core/text';
import bundled from './header-synonyms.json';
import { COLUMN_KEYS, type ColumnKey } from './columns';

export interface HeaderRole {
  /** The whole header is one of these. */
  exact?: string[];
  /** The header contains one of these as whole words; `…` allows words between, `{năm}` is a year. */
  contains?: string[];
  /** When no header names this column, the column recognised as `orColumnOf` serves for it. */
  orColumnOf?: ColumnKey;
}

export interface HeaderSynonyms {
  columns: Partial<Record<ColumnKey, HeaderRole>>;
}

/** Markers of a wording's tokens: `…` (any words between) and `{năm}` (a 4-digit year). */
const GAP = '\u0001';
const YEAR = '\u0002';

/** The columns without which there is no table: a synonyms file must name them. */
const REQUIRED_ROLES: readonly ColumnKey[] = ['code', 'name', 'maxPoints', 'selfScore'];

/** The problems of a synonyms file (empty when it is usable), each with its JSON path. */
export function checkHeaderSynonyms(json: unknown): { synonyms?: HeaderSynonyms; problems: string[] } {
  const problems: string[] = [];
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(json) || !isObject(json.columns)) return { problems: ['columns: phải là một đối tượng / must be an object'] };
  const columns: Partial<Record<ColumnKey, HeaderRole>> = {};
  for (const [key, role] of Object.entries(json.columns)) {
    const at = `columns.${key}`;
    if (!COLUMN_KEYS.includes(key as ColumnKey)) {
      problems.push(`${at}: không phải cột đã biết / not a known column (${COLUMN_KEYS.join(', ')})`);
      continue;
    }
    if (!isObject(role)) {
      problems.push(`${at}: phải là một đối tượng / must be an object`);
      continue;
    }
    const out: HeaderRole = {};
    for (const [prop, v] of Object.entries(role)) {
      if (prop === 'exact' || prop === 'contains') {
        if (!Array.isArray(v) || v.length === 0 || !v.every((w) => typeof w === 'string' && wordsOf(w).some((t) => t !== GAP && t !== YEAR))) {
          problems.push(`${at}.${prop}: phải là danh sách cách ghi có chữ / must be a list of wordings with letters`);
        } else out[prop] = v as string[];
      } else if (prop === 'orColumnOf') {
        if (!COLUMN_KEYS.includes(v as ColumnKey) || v === key) problems.push(`${at}.orColumnOf: phải là một cột khác / must be another column`);
        else out.orColumnOf = v as ColumnKey;
      } else problems.push(`${at}.${prop}: thuộc tính lạ / unknown property`);
    }
    if (!out.exact && !out.contains) problems.push(`${at}: cần "exact" hoặc "contains" / needs "exact" or "contains"`);
    columns[key as ColumnKey] = out;
  }
  for (const key of REQUIRED_ROLES) if (!isObject(json.columns[key])) problems.push(`columns.${key}: thiếu cột bắt buộc / required column missing`);
  return problems.length > 0 ? { problems } : { synonyms: { columns }, problems };
}

/** A wording as tokens: words, GAP for `…`/`...`, YEAR for `{năm}`/`{year}`. */
function wordsOf(wording: string): string[] {
  const marked = normalizeText(wording)
    .replace(/…|\.\.\./g, ` ${GAP} `)
    .replace(/\{(nam|year)\}/g, ` ${YEAR} `);
  return marked.split(/[^a-z0-9\u0001\u0002]+/).filter((w) => w !== '');
}

/** A header's text as wordings are matched: normalised, punctuation as spaces. */
export function headerKey(text: string): string {
  return normalizeText(text).replace(/[^a-z0-9]+/g, ' ').trim();
}

interface Rule<K extends string> {
  key: K;
  re: RegExp;
  /** Length of the wording's words: the longest match wins. */
  weight: number;
}

function ruleOf<K extends string>(key: K, wording: string, exact: boolean): Rule<K> {
  const tokens = wordsOf(wording);
  let body = '';
  let weight = 0;
  for (const t of tokens) {
    if (t === GAP) {
      body += '(?:.* )?';
      continue;
    }
    body += `${t === YEAR ? '\\d{4}' : t.replace(/[^a-z0-9]/g, '')} `;
    weight += (t === YEAR ? 4 : t.length) + 1;
  }
  body = body.trimEnd();
  return { key, re: exact ? new RegExp(`^${body}$`) : new RegExp(`(?:^| )${body}(?: |$)`), weight };
}

/**
 * Wordings made ready for matching, for any set of columns (the score table's here, the
 * document register's in register.ts): their rules and the answers already given.
 */
export interface WordingMatcher<K extends string> {
  rules: Rule<K>[];
  cache: Map<string, K | null>;
  /** Longest normalised text taken as a header: a longer one is a title or a data cell. */
  maxLength: number;
}

export function wordingMatcher<K extends string>(columns: Partial<Record<K, { exact?: string[]; contains?: string[] }>>, maxLength: number): WordingMatcher<K> {
  const rules: Rule<K>[] = [];
  for (const key of Object.keys(columns) as K[]) {
    const role = columns[key] as { exact?: string[]; contains?: string[] };
    for (const w of role.exact ?? []) rules.push(ruleOf(key, w, true));
    for (const w of role.contains ?? []) rules.push(ruleOf(key, w, false));
  }
  return { rules, cache: new Map(), maxLength };
}

/** The column a text names under `matcher`, if any: the longest wording matched decides. */
export function matchWording<K extends string>(text: string, matcher: WordingMatcher<K>): K | undefined {
  // Long texts (methods, names in data rows) are never headers: skip them before the
  // normalisation, which layout detection would otherwise run on every cell it scans.
  if (text.length > 2 * matcher.maxLength) return undefined;
  // Detection scans the same titles, names and headers in every workbook of a province.
  let key = matcher.cache.get(text);
  if (key === undefined) {
    const t = headerKey(text);
    key = null;
    if (t !== '' && t.length <= matcher.maxLength) {
      let best = 0;
      for (const rule of matcher.rules) {
        if (rule.weight > best && rule.re.test(t)) {
          best = rule.weight;
          key = rule.key;
        }
      }
    }
    if (matcher.cache.size >= 10_000) matcher.cache.clear();
    matcher.cache.set(text, key);
  }
  return key ?? undefined;
}

/** A synonyms file of the score table made ready for matching. */
export interface HeaderMatcher extends WordingMatcher<ColumnKey> {
  synonyms: HeaderSynonyms;
}

/** Header cells of the score table are short; a longer text is a title or a data cell, never a header. */
const MAX_HEADER_LENGTH = 80;

export function headerMatcher(synonyms: HeaderSynonyms): HeaderMatcher {
  return { ...wordingMatcher(synonyms.columns, MAX_HEADER_LENGTH), synonyms };
}

let bundledMatcher: HeaderMatcher | undefined;

/** The bundled wordings (src/workbook/header-synonyms.json); a broken file fails loudly, never silently matches nothing. */
export function defaultHeaderMatcher(): HeaderMatcher {
  if (!bundledMatcher) {
    const checked = checkHeaderSynonyms(bundled);
    if (!checked.synonyms) throw new Error(`src/workbook/header-synonyms.json: ${checked.problems.join('; ')}`);
    bundledMatcher = headerMatcher(checked.synonyms);
  }
  return bundledMatcher;
}

/** A note in parentheses, as provincial headers add them: `(nếu có)`, `(ghi rõ số, ký hiệu ...)`. */
const NOTE = /\([^()]*\)/g;

/**
 * The column a header text names, if any (`"Điểm\ntự đánh giá"` -> selfScore). A note in
 * parentheses is not the header's wording: it may be long (a header is short) or name
 * another column (`Điểm tự đánh giá (theo cột cách tính điểm)`), so the text without its
 * notes decides, and the whole text only when that names nothing.
 */
export function classifyHeader(text: string, matcher: HeaderMatcher = defaultHeaderMatcher()): ColumnKey | undefined {
  const bare = text.includes('(') ? text.replace(NOTE, ' ') : text;
  return (bare !== text ? matchWording(bare, matcher) : undefined) ?? matchWording(text, matcher);
}

/** Columns a role borrows when the sheet has none of its own (`Ghi chú` as the explanation). */
export function applyFallbacks(columns: Partial<Record<ColumnKey, number>>, matcher: HeaderMatcher): Partial<Record<ColumnKey, number>> {
  const out = { ...columns };
  for (const key of Object.keys(matcher.synonyms.columns) as ColumnKey[]) {
    const from = matcher.synonyms.columns[key]?.orColumnOf;
    if (from !== undefined && out[key] === undefined && out[from] !== undefined) {
      out[key] = out[from];
      delete out[from];
    }
  }
  return out;
}
