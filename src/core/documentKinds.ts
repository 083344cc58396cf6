/**
 * Kinds of administrative documents (loại văn bản) and their abbreviations, as used in a
 * document's number/symbol (`386/KH-UBND`). The list is Phụ lục III of Nghị định
 * 30/2020/NĐ-CP (công tác văn thư), plus công văn (whose symbol has no kind part:
 * `123/UBND-NC`), the two legal-document kinds most cited in evidence (nghị định,
 * thông tư: `30/2020/NĐ-CP`, `01/2023/TT-BNV`), and the generic "văn bản".
 */
import { execAll, normalizeText } from './text';

export interface DocumentKind {
  /** Stable ASCII id, e.g. `ke-hoach`. */
  id: string;
  /** The abbreviation in a symbol (`KH`, `QyĐ`); absent for công văn and "văn bản". */
  abbreviation?: string;
  /** Vietnamese name, lowercase as it is written inside a sentence. */
  vi: string;
  en: string;
}

const kind = (id: string, abbreviation: string | undefined, vi: string, en: string): DocumentKind =>
  abbreviation === undefined ? { id, vi, en } : { id, abbreviation, vi, en };

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  kind('nghi-quyet', 'NQ', 'nghị quyết', 'resolution'),
  kind('quyet-dinh', 'QĐ', 'quyết định', 'decision'),
  kind('chi-thi', 'CT', 'chỉ thị', 'directive'),
  kind('quy-che', 'QC', 'quy chế', 'regulation'),
  kind('quy-dinh', 'QyĐ', 'quy định', 'rules'),
  kind('thong-cao', 'TC', 'thông cáo', 'communiqué'),
  kind('thong-bao', 'TB', 'thông báo', 'notice'),
  kind('huong-dan', 'HD', 'hướng dẫn', 'guidance'),
  kind('chuong-trinh', 'CTr', 'chương trình', 'programme'),
  kind('ke-hoach', 'KH', 'kế hoạch', 'plan'),
  kind('phuong-an', 'PA', 'phương án', 'scheme'),
  kind('de-an', 'ĐA', 'đề án', 'project proposal'),
  kind('du-an', 'DA', 'dự án', 'project'),
  kind('bao-cao', 'BC', 'báo cáo', 'report'),
  kind('bien-ban', 'BB', 'biên bản', 'minutes'),
  kind('to-trinh', 'TTr', 'tờ trình', 'submission'),
  kind('hop-dong', 'HĐ', 'hợp đồng', 'contract'),
  kind('cong-dien', 'CĐ', 'công điện', 'official dispatch'),
  kind('ban-ghi-nho', 'BGN', 'bản ghi nhớ', 'memorandum of understanding'),
  kind('ban-thoa-thuan', 'BTT', 'bản thỏa thuận', 'agreement'),
  kind('giay-uy-quyen', 'GUQ', 'giấy ủy quyền', 'power of attorney'),
  kind('giay-moi', 'GM', 'giấy mời', 'invitation'),
  kind('giay-gioi-thieu', 'GGT', 'giấy giới thiệu', 'letter of introduction'),
  kind('giay-nghi-phep', 'GNP', 'giấy nghỉ phép', 'leave permit'),
  kind('phieu-gui', 'PG', 'phiếu gửi', 'transmittal slip'),
  kind('phieu-chuyen', 'PC', 'phiếu chuyển', 'forwarding slip'),
  kind('phieu-bao', 'PB', 'phiếu báo', 'notification slip'),
  kind('nghi-dinh', 'NĐ', 'nghị định', 'government decree'),
  kind('thong-tu', 'TT', 'thông tư', 'circular'),
  kind('cong-van', undefined, 'công văn', 'official letter'),
  kind('van-ban', undefined, 'văn bản', 'document'),
];

export const CONG_VAN = DOCUMENT_KINDS.find((k) => k.id === 'cong-van') as DocumentKind;
/** "Văn bản": any document; a requirement naming it accepts every kind. */
export const GENERIC_KIND = DOCUMENT_KINDS.find((k) => k.id === 'van-ban') as DocumentKind;

/**
 * `normalizeText` one character at a time: lowercase, no diacritics (đ -> d), but the
 * result has the input's length (spaces kept), so a match found in the folded text can
 * be cut from the original. Expects NFC text. The Icelandic eth (Ð, U+00D0) folds to d
 * too: legacy font conversions put it where Đ belongs.
 */
export function foldVietnamese(text: string): string {
  // One code unit at a time through a table into a reused buffer, the string made once
  // (a buffer per call costs more than the folding); a surrogate pair (lowercased as a
  // whole) takes the character-by-character way.
  const n = text.length;
  if (n > scratch.length) scratch = new Uint16Array(Math.max(n, 2 * scratch.length));
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) scratch[i] = c >= 65 && c <= 90 ? c + 32 : c;
    else if (c >= 0xd800 && c <= 0xdfff) return foldByCharacter(text);
    else scratch[i] = foldUnit(c);
  }
  if (n <= CHUNK) return String.fromCharCode.apply(null, scratch.subarray(0, n) as unknown as number[]);
  let out = '';
  for (let i = 0; i < n; i += CHUNK) out += String.fromCharCode.apply(null, scratch.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]);
  return out;
}

/**
 * One code unit as foldVietnamese folds it outside a surrogate pair (a pair never folds
 * to ASCII): read a folded text in place without making it.
 */
export function foldUnit(c: number): number {
  if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c >= 0xd800 && c <= 0xdfff) return c;
  let f = FOLDED_UNITS[c];
  if (f === 0) {
    f = foldByCharacter(String.fromCharCode(c)).charCodeAt(0);
    FOLDED_UNITS[c] = f;
  }
  return f;
}

/** The folded code units of the text being folded (grown as needed, never shrunk). */
let scratch = new Uint16Array(256);
/** Code units per String.fromCharCode call: far below the engines' limits on arguments. */
const CHUNK = 4096;

function foldByCharacter(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch < '\x80') {
      out += ch >= 'A' && ch <= 'Z' ? ch.toLowerCase() : ch;
      continue;
    }
    let folded = FOLDED.get(ch);
    if (folded === undefined) {
      const n = normalizeText(ch === 'Ð' || ch === 'ð' ? 'd' : ch);
      folded = n.length === ch.length ? n : ch;
      FOLDED.set(ch, folded);
    }
    out += folded;
  }
  return out;
}


/** Per-character fold cache: evidence cells are long and the alphabet is small. */
const FOLDED = new Map<string, string>();
/** The same for the code units of the Basic Multilingual Plane; 0: not folded yet (no non-ASCII unit folds to NUL). */
const FOLDED_UNITS = new Uint16Array(0x10000);

/**
 * The kind with this abbreviation: exact first, then ignoring case, then ignoring
 * diacritics (`QD` typed without Vietnamese input) when that is unambiguous
 * (`HD` is hướng dẫn, never hợp đồng HĐ; `DA` is dự án, never đề án ĐA).
 */
export function kindByAbbreviation(abbr: string): DocumentKind | undefined {
  // Every symbol of every cell asks: the abbreviations written are few, answer each once.
  let found = BY_ABBREVIATION.get(abbr);
  if (found === undefined && !BY_ABBREVIATION.has(abbr)) {
    found = kindByAbbreviationUncached(abbr);
    if (BY_ABBREVIATION.size >= 10_000) BY_ABBREVIATION.clear();
    BY_ABBREVIATION.set(abbr, found);
  }
  return found;
}

const BY_ABBREVIATION = new Map<string, DocumentKind | undefined>();

function kindByAbbreviationUncached(abbr: string): DocumentKind | undefined {
  const a = abbr.trim().normalize('NFC').replace(/Ð/g, 'Đ').replace(/ð/g, 'đ');
  const withAbbr = DOCUMENT_KINDS.filter((k) => k.abbreviation !== undefined);
  const exact = withAbbr.find((k) => k.abbreviation === a);
  if (exact) return exact;
  const lower = a.toLowerCase();
  const byCase = withAbbr.filter((k) => k.abbreviation?.toLowerCase() === lower);
  if (byCase.length === 1) return byCase[0];
  const folded = foldVietnamese(a);
  const byFold = withAbbr.filter((k) => foldVietnamese(k.abbreviation ?? '') === folded);
  return byFold.length === 1 ? byFold[0] : undefined;
}

// Longest names first so that, where names overlap, the longer one is kept.
const NAME_PATTERNS = [...DOCUMENT_KINDS]
  .map((k) => ({ kind: k, words: foldVietnamese(k.vi).split(' ') }))
  .sort((a, b) => b.words.join(' ').length - a.words.join(' ').length)
  .map(({ kind: k, words }) => ({
    kind: k,
    // Every word of the name is in a text the pattern matches: plain substring tests rule
    // out most of the 31 Unicode patterns before one runs.
    words,
    re: new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'gu'),
  }));

/** Every word of a name is in a text the name's pattern matches. */
function hasAll(folded: string, words: readonly string[]): boolean {
  for (const w of words) if (!folded.includes(w)) return false;
  return true;
}

// After a name: "số 386", "số: 386", "386/KH-UBND".
const CITES_NUMBER = /^\s*(?:so\s*(?::\s*)?)?\d/u;

export interface KindMention {
  kind: DocumentKind;
  /** Position of the name in the text. */
  index: number;
  length: number;
  /** The name is followed by a document number: it cites one document. */
  citesNumber: boolean;
}

/** Every kind name written in a text (any case, with or without diacritics), in order. */
export function kindMentions(text: string): KindMention[] {
  return kindMentionsFolded(foldVietnamese(text));
}

/** kindMentions of a text already folded by foldVietnamese (positions are the same in both). */
export function kindMentionsFolded(folded: string): KindMention[] {
  const taken = new Uint8Array(folded.length);
  const out: KindMention[] = [];
  for (const { kind: k, words, re } of NAME_PATTERNS) {
    if (!hasAll(folded, words)) continue;
    for (const m of execAll(re, folded)) {
      const end = m.index + m[0].length;
      if (taken.subarray(m.index, end).some((t) => t === 1)) continue;
      taken.fill(1, m.index, end);
      out.push({ kind: k, index: m.index, length: m[0].length, citesNumber: CITES_NUMBER.test(folded.slice(end)) });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * The kinds named in a text such as an evidence requirement ("Kế hoạch CCHC năm; Báo
 * cáo kết quả thực hiện" -> kế hoạch, báo cáo), in order of first mention, each once.
 * Diacritics and case are ignored; names match whole words only. A name followed by a
 * number ("theo Quyết định số 876/QĐ-BNV", "Nghị định 30/2020/NĐ-CP") cites one
 * particular document rather than asking for a kind, so it is skipped.
 */
export function kindsNamedIn(text: string): DocumentKind[] {
  // Each of 150 workbooks repeats the set's requirements: scan each text once. A copy
  // is returned, so callers may keep or change their list.
  let kinds = KINDS_NAMED.get(text);
  if (kinds === undefined) {
    kinds = [];
    for (const m of kindMentions(text.normalize('NFC'))) {
      if (!m.citesNumber && !kinds.includes(m.kind)) kinds.push(m.kind);
    }
    if (KINDS_NAMED.size >= 10_000) KINDS_NAMED.clear();
    KINDS_NAMED.set(text, kinds);
  }
  return [...kinds];
}

const KINDS_NAMED = new Map<string, DocumentKind[]>();
