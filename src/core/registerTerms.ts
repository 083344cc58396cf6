/**
 * Key terms of a Vietnamese administrative text, for telling whether a document's
 * summary (trích yếu) is about a criterion: the text without diacritics or case, the
 * common abbreviations spelt out (`CCHC` -> cải cách hành chính), the names of document
 * kinds, numbers and stop words removed; what is left is compared as pairs of adjacent
 * syllables (Vietnamese words are mostly two syllables: `kiểm tra`, `tuyên truyền`) and
 * as single syllables.
 */
import { DOCUMENT_KINDS, foldVietnamese } from './documentKinds';

/**
 * Abbreviations written in criteria and summaries, spelt out (folded). `CCHC` stays one
 * term (`cchc`): every criterion of the index is about administrative reform, so it is a
 * weak term on its own.
 */
const ABBREVIATIONS: Record<string, string> = {
  'cai cach hanh chinh': 'cchc',
  tthc: 'thu tuc hanh chinh',
  cbccvc: 'can bo cong chuc vien chuc',
  cbcc: 'can bo cong chuc',
  ccvc: 'cong chuc vien chuc',
  cntt: 'cong nghe thong tin',
  vbqppl: 'van ban quy pham phap luat',
  qppl: 'quy pham phap luat',
  pbgdpl: 'pho bien giao duc phap luat',
  pcth: 'phong chong tham nhung',
  pctn: 'phong chong tham nhung',
  dvc: 'dich vu cong',
  dvctt: 'dich vu cong truc tuyen',
  'mot cua': 'mot cua',
  ksttthc: 'kiem soat thu tuc hanh chinh',
  sipas: 'su hai long',
  par: 'chi so cchc',
};

/** Single syllables that say nothing of what a document is about (folded). */
const STOP_SYLLABLES = new Set(
  (
    'va voi cua cho ve tai trong theo cac nhung mot hai ba bon nam de la co duoc nay do khi tu den tren duoi ' +
    'thang ngay quy dot so vv viec tinh huyen xa phuong quan ubnd hdnd nganh diem muc dat khong cham toan gui nhan sau ' +
    'cap moi lan nhat'
  ).split(' '),
);

/** Phrases as general (folded), removed before the syllables are paired. */
const STOP_PHRASES = [
  'cong tac', 'thuc hien', 'trien khai', 'ket qua', 'nhiem vu', 've viec', 'giai doan', 'ban hanh', 'dung han',
  'thoi han', 'tieu chi', 'thanh phan', 'yeu cau', 'tai lieu', 'kiem chung', 'minh chung', 'day du', 'kip thoi',
  'dia ban', 'nhu sau', 'kem theo', 'tong hop', 'bao dam', 'dam bao', 'nang cao', 'tang cuong', 'thanh pho',
  'thi tran', 'co quan', 'don vi', 'uy ban nhan dan', 'hoi dong nhan dan', 'to chuc thuc hien', 'chi so',
  'danh gia', 'cach tinh', 'tu danh gia', 'duoc tinh', 'dung quy dinh', 'theo quy dinh',
].sort((a, b) => b.length - a.length);

/** What each UTF-16 code folds to: a lowercase letter's code, 32 for a space, 0 for a mark to drop, 124 for a break. */
const FOLD = new Uint8Array(0x2000).fill(124);
{
  for (let c = 97; c <= 122; c++) FOLD[c] = c;
  for (let c = 65; c <= 90; c++) FOLD[c] = c + 32;
  for (const c of [9, 10, 13, 32, 0xa0]) FOLD[c] = 32;
  for (let c = 0x300; c <= 0x36f; c++) FOLD[c] = 0; // combining marks (text not composed)
  for (const [from, to] of [[0xc0, 0x24f], [0x1e00, 0x1eff]]) {
    for (let c = from; c <= to; c++) {
      const base = String.fromCharCode(c).normalize('NFD').charCodeAt(0);
      if (base >= 65 && base <= 90) FOLD[c] = base + 32;
      else if (base >= 97 && base <= 122) FOLD[c] = base;
    }
  }
  for (const c of [0x110, 0x111, 0xd0, 0xf0]) FOLD[c] = 100; // Đ đ, and the eth of legacy fonts: d
}

/**
 * Words of a text, folded (no case or diacritics); '' where punctuation or a number
 * breaks the text (a pair never spans it). One pass over the characters: every
 * register entry's summary goes through here. `spans`, when given, gets each word's
 * start and end in the text (-1, -1 for a break): what the officer is shown is the text.
 */
function wordsOf(text: string, spans?: number[]): string[] {
  const out: string[] = [];
  let word = '';
  let start = 0;
  const end = (at: number) => {
    out.push(word);
    spans?.push(start, at);
    word = '';
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const f = code < 0x2000 ? FOLD[code] : 124;
    if (f === 0) continue;
    if (f > 32 && f !== 124) {
      if (word === '') start = i;
      word += String.fromCharCode(f);
      continue;
    }
    if (word !== '') end(i);
    if (f === 124 && out[out.length - 1] !== '') {
      out.push('');
      spans?.push(-1, -1);
    }
  }
  if (word !== '') end(text.length);
  out.push('');
  spans?.push(-1, -1);
  return out;
}

/** A phrase list as a lookup by first word: each phrase's words. */
function byFirstWord(phrases: readonly string[]): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const p of phrases) {
    const words = p.split(' ');
    const list = out.get(words[0]) ?? [];
    list.push(words);
    // Longest first, so "to chuc thuc hien" is taken before a shorter phrase.
    list.sort((x, y) => y.length - x.length);
    out.set(words[0], list);
  }
  return out;
}

/** Kind names and general phrases: they break a run of words (a pair never spans them). */
const BREAKS = byFirstWord([...DOCUMENT_KINDS.map((k) => foldVietnamese(k.vi)), ...STOP_PHRASES]);
/** Abbreviations and the phrase `cai cach hanh chinh` (-> `cchc`), by first word. */
const EXPANSIONS = byFirstWord(Object.keys(ABBREVIATIONS));

/** The length of the phrase of `table` starting at words[i], 0 when none. */
function phraseAt(table: Map<string, string[][]>, words: readonly string[], i: number): { length: number; words?: string[] } {
  for (const phrase of table.get(words[i]) ?? []) {
    let j = 1;
    while (j < phrase.length && words[i + j] === phrase[j]) j++;
    if (j === phrase.length) return { length: j, words: phrase };
  }
  return { length: 0 };
}

export interface KeyTerms {
  /** Pairs of adjacent syllables, neither a stop word: `kiem tra`, `tuyen truyen`; and `cchc`. */
  pairs: Set<string>;
  /** Single syllables that are not stop words, 3 letters or more. */
  words: Set<string>;
  /**
   * The whole text folded, abbreviations spelt out (` ke hoach kiem tra cchc  nam `):
   * words one space apart, a double space at a break.
   */
  spelled: string;
}

/** The key terms of a text (see the module's comment). */
export function keyTerms(text: string): KeyTerms {
  const words = spellOut(wordsOf(text));
  const pairs = new Set<string>();
  const single = new Set<string>();
  walkTerms(
    words,
    (a, b) => pairs.add(b === undefined ? a : `${a} ${b}`),
    (w) => single.add(w),
  );
  return { pairs, words: single, spelled: ` ${words.join(' ')} ` };
}

/**
 * The pairs of keyTerms(text).pairs as they are found, without making their strings:
 * `pair(a, b)` for `a b`, `pair('cchc', undefined)` for `cchc`; a pair found twice is
 * given twice. For a register's thousands of summaries, whose terms are kept compact.
 */
export function forEachPair(text: string, pair: (a: string, b: string | undefined) => void): void {
  walkTerms(spellOut(wordsOf(text)), pair, undefined);
}

/** The text folded (` ke hoach kiem tra  nam `): words one space apart, a double space at a break. */
export function foldedText(text: string): string {
  return ` ${wordsOf(text).join(' ')} `;
}

/**
 * The words of `text` that hold the terms of `shared` (folded terms, as in KeyTerms.pairs),
 * as the text writes them, each once, in the text's order: terms sharing a word are one
 * (`thu tuc`, `tuc hanh`, `hanh chinh` -> "thủ tục hành chính"); an abbreviation is shown
 * as written ("TTHC"). One or two stop syllables just before a word are shown with it
 * where `other` (the text compared with, KeyTerms.spelled) has them together: "quy phạm
 * pháp luật", not "phạm pháp luật" (`quy` is a stop syllable as `quý`). What the officer
 * is shown as why a document was suggested.
 */
export function matchedWords(text: string, shared: ReadonlySet<string>, other: string): string[] {
  const spans: number[] = [];
  const raw = wordsOf(text, spans);
  const from: number[] = [];
  const to: number[] = [];
  const words = spellOut(raw, from, to);
  // Ranges of raw words holding a shared term, in the text's order.
  const ranges: [number, number][] = [];
  walkTerms(
    words,
    (a, b, at) => {
      if (shared.has(b === undefined ? a : `${a} ${b}`)) ranges.push([from[b === undefined ? at : at - 1], to[at]]);
    },
    undefined,
  );
  const out: string[] = [];
  const spelledFrom = (first: number, last: number) => words.filter((_, j) => from[j] >= first && to[j] <= last).join(' ');
  const show = (range: [number, number]) => {
    // With the stop syllables before it (up to two: a word's first syllables, "cơ sở dữ liệu"), where the other text has them together.
    for (let n = 0; n < 2 && range[0] > 0 && STOP_SYLLABLES.has(raw[range[0] - 1]) && other.includes(` ${spelledFrom(range[0] - 1, range[1])} `); n++) range[0]--;
    const [first, last] = range;
    const written = text.slice(spans[2 * first], spans[2 * last + 1]).split(/\s+/);
    // Lower case as in a sentence; an abbreviation ("CCHC") stays as written.
    const shown = written.map((w) => (w.length > 1 && w === w.toUpperCase() ? w : w.toLowerCase())).join(' ');
    if (!out.includes(shown)) out.push(shown);
  };
  let current: [number, number] | undefined;
  for (const r of ranges) {
    if (current && r[0] <= current[1]) current[1] = Math.max(current[1], r[1]);
    else {
      if (current) show(current);
      current = r;
    }
  }
  if (current) show(current);
  return out;
}

/**
 * A text's words with the abbreviations spelt out. `from` and `to`, when given, get for
 * each word out the first and last raw word it stands for (`cai cach hanh chinh` -> one
 * `cchc`; `tthc` -> four words).
 */
function spellOut(raw: string[], from?: number[], to?: number[]): string[] {
  // Most texts have no abbreviation to spell out: their words are used as they are.
  if (!raw.some((w) => EXPANSIONS.has(w))) {
    for (let i = 0; from && to && i < raw.length; i++) {
      from.push(i);
      to.push(i);
    }
    return raw;
  }
  const words: string[] = [];
  for (let i = 0; i < raw.length; ) {
    const ex = raw[i] === '' ? { length: 0 } : phraseAt(EXPANSIONS, raw, i);
    const length = ex.words ? ex.length : 1;
    for (const w of ex.words ? ABBREVIATIONS[ex.words.join(' ')].split(' ') : [raw[i]]) {
      words.push(w);
      from?.push(i);
      to?.push(i + length - 1);
    }
    i += length;
  }
  return words;
}

/**
 * The pairs (and single syllables) of a text's words (abbreviations spelt out), in order:
 * breaks and stop words in one pass. `pair` gets the index of the term's last word in
 * `words` (its first is the one before, for a pair).
 */
function walkTerms(words: string[], pair: (a: string, b: string | undefined, at: number) => void, word: ((w: string) => void) | undefined): void {
  let prev: string | undefined;
  for (let i = 0; i < words.length; ) {
    const w = words[i];
    const br = w === '' ? 1 : BREAKS.has(w) ? phraseAt(BREAKS, words, i).length : 0;
    if (br > 0) {
      prev = undefined;
      i += br;
      continue;
    }
    i++;
    if (w === 'cchc') {
      pair(w, undefined, i - 1);
      prev = undefined;
    } else if (STOP_SYLLABLES.has(w)) prev = undefined;
    else {
      if (word !== undefined && w.length >= 3) word(w);
      if (prev !== undefined) pair(prev, w, i - 1);
      prev = w;
    }
  }
}

/** The pairs two texts share. */
export function sharedPairs(a: KeyTerms, b: KeyTerms): string[] {
  const out: string[] = [];
  const [small, large] = a.pairs.size <= b.pairs.size ? [a.pairs, b.pairs] : [b.pairs, a.pairs];
  for (const p of small) if (large.has(p)) out.push(p);
  return out;
}

/** The terms two texts share: pairs, then single syllables. */
export function sharedTerms(a: KeyTerms, b: KeyTerms): { pairs: string[]; words: string[] } {
  const pairs: string[] = [];
  const words: string[] = [];
  for (const p of a.pairs) if (b.pairs.has(p)) pairs.push(p);
  for (const w of a.words) if (b.words.has(w)) words.push(w);
  return { pairs, words };
}

/**
 * Whether a summary is about a criterion: a pair of syllables in common, or two single
 * syllables. Lenient on purpose: what fails is only shown to the appraiser (info).
 */
export function related(summary: KeyTerms, criterion: KeyTerms): boolean {
  const shared = sharedTerms(summary, criterion);
  return shared.pairs.length > 0 || shared.words.length >= 2;
}
