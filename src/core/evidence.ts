/**
 * Evidence (tài liệu kiểm chứng): reading the references a unit writes in a cell
 * ("Kế hoạch số 386/KH-UBND ngày 07/6/2024 của UBND tỉnh; https://...") and checking
 * them against the rules of Nghị định 30/2020/NĐ-CP and the assessment period.
 */
import { DEFAULT_EVIDENCE_WINDOW, type EvidenceWindow } from './criteria';
import { addDays, dateAt, findDates, type DateMatch } from './dates';
import {
  CONG_VAN,
  DOCUMENT_KINDS,
  GENERIC_KIND,
  foldUnit,
  foldVietnamese,
  kindByAbbreviation,
  kindMentions,
  kindMentionsFolded,
  type DocumentKind,
} from './documentKinds';
import { finding, type Finding } from './findings';
import { formatDateShort } from './format';
import { checkLink, findLinkMatches } from './links';
import { execAll } from './text';

export interface DocumentRef {
  /** The reference as written (bullets and trailing punctuation trimmed). */
  raw: string;
  /** Number and symbol as written, spacing normalised: `386/KH-UBND`, `12/2023/QĐ-UBND`. */
  symbol?: string;
  /** The number before the first slash: `386`. */
  number?: string;
  /** The year of a legal document's symbol: 2023 in `12/2023/QĐ-UBND`. */
  year?: number;
  /** From the symbol's abbreviation, else from the kind named before it; công văn for `123/UBND-NC`. */
  kind?: DocumentKind;
  /** The issuer part of the symbol: `UBND`, `SNV-CCHC`, `UBND-NC`. */
  issuer?: string;
  /** Date of issue, ISO. */
  date?: string;
  /** The date as written. */
  dateText?: string;
  /** A date was written but names no real day (31/02/2024). */
  dateInvalid?: boolean;
  /** The part of the document cited: `mục II`, `trang 5`, `điểm a khoản 1 Điều 3`. */
  section?: string;
}

export interface ParsedEvidence {
  refs: DocumentRef[];
  /** Every link, valid or not, as written. */
  links: string[];
  /** Texts that try to be a number/symbol and fail (`386/KH`, `386 KH-UBND`, `386/ /UBND`). */
  malformedNumbers: string[];
}

// One part of a symbol: upper-case letters and digits, at most one lower-case letter
// (`UBND`, `QĐ`, `TTg`, `CTr`, `QyĐ`, `QH13`), so a following word ("Báo") is not taken.
const PART = String.raw`\p{Lu}[\p{Lu}\p{N}]*(?:\p{Ll}[\p{Lu}\p{N}]*)?(?![\p{L}\p{N}])`;
const NOT_GLUED = String.raw`(?<![\p{L}\p{N}/.\\])`;
/** `386/KH-UBND`, `12/2023/QĐ-UBND`, `123/UBND-NC`; a hyphen left dangling is captured. */
const SYMBOL_RE = new RegExp(
  String.raw`${NOT_GLUED}(\d{1,6})\s*\/\s*(?:(\d{4})\s*\/\s*)?(${PART}(?:\s*-\s*${PART})*)(-(?![\p{L}\p{N}]))?`,
  'gu',
);
const ABBREVIATIONS = DOCUMENT_KINDS.flatMap((k) => (k.abbreviation ? [k.abbreviation] : []));
/** The slash left out or mistyped: `386 KH-UBND`, `386\KH-UBND`, `386.KH-UBND`. */
const MISSING_SLASH_RE = new RegExp(
  String.raw`${NOT_GLUED}\d{1,6}(?:\s*[\\.]\s*|\s+)(?:${ABBREVIATIONS.join('|')})\s*-\s*[\p{L}\p{N}]+`,
  'gu',
);
/** Anything else of the form number/letters: `386/kh-ubnd`, `386/ /UBND`, `386//UBND`. */
const ATTEMPT_RE = new RegExp(
  String.raw`${NOT_GLUED}\d{1,6}\s*\/[\s/]*(?:\d{4}\s*\/[\s/]*)?\p{L}[\p{L}\p{N}]*(?:\s*-\s*[\p{L}\p{N}]+)*-?`,
  'gu',
);
/**
 * A number left blank, as drafts leave it for the clerk: `Kế hoạch số /KH-STP`,
 * `Số:    /BC-UBND`, `số ..../QĐ-UBND` (symbols, dates and links are masked before).
 */
const BLANK_NUMBER_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:[Ss][ốoỐO][ \t]{0,3}:?)?[ \t]{0,20}[.…_]{0,20}[ \t]{0,20}\/[ \t]{0,3}(?:\d{4}[ \t]{0,3}\/[ \t]{0,3})?\p{Lu}[\p{L}\p{N}]*(?:[ \t]{0,3}-[ \t]{0,3}\p{Lu}[\p{L}\p{N}]*)*`,
  'gu',
);
/** The upper-case words written after a number without a slash: ` KH UBND` in `15 KH UBND`. */
const TRAILING_SYMBOL_WORDS = /(?:(?:[ \t]{1,3}|[ \t]{0,3}[-/][ \t]{0,3})\p{Lu}[\p{Lu}\p{N}]*(?![\p{L}\p{N}]))*/uy;
/** "số 386" (folded text): a number after "số" that did not make a symbol. */
const SO_NUMBER_RE = /(?<![\p{L}\p{N}])so\s*(?:(:)\s*)?(\d[^\s;,()]*)/gu;
const ENDS_WITH_KIND_NAME = new RegExp(
  String.raw`(?:${DOCUMENT_KINDS.map((k) => foldVietnamese(k.vi).replace(/ /g, String.raw`\s+`)).join('|')})\s*$`,
  'u',
);

// A section identifier: Roman numeral, number (2, 2.3, 5-7) or a single letter (điểm a).
const SECTION_ID = String.raw`(?:[IVXLC]+|\d+(?:[.\-–]\d+)*|\p{L})(?![\p{L}\p{N}])`;
const SECTION_WORD = String.raw`(?:điểm|diem|khoản|khoan|điều|dieu|tiểu mục|tieu muc|mục|muc|phần|phan|phụ lục|phu luc|chương|chuong|trang|tr\.)`;
/** `mục II`, `trang 5`, `tr. 5-7`, `điểm a khoản 1 Điều 3`, `Phụ lục 2`. */
const SECTION_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${SECTION_WORD}\s*${SECTION_ID}(?:\s*(?:,\s*)?${SECTION_WORD}\s*${SECTION_ID})*`,
  'giu',
);

type Span = readonly [start: number, end: number];

/** Replaces the spans with spaces, so later patterns skip them but positions hold. */
function mask(text: string, spans: readonly Span[]): string {
  let out = text;
  for (const [s, e] of spans) out = out.slice(0, s) + ' '.repeat(e - s) + out.slice(e);
  return out;
}

const TRAILING_JUNK = /(?:[\s,.;:\-–+•(]|(?<!\p{L})và)$/u;

/** Cuts bullets, list numbers, trailing punctuation and a dangling "và" from a reference. */
export function tidy(raw: string): string {
  // The patterns run only where they might match: most references start with a word
  // and end with a figure, a letter or a bracket.
  let s = isAsciiAlphanumeric(raw.charCodeAt(0)) ? raw : raw.replace(/^[\s\-–+•*·,.;:]+/u, '');
  if (LIST_MARK_END.includes(s[1]) || LIST_MARK_END.includes(s[2])) s = s.replace(/^(?:\d{1,2}|[a-zđ])[.)]\s+/iu, '');
  const last = s.charCodeAt(s.length - 1);
  if (last < 0x80 && last > 32 && !',.;:-+('.includes(s[s.length - 1])) return s;
  // One character at a time: a `(...)+$` pattern is quadratic on long runs of spaces.
  for (let m = TRAILING_JUNK.exec(s); m; m = TRAILING_JUNK.exec(s)) s = s.slice(0, m.index);
  return s;
}

/** What ends a list number or letter (`1.`, `a)`). */
const LIST_MARK_END = '.)';
const isAsciiAlphanumeric = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

interface SymbolMatch {
  index: number;
  end: number;
  symbol: string;
  number: string;
  year?: number;
  abbrKind?: DocumentKind;
  issuer: string;
}

/** Reads one SYMBOL_RE match: a symbol, or a malformed text when it cannot be one. */
function readSymbol(m: RegExpMatchArray): SymbolMatch | { malformed: string } {
  const [whole, number, year, code, dangling] = m;
  if (dangling) return { malformed: whole.trim() };
  return symbolOf(whole, m.index ?? 0, number, year, code);
}

/** A symbol from its parts as SYMBOL_RE groups them (`whole` starting at `index`). */
function symbolOf(whole: string, index: number, number: string, year: string | undefined, code: string): SymbolMatch | { malformed: string } {
  // Most symbols are written without spaces (`KH-STP`): the code is then its parts joined already.
  const joined = WHITESPACE.test(code) ? code.split('-').map((p) => p.trim()).join('-') : code;
  const hyphen = joined.indexOf('-');
  const head = hyphen < 0 ? joined : joined.slice(0, hyphen);
  const abbrKind = kindByAbbreviation(head);
  // A kind with no issuer ("386/KH", "12/2023/QĐ") is incomplete.
  if (abbrKind && hyphen < 0) return { malformed: whole.trim() };
  return {
    index,
    end: index + whole.length,
    symbol: year ? `${number}/${year}/${joined}` : `${number}/${joined}`,
    number,
    year: year ? Number(year) : undefined,
    abbrKind,
    issuer: abbrKind ? joined.slice(head.length + 1) : joined,
  };
}

const isDigitUnit = (c: number) => c >= 48 && c <= 57;
/** [\p{Lu}] and [\p{Lu}\p{N}] and [\p{Ll}] for the units symbols are written in: ASCII and Đ đ. */
const isCapital = (c: number) => (c >= 65 && c <= 90) || c === 0x110;
const isCapitalOrDigit = (c: number) => isCapital(c) || isDigitUnit(c);
const isSmall = (c: number) => (c >= 97 && c <= 122) || c === 0x111;
/** Surely neither a letter nor a digit: ASCII punctuation, space or the end (NaN). */
const isPlainOther = (c: number) => !(c >= 0x80) && !isCapitalOrDigit(c) && !isSmall(c);

/**
 * The symbol SYMBOL_RE matches at `first` of `seg` in its tight form (`27/KH-STP`,
 * `12/2023/QĐ-UBND`: no spaces, ASCII capitals, digits, Đ and one small letter a part),
 * read by hand; undefined whenever the pattern might read otherwise (spaces around a
 * slash or hyphen, a hyphen left dangling, other letters next to it), for the pattern to
 * decide. Most evidence cells write their symbols so.
 */
function symbolAt(seg: string, first: number): SymbolMatch | { malformed: string } | undefined {
  // Not glued to a letter, digit, slash, dot or backslash before it (NOT_GLUED).
  const before = first > 0 ? seg.charCodeAt(first - 1) : 32;
  if (!isPlainOther(before) || before === 47 || before === 46 || before === 92) return undefined;
  let i = first;
  while (isDigitUnit(seg.charCodeAt(i))) i++;
  if (i - first > 6 || seg.charCodeAt(i) !== 47) return undefined;
  const number = seg.slice(first, i++);
  let year: string | undefined;
  if (isDigitUnit(seg.charCodeAt(i))) {
    const from = i;
    while (isDigitUnit(seg.charCodeAt(i))) i++;
    if (i - from !== 4 || seg.charCodeAt(i) !== 47) return undefined;
    year = seg.slice(from, i++);
  }
  const code = i;
  // Parts joined by hyphens, each a capital, capitals and digits, at most one small letter
  // and more capitals and digits, then neither a letter nor a digit.
  for (;;) {
    if (!isCapital(seg.charCodeAt(i++))) return undefined;
    while (isCapitalOrDigit(seg.charCodeAt(i))) i++;
    if (isSmall(seg.charCodeAt(i))) {
      i++;
      while (isCapitalOrDigit(seg.charCodeAt(i))) i++;
    }
    const next = seg.charCodeAt(i);
    if (!isPlainOther(next)) return undefined;
    if (next !== 45) break;
    i++;
  }
  // Spaces and a hyphen after it would carry the symbol on (`27/KH-STP - VP`).
  let j = i;
  while (j < seg.length && WHITESPACE.test(seg[j])) j++;
  if (seg.charCodeAt(j) === 45) return undefined;
  return symbolOf(seg.slice(first, i), first, number, year, seg.slice(code, i));
}

/** The segments of a cell: references are separated by ';' and line breaks. */
function segments(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 59;
    if (c === 59 || c === 13 || c === 10) {
      if (i > start) out.push([start, i]);
      start = i + 1;
    }
  }
  return out;
}

const DIGIT = /\d/;
/** A number followed by a space, a dot or a backslash: where MISSING_SLASH_RE starts. */
const DIGIT_THEN_GAP = /\d[\s\\.]/;

/**
 * Collects the malformed attempts in a segment whose symbols and dates are masked;
 * `foldedSeg` is the segment folded by foldVietnamese, masked the same way, when the
 * caller has it (else it is made only if needed).
 */
function takeMalformed(seg: string, foldedSeg: string | undefined, into: string[]): void {
  // Every pattern below needs a digit or, for a number left blank (`số /KH-STP`), a slash;
  // once symbols and dates are masked, most segments have neither.
  if (!/[\d/]/.test(seg)) return;
  let rest = seg;
  // Folding keeps positions and masking writes spaces (folded as themselves): the folded
  // text masked as `rest` is foldVietnamese(rest).
  let folded = foldedSeg;
  for (const re of [MISSING_SLASH_RE, ATTEMPT_RE, BLANK_NUMBER_RE]) {
    // What each pattern cannot do without: a digit (a number without a slash), a digit and
    // a slash (an attempt), a slash (a number left blank). Masking only takes characters away.
    if (re === BLANK_NUMBER_RE ? !rest.includes('/') : re === ATTEMPT_RE ? !DIGIT.test(rest) || !rest.includes('/') : !DIGIT_THEN_GAP.test(rest)) continue;
    const spans: Span[] = [];
    for (const m of execAll(re, rest)) {
      into.push(m[0].trim().replace(/\s+/g, ' '));
      spans.push([m.index, m.index + m[0].length]);
    }
    rest = mask(rest, spans);
    if (folded !== undefined) folded = mask(folded, spans);
  }
  if (!soBeforeDigit(rest)) return;
  folded ??= foldVietnamese(rest);
  for (const m of execAll(SO_NUMBER_RE, folded)) {
    const colon = m[1] !== undefined;
    if (colon || ENDS_WITH_KIND_NAME.test(folded.slice(0, m.index))) {
      // Quoted whole as written: `15 KH UBND`, not `15`.
      const at = m.index + m[0].length - m[2].length;
      TRAILING_SYMBOL_WORDS.lastIndex = at + m[2].length;
      const words = TRAILING_SYMBOL_WORDS.exec(rest)?.[0] ?? '';
      into.push(`${rest.slice(at, at + m[2].length)}${words}`.replace(/[.]+$/, '').replace(/\s+/g, ' '));
    }
  }
}

const COLON = 58;
const WHITESPACE_UNIT = /\s/;

/**
 * SO_NUMBER_RE (on the folded text) needs "so" before a digit, spaces and one colon
 * between: looked for backwards from each digit, the text's units folded in place, so
 * that most texts ("Kế hoạch số" whose number made a symbol) are not folded whole. Units
 * inside `masked` read as spaces, as mask() would write them. (No unit folds to a digit
 * but a digit: test/core/optimised.test.ts.)
 */
export function soBeforeDigit(text: string, masked: readonly Span[] = []): boolean {
  const at = (j: number) => (masked.some(([s, e]) => j >= s && j < e) ? 32 : foldUnit(text.charCodeAt(j)));
  const space = (j: number) => WHITESPACE_UNIT.test(String.fromCharCode(at(j)));
  for (let i = text.length - 1; i > 0; i--) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57 || at(i) === 32) continue;
    let j = i - 1;
    while (j >= 0 && space(j)) j--;
    if (j >= 0 && at(j) === COLON) for (j--; j >= 0 && space(j); ) j--;
    if (j >= 1 && at(j) === 111 /* o */ && at(j - 1) === 115 /* s */) return true;
  }
  return false;
}

/**
 * Sets the date and section of a reference whose text runs from `from` to `to` of the
 * segment and whose symbol (if any) ends at `after`: the first date after the symbol,
 * else the first before it; the section written after the symbol. Key by key (spreading
 * optional parts is slow).
 */
function withAttributes(ref: DocumentRef, seg: string, dates: readonly DateMatch[], from: number, to: number, after: number): DocumentRef {
  let date: DateMatch | undefined;
  for (const d of dates) {
    if (d.index < from || d.index >= to) continue;
    if (d.index >= after) {
      date = d;
      break;
    }
    date ??= d;
  }
  SECTION_RE.lastIndex = 0;
  const section = SECTION_RE.exec(seg.slice(after, to))?.[0].trim();
  SECTION_RE.lastIndex = 0;
  if (date?.valid) {
    ref.date = date.iso;
    ref.dateText = date.raw;
  } else if (date) {
    ref.dateText = date.raw;
    ref.dateInvalid = true;
  }
  if (section) ref.section = section;
  return ref;
}

/** The reference a symbol starts, before its date and section. */
function symbolRef(raw: string, s: SymbolMatch, kind: DocumentKind | undefined): DocumentRef {
  const ref: DocumentRef = { raw, symbol: s.symbol, number: s.number };
  if (s.year !== undefined) ref.year = s.year;
  if (kind) ref.kind = kind;
  if (s.issuer) ref.issuer = s.issuer;
  return ref;
}

/** SYMBOL_RE anchored where it is asked to start. */
const SYMBOL_AT_RE = new RegExp(SYMBOL_RE.source, 'uy');

/** The symbol SYMBOL_RE matches starting at `first`, if any. */
function symbolByPattern(seg: string, first: number): SymbolMatch | { malformed: string } | undefined {
  SYMBOL_AT_RE.lastIndex = first;
  const m = SYMBOL_AT_RE.exec(seg);
  SYMBOL_AT_RE.lastIndex = 0;
  return m === null ? undefined : readSymbol(m);
}

/** Between a symbol and its date: ` ngày `. */
const NGAY_GAP = /\s+ng[àa]y\s+/y;
const WHITESPACE = /\s/;

/**
 * The commonest segment, `Kế hoạch số 27/KH-STP ngày 05/02/2024 về ...`, read without the
 * general passes (kind names, a fold and masks of the whole segment): words without
 * digits or slashes, one symbol whose abbreviation names its kind, optionally "ngày" and
 * a date written with figures, then words without a slash or a date. Undefined for any
 * other shape, which the general reading takes; both give the same result
 * (test/core/evidenceFastPath.test.ts). `written`: the segment as written (links not
 * masked). Malformed numbers after the date are collected into `malformed` as the general
 * reading does.
 */
function commonSegment(seg: string, written: string, malformed: string[]): DocumentRef | undefined {
  // Before the first digit nothing can be a symbol, a date or a malformed number, and
  // the symbol's abbreviation gives the kind, so the words there do not matter.
  const first = seg.search(DIGIT);
  if (first < 0 || seg.lastIndexOf('/', first) >= 0) return undefined;
  const s = symbolAt(seg, first) ?? symbolByPattern(seg, first);
  if (s === undefined || 'malformed' in s || s.abbrKind === undefined) return undefined;
  let end = s.end;
  let date: DateMatch | undefined;
  NGAY_GAP.lastIndex = end;
  if (NGAY_GAP.test(seg)) {
    date = dateAt(seg, NGAY_GAP.lastIndex);
    // The long form ("20 tháng 1 năm 2024") would be matched from its "ngày" on: the general reading's.
    if (date === undefined || WHITESPACE.test(date.raw)) return undefined;
    end = date.index + date.raw.length;
  }
  NGAY_GAP.lastIndex = 0;
  // A slash could start another symbol or a malformed number; a date there would be the reference's too.
  const rest = seg.slice(end);
  if (rest.includes('/') || findDates(rest).length > 0) return undefined;
  if (DIGIT.test(rest)) {
    const spans: Span[] = date ? [[first, s.end], [date.index, end]] : [[first, s.end]];
    // Only the rest has digits and no part has a slash: what takeMalformed can find is a
    // number without its slash (a digit and a gap) or "số 15".
    if (DIGIT_THEN_GAP.test(rest) || soBeforeDigit(seg, spans)) takeMalformed(mask(seg, spans), undefined, malformed);
  }
  return withAttributes(symbolRef(tidy(written), s, s.abbrKind), seg, date ? [date] : [], 0, seg.length, s.end);
}

/**
 * Reads the references, links and malformed numbers of an evidence cell. Each symbol
 * starts a reference; the date and section written after it (up to the next reference)
 * belong to it. A segment without a symbol that still names a kind or a date ("Biên bản
 * họp ngày 15/3/2024") is one reference without a symbol.
 */
export function parseEvidence(text: string, common = true): ParsedEvidence {
  // Not cached: most texts are read once (a unit's sheet, each workbook of a province), and
  // a table of every text cost more than parsing the few read again (validating after an
  // edit). `common: false` leaves out the fast path of the commonest segment (for its test).
  const source = composed(text) ? text : text.normalize('NFC').replace(/Ð/g, 'Đ').replace(/ð/g, 'đ');
  const linkMatches = findLinkMatches(source);
  const masked = mask(source, linkMatches.map((l): Span => [l.index, l.index + l.link.length]));
  const refs: DocumentRef[] = [];
  const malformedNumbers: string[] = [];

  for (const [segStart, segEnd] of segments(masked)) {
    const seg = masked.slice(segStart, segEnd);
    const fast = common ? commonSegment(seg, source.slice(segStart, segEnd), malformedNumbers) : undefined;
    if (fast !== undefined) {
      refs.push(fast);
      continue;
    }
    const symbols: SymbolMatch[] = [];
    const symbolSpans: Span[] = [];
    // A symbol has a slash: most segments without one skip the pattern.
    for (const m of seg.includes('/') ? execAll(SYMBOL_RE, seg) : []) {
      const read = readSymbol(m);
      if ('malformed' in read) malformedNumbers.push(read.malformed);
      else symbols.push(read);
      symbolSpans.push([m.index, m.index + m[0].length]);
    }
    const dates = findDates(mask(seg, symbolSpans));
    const foldedSeg = foldVietnamese(seg);
    const spans = [...symbolSpans, ...dates.map((d): Span => [d.index, d.index + d.raw.length])];
    takeMalformed(mask(seg, spans), mask(foldedSeg, spans), malformedNumbers);
    const mentions = kindMentionsFolded(foldedSeg);

    // Where each reference starts: at the kind named before its symbol, else at the symbol;
    // the first one takes the segment from its beginning.
    const starts = symbols.map((s, i) => {
      const from = i === 0 ? 0 : symbols[i - 1].end;
      const named = mentions.filter((k) => k.index >= from && k.index + k.length <= s.index).pop();
      return { at: i === 0 ? 0 : (named?.index ?? s.index), named: named?.kind };
    });

    if (symbols.length === 0) {
      if (mentions.length === 0 && dates.length === 0) continue;
      const ref: DocumentRef = { raw: tidy(source.slice(segStart, segEnd)) };
      if (mentions.length > 0) ref.kind = mentions[0].kind;
      refs.push(withAttributes(ref, seg, dates, 0, seg.length, 0));
      continue;
    }

    symbols.forEach((s, i) => {
      const to = i + 1 < symbols.length ? starts[i + 1].at : seg.length;
      const word = starts[i].named;
      const kind = s.abbrKind ?? (word && word !== GENERIC_KIND ? word : s.year === undefined ? CONG_VAN : word);
      refs.push(withAttributes(symbolRef(tidy(source.slice(segStart + starts[i].at, segStart + to)), s, kind), seg, dates, starts[i].at, to, s.end));
    });
  }

  // The usual empty lists are one shared, frozen list (callers treat a parse as read-only).
  return {
    refs,
    links: linkMatches.length === 0 ? NONE : linkMatches.map((l) => l.link),
    malformedNumbers: malformedNumbers.length === 0 ? NONE : malformedNumbers.length === 1 ? malformedNumbers : [...new Set(malformedNumbers)],
  };
}

const NONE = Object.freeze([]) as unknown as string[];

/**
 * The text is NFC already and has no eth to replace: only characters below the combining
 * marks (Latin-1, Latin Extended A and B, eth excepted) and the precomposed letters of
 * Latin Extended Additional (Vietnamese ạ..ỹ), none of which NFC changes or composes.
 * Most cells pass, and skip normalize's copy.
 */
function composed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd0 || (c >= 0x1e00 && c <= 0x1eff)) continue;
    if (c >= 0x300 || c === 0xd0 || c === 0xf0) return false;
  }
  return true;
}

export interface EvidenceRow {
  code: string;
  /** The parsed self-score; undefined when blank or invalid. */
  score?: number;
  evidence: string;
  explanation: string;
  /** Kinds the criterion's evidence requirement asks for (see `kindsNamedIn`); empty when none. */
  requiredKinds: DocumentKind[];
  /** The criterion's own window, key by key over the context's. */
  window?: EvidenceWindow;
}

export interface EvidenceContext {
  /** The assessment period, ISO dates, inclusive. */
  period: { from: string; to: string };
  /** ISO date. */
  today: string;
  /** The set's window (DEFAULT_EVIDENCE_WINDOW when absent). */
  window?: EvidenceWindow;
  /** The assessment year; the year the period ends when absent. */
  year?: number;
}

/** Years a reference names in its own words (its date and its symbol left out). */
function yearsNamed(ref: DocumentRef): Set<number> {
  let text = ref.raw;
  for (const part of [ref.dateText, ref.symbol]) if (part) text = text.split(part).join(' ');
  return new Set([...text.matchAll(/(?<!\d)((?:19|20)\d\d)(?!\d)/g)].map((m) => Number(m[1])));
}

/**
 * Where a date outside the period falls in practice: shortly before it and naming the
 * assessment year (a plan issued in December), shortly after it and naming no other
 * year (a report issued in January), or out.
 */
function outsideRule(ref: DocumentRef & { date: string }, row: EvidenceRow, ctx: EvidenceContext): 'before' | 'after' | 'out' {
  const window = { ...DEFAULT_EVIDENCE_WINDOW, ...ctx.window, ...row.window };
  const year = ctx.year ?? Number(ctx.period.to.slice(0, 4));
  const named = yearsNamed(ref);
  if (ref.date < ctx.period.from) {
    return ref.date >= addDays(ctx.period.from, -window.daysBefore) && named.has(year) ? 'before' : 'out';
  }
  const otherYear = [...named].some((y) => y !== year);
  return ref.date <= addDays(ctx.period.to, window.daysAfter) && !otherYear ? 'after' : 'out';
}

/** How a finding names a reference: its symbol, else its kind, else its text. */
function docLabel(ref: DocumentRef): string {
  return ref.symbol ?? ref.kind?.vi ?? ref.raw;
}

/**
 * The kind check is a warning given only when it can be trusted: the criterion asks for
 * specific kinds, every cited reference has a known, specific kind, and neither those
 * kinds nor the kinds the references mention ("Quyết định ... ban hành Kế hoạch ...")
 * include one asked for.
 */
function kindMismatch(refs: readonly DocumentRef[], required: readonly DocumentKind[]): Finding['params'] | undefined {
  if (required.length === 0 || hasKind(required, GENERIC_KIND.id) || refs.length === 0) return undefined;
  const cited: DocumentKind[] = [];
  for (const r of refs) {
    if (!r.kind || r.kind.id === GENERIC_KIND.id) return undefined;
    if (!cited.some((k) => k.id === r.kind?.id)) cited.push(r.kind);
  }
  // The cited kinds first: they usually match, and then no text needs scanning.
  if (cited.some((k) => hasKind(required, k.id))) return undefined;
  const mentioned = refs.flatMap((r) => kindMentions(r.raw).map((m) => m.kind));
  if (mentioned.some((k) => hasKind(required, k.id))) return undefined;
  return {
    found: cited.map((k) => k.vi).join(', '),
    expected: required.map((k) => k.vi).join(' hoặc '),
  };
}

/** The list has a kind of this id (lists of required kinds hold one to three kinds). */
function hasKind(kinds: readonly DocumentKind[], id: string): boolean {
  for (const k of kinds) if (k.id === id) return true;
  return false;
}

/**
 * Checks one row's evidence. Link reasons are given in Vietnamese in `reason` (the
 * catalogue's messages are Vietnamese-first) and in English in `reasonEn`.
 */
export function validateEvidence(row: EvidenceRow, ctx: EvidenceContext, parsed?: ParsedEvidence): Finding[] {
  const at = { criterion: row.code, field: 'evidence' as const };
  const out: Finding[] = [];
  const hasEvidence = row.evidence.trim() !== '';
  if (row.score !== undefined && row.score > 0 && !hasEvidence && row.explanation.trim() === '') {
    out.push(finding('EVIDENCE_MISSING', { value: row.score }, at));
  }
  if (!hasEvidence) return out;

  parsed ??= parseEvidence(row.evidence);
  for (const text of parsed.malformedNumbers) out.push(finding('EVIDENCE_NUMBER_INVALID', { text }, at));
  const { from, to } = ctx.period;
  for (const ref of parsed.refs) {
    if (ref.dateInvalid && ref.dateText !== undefined) {
      out.push(finding('EVIDENCE_DATE_INVALID', { text: ref.dateText }, at));
    } else if (ref.date !== undefined) {
      // A future date is the likelier typo, so it is reported instead of the period.
      if (ref.date > ctx.today) out.push(finding('EVIDENCE_DATE_IN_FUTURE', { doc: docLabel(ref), date: formatDateShort(ref.date) }, at));
      else if (ref.date < from || ref.date > to) {
        const rule = outsideRule({ ...ref, date: ref.date }, row, ctx);
        const [doc, date] = [docLabel(ref), formatDateShort(ref.date)];
        if (rule === 'before') out.push(finding('EVIDENCE_DATE_BEFORE_PERIOD', { doc, date, from: formatDateShort(from) }, at));
        else if (rule === 'out') out.push(finding('EVIDENCE_DATE_OUT_OF_PERIOD', { doc, date, from: formatDateShort(from), to: formatDateShort(to) }, at));
      }
    }
  }
  const mismatch = kindMismatch(parsed.refs, row.requiredKinds);
  if (mismatch) out.push(finding('EVIDENCE_KIND_MISMATCH', mismatch, at));
  for (const link of parsed.links) {
    const check = checkLink(link);
    if (!check.ok) out.push(finding('LINK_INVALID', { link, reason: check.reason.vi, reasonEn: check.reason.en }, at));
  }
  return dedupe(out);
}

function dedupe(list: Finding[]): Finding[] {
  if (list.length < 2) return list;
  const seen = new Set<string>();
  return list.filter((f) => {
    const key = `${f.code}|${JSON.stringify(f.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The same document written `386/KH-UBND`, `386/kh-ubnd` or `386/KH-UBND` without Đ. */
const symbolKey = (symbol: string): string => foldVietnamese(symbol);

/** A criterion's references (parseEvidence of its evidence) under its field (lĩnh vực). */
export interface CitingRow {
  code: string;
  field: string;
  refs: readonly DocumentRef[];
}

/**
 * One document cited under many unrelated criteria: a symbol that appears in the
 * evidence of 3 or more criteria spanning at least 2 different fields. Reuse inside one
 * field is normal (a field's plan covers its criteria); across fields it often means a
 * general document was cited where a specific one is required, so the appraiser is told
 * (info). One finding per document, on the first criterion citing it. Gathered row by
 * row as a sheet is checked: only each document's first citation is kept, not the rows'
 * references (a 5,000-row sheet's would live on to the end).
 */
export class SharedDocuments {
  // Most documents are cited once: their first row is kept as it is, the lists made on a second one.
  private readonly byDoc = new Map<string, { symbol: string; code: string; field: string; shared?: { codes: string[]; fields: Set<string> } }>();

  add(row: CitingRow): void {
    for (const ref of row.refs) {
      if (ref.symbol === undefined) continue;
      const key = symbolKey(ref.symbol);
      const entry = this.byDoc.get(key);
      if (entry === undefined) this.byDoc.set(key, { symbol: ref.symbol, code: row.code, field: row.field });
      else if (entry.shared === undefined) {
        entry.shared = { codes: entry.code === row.code ? [entry.code] : [entry.code, row.code], fields: new Set([entry.field, row.field]) };
      } else {
        if (!entry.shared.codes.includes(row.code)) entry.shared.codes.push(row.code);
        entry.shared.fields.add(row.field);
      }
    }
  }

  findings(): Finding[] {
    const out: Finding[] = [];
    for (const { symbol, shared } of this.byDoc.values()) {
      if (shared !== undefined && shared.codes.length >= 3 && shared.fields.size >= 2) {
        const { codes } = shared;
        out.push(finding('EVIDENCE_SHARED', { doc: symbol, count: codes.length, criteria: codes.join(', ') }, { criterion: codes[0], field: 'evidence' }));
      }
    }
    return out;
  }
}
