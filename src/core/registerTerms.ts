/**
 * Key terms of a Vietnamese administrative text, for telling whether a document's
 * summary (trích yếu) is about a criterion: the text without diacritics or case, the
 * common abbreviations spelt out (`CCHC` -> cải cách hành chính), the names of document
 * kinds, numbers and stop words removed; what is left is compared as pairs of adjacent
 * syllables (Vietnamese words are mostly two syllables: `kiểm tra`, `tuyên truyền`) and
 * as single syllables.
 */
import { DOCUMENT_KINDS } from './documentKinds';
import { normalizeText } from './text';

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

/** Kind names removed as phrases: "kế hoạch" says the kind, not the subject. */
const KIND_NAMES = [...new Set(DOCUMENT_KINDS.map((k) => normalizeText(k.vi)))].sort((a, b) => b.length - a.length);
const BREAK_RE = new RegExp(`(?<![a-z0-9])(?:${[...KIND_NAMES, ...STOP_PHRASES].join('|')})(?![a-z0-9])`, 'g');
const ABBR_RE = new RegExp(`(?<![a-z0-9])(?:${Object.keys(ABBREVIATIONS).join('|')})(?![a-z0-9])`, 'g');

export interface KeyTerms {
  /** Pairs of adjacent syllables, neither a stop word: `kiem tra`, `tuyen truyen`; and `cchc`. */
  pairs: Set<string>;
  /** Single syllables that are not stop words, 3 letters or more. */
  words: Set<string>;
}

/** The key terms of a text (see the module's comment). */
export function keyTerms(text: string): KeyTerms {
  const folded = normalizeText(text)
    .replace(ABBR_RE, (m) => ` ${ABBREVIATIONS[m]} `)
    .replace(BREAK_RE, ' | ');
  const pairs = new Set<string>();
  const words = new Set<string>();
  // Runs of syllables without a break (punctuation, a removed kind name, a number).
  for (const run of folded.split(/[^a-z ]+/)) {
    const syllables = run.split(' ').filter((w) => w !== '');
    let prev: string | undefined;
    for (const w of syllables) {
      if (w === 'cchc') {
        pairs.add(w);
        prev = undefined;
        continue;
      }
      if (STOP_SYLLABLES.has(w)) {
        prev = undefined;
        continue;
      }
      if (w.length >= 3) words.add(w);
      if (prev !== undefined) pairs.add(`${prev} ${w}`);
      prev = w;
    }
  }
  return { pairs, words };
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
