/**
 * Whose document a citation means, when its symbol cannot say: a district's or a
 * commune's People's Committee numbers its own documents `…/KH-UBND`, `…/QĐ-UBND`,
 * exactly as the province's does (and so for the People's Councils, `…/NQ-HĐND`). The
 * citation itself often says: "Kế hoạch số 386/KH-UBND ngày 15/3/2024 của UBND tỉnh",
 * "Quyết định của Chủ tịch UBND huyện Bảo Thắng số 12/QĐ-UBND". This module reads such
 * an issuer phrase (diacritics and case ignored; the bodies, levels and centrally-run
 * cities are the tables below) and compares it with the unit's own level and place.
 */
import type { UnitLevel } from './criteria';
import { foldVietnamese } from './documentKinds';

/** A level of local government, as an issuer phrase names it. */
export type IssuerLevel = 'tinh' | 'huyen' | 'xa';

/** Issuer parts (folded first part of a symbol's issuer) that every level writes alike: the symbol does not tell whose a document is. */
export const SHARED_ISSUER_KEYS: ReadonlySet<string> = new Set(['ubnd', 'hdnd']);

/** Bodies of local government, as written before the level word (folded): `UBND tỉnh`, `Ủy ban nhân dân huyện`, `HĐND xã`. */
const BODIES = ['ubnd', 'uy ban nhan dan', 'hdnd', 'hoi dong nhan dan'];

/** The level words after a body (folded), longest first where they share a first word; `TP.`, `TX`, `TT` as often abbreviated. */
const LEVELS: readonly [string, IssuerLevel][] = [
  ['tinh', 'tinh'],
  ['thanh pho', 'huyen'],
  ['tp', 'huyen'],
  ['thi xa', 'huyen'],
  ['tx', 'huyen'],
  ['thi tran', 'xa'],
  ['tt', 'xa'],
  ['huyen', 'huyen'],
  ['quan', 'huyen'],
  ['xa', 'xa'],
  ['phuong', 'xa'],
];

/** Party committees, named whole (folded): `Tỉnh ủy`, `Huyện ủy`, `Đảng ủy xã`. */
const PARTY: readonly [string, IssuerLevel][] = [
  ['tinh uy', 'tinh'],
  ['thanh uy', 'huyen'],
  ['huyen uy', 'huyen'],
  ['quan uy', 'huyen'],
  ['thi uy', 'huyen'],
  ['dang uy thi tran', 'xa'],
  ['dang uy xa', 'xa'],
  ['dang uy phuong', 'xa'],
];

/** Cities run by the centre (folded): their `UBND thành phố`, `Thành ủy` are of the province's level. */
const CENTRAL_CITIES = ['ha noi', 'ho chi minh', 'hai phong', 'da nang', 'can tho'];

/**
 * Words a place name does not run on into (folded), for texts in capitals: `UBND HUYỆN BẢO
 * THẮNG VỀ ...` stops at `ve`. Only words no place name starts with a capital for.
 */
const NOT_PLACE = new Set(['ve', 'ngay', 'so', 'nam', 'ban', 'tai', 'theo', 'va', 'voi', 'gui', 'trinh', 'v', 'vv']);

/** Words before a body that make it the recipient, not the issuer (folded): `gửi UBND tỉnh`, `trình UBND tỉnh`. */
const RECIPIENT_BEFORE = new Set(['gui', 'trinh', 'len', 'toi', 'den', 'cho', 'xin']);

/** Words before a body that belong to it (folded): `Chủ tịch UBND`, `Văn phòng UBND`, `Thường trực HĐND`, `Ban Thường vụ Tỉnh ủy`. */
const BODY_TITLE = new Set(['chu', 'tich', 'van', 'phong', 'thuong', 'truc', 'ban', 'vu']);

/** Words allowed between a symbol (or its date) and an issuer phrase for the phrase to be the symbol's issuer (folded). */
const FILLER = new Set(['so', 'ngay', 'thang', 'nam', 'cua', 'do', 'ban', 'hanh', 'ky', 'chu', 'tich', 'van', 'phong', 'thuong', 'truc']);

/** Phrases between a symbol and a later `của ...` that make the phrase someone else's (folded): "thực hiện Kế hoạch của UBND tỉnh". */
const NOT_ISSUER_BETWEEN = ['thuc hien', 'trien khai', 'chi dao', 'huong dan', 'theo', 'y kien', 'yeu cau', 'can cu', 'cu the hoa'];

/** An issuer named in a text: its level and place (folded, '' when none is written). */
export interface IssuerMention {
  level: IssuerLevel;
  place: string;
  /** The phrase as written (`UBND tỉnh Lào Cai`). */
  text: string;
}

interface Token {
  /** Folded word, or '/' for a number and symbol, '#' for a number or date, ',' for punctuation. */
  w: string;
  /** Written with a capital (or a digit) first: a place name's word. */
  cap: boolean;
  start: number;
  end: number;
}

/** Words of kinds' names (folded), allowed between an issuer phrase and the symbol after it: "UBND tỉnh ban hành Kế hoạch số ...". */
const KIND_WORDS = new Set(['ke', 'hoach', 'quyet', 'dinh', 'bao', 'cao', 'cong', 'van', 'thong', 'chi', 'thi', 'nghi', 'to', 'trinh', 'chuong', 'bien']);

function tokens(text: string): Token[] {
  const out: Token[] = [];
  const re = /[^\s,;:()"“”]+|[,;:()"“”]/gu;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const raw = m[0];
    const first = raw.charAt(0);
    let w: string;
    if (/^[,;:()"“”]$/.test(raw)) w = ',';
    else if (raw.includes('/') && /\p{L}/u.test(raw) && /\d/.test(raw)) w = '/';
    else if (/^[\d/.-]+$/.test(raw)) w = '#';
    else w = foldVietnamese(raw).replace(/[^a-z0-9]+/g, '');
    if (w === '') continue;
    out.push({ w, cap: first !== first.toLowerCase() || /\d/.test(first), start: m.index, end: m.index + raw.length });
  }
  return out;
}

function phraseAt(toks: readonly Token[], i: number, phrase: string): number {
  const words = phrase.split(' ');
  for (let j = 0; j < words.length; j++) if (toks[i + j]?.w !== words[j]) return 0;
  return words.length;
}

/** The mention starting at token i, with its length in tokens. */
function mentionAt(toks: readonly Token[], i: number, text: string): { mention: IssuerMention; length: number } | undefined {
  let level: IssuerLevel | undefined;
  let levelWord = '';
  let n = 0;
  for (const [phrase, l] of PARTY) {
    n = phraseAt(toks, i, phrase);
    if (n > 0) {
      level = l;
      levelWord = phrase;
      break;
    }
  }
  if (level === undefined) {
    for (const body of BODIES) {
      const b = phraseAt(toks, i, body);
      if (b === 0) continue;
      for (const [phrase, l] of LEVELS) {
        const w = phraseAt(toks, i + b, phrase);
        if (w > 0) {
          level = l;
          levelWord = phrase;
          n = b + w;
          break;
        }
      }
      if (level !== undefined) break;
    }
  }
  if (level === undefined) return undefined;
  // The place: the capitalised words (or a number: "Quận 1") that follow, up to four.
  const place: string[] = [];
  let k = i + n;
  while (k < toks.length && place.length < 4 && isPlaceWord(toks[k], text)) {
    place.push(toks[k].w === '#' ? text.slice(toks[k].start, toks[k].end) : toks[k].w);
    k++;
  }
  const placeText = place.join(' ');
  if (level === 'huyen' && (levelWord === 'thanh pho' || levelWord === 'tp' || levelWord === 'thanh uy') && CENTRAL_CITIES.some((c) => samePlace(c, placeText))) level = 'tinh';
  return { mention: { level, place: placeText, text: text.slice(toks[i].start, toks[k - 1].end) }, length: k - i };
}

/** A word of a place's name: capitalised (`Bảo Thắng`), or a district's number (`Quận 1`, `Phường 3`), not a date. */
function isPlaceWord(t: Token, text: string): boolean {
  if (t.w === '#') return /^\d{1,2}$/.test(text.slice(t.start, t.end));
  return t.cap && t.w !== ',' && t.w !== '/' && !NOT_PLACE.has(t.w);
}

/** Two places are one when one's words start the other's (`bao thang` and `bao thang tinh lao cai`); '' fits any. */
function samePlace(a: string, b: string): boolean {
  if (a === '' || b === '') return true;
  return a === b || a.startsWith(`${b} `) || b.startsWith(`${a} `);
}

/**
 * The issuer a citation names for its document, if it names one: a phrase next to the
 * number and symbol or its date ("386/KH-UBND ngày 15/3/2024 của UBND tỉnh", "Quyết
 * định của Chủ tịch UBND tỉnh số 12/QĐ-UBND"), else a `của`/`do` phrase after it with
 * nothing between that makes it someone else's ("thực hiện Kế hoạch của UBND tỉnh").
 * A body the document is sent to ("gửi UBND tỉnh", "trình ...") is no issuer.
 * `text` is the citation (DocumentRef.raw: from its kind to the next citation).
 */
export function citedIssuer(text: string): IssuerMention | undefined {
  const source = text.normalize('NFC').replace(/\s*\/\s*/g, '/');
  const toks = tokens(source);
  const symbolAt = toks.findIndex((t) => t.w === '/');
  const found: { at: number; end: number; mention: IssuerMention }[] = [];
  for (let i = 0; i < toks.length; i++) {
    const m = mentionAt(toks, i, source);
    if (!m) continue;
    // "Chủ tịch UBND", "Văn phòng UBND", "Thường trực HĐND": the body's own words before it.
    let before = i - 1;
    while (before >= 0 && BODY_TITLE.has(toks[before].w)) before--;
    if (!(before >= 0 && RECIPIENT_BEFORE.has(toks[before].w))) found.push({ at: i, end: i + m.length, mention: m.mention });
    i += m.length - 1;
  }
  if (found.length === 0) return undefined;
  if (symbolAt >= 0) {
    // Next to the symbol: only its date, "số", "của", "do", "ban hành" or a kind's name between.
    for (const f of found) {
      const [from, to] = f.at > symbolAt ? [symbolAt + 1, f.at] : [f.end, symbolAt];
      let adjacent = true;
      for (let k = from; k < to && adjacent; k++) {
        const w = toks[k].w;
        adjacent = w === '#' || w === ',' || FILLER.has(w) || (f.at < symbolAt && KIND_WORDS.has(w));
      }
      if (adjacent) return f.mention;
    }
  }
  // Further away: "của"/"do" right before it, and nothing between that makes it another document's issuer.
  for (const f of found) {
    const prev = toks[f.at - 1]?.w;
    if (prev !== 'cua' && prev !== 'do') continue;
    const between = ` ${toks
      .slice(Math.max(symbolAt, 0), f.at)
      .map((t) => t.w)
      .join(' ')} `;
    if (!NOT_ISSUER_BETWEEN.some((p) => between.includes(` ${p} `))) return f.mention;
  }
  return undefined;
}

/** The unit as an issuer: its level of local government and place, from its name or level; undefined for a department (sở, ban, ngành) or when unknown. */
export interface UnitIssuer {
  level?: IssuerLevel;
  place: string;
}

/**
 * The unit's level and place: from its name ("UBND huyện Bảo Thắng", "Ủy ban nhân dân xã
 * Tả Phời", "Huyện Bảo Thắng"), else from its level (huyen, xa; a sở has none).
 */
export function unitIssuer(name: string | undefined, level: UnitLevel | undefined): UnitIssuer {
  if (name !== undefined && name.trim() !== '') {
    const source = name.normalize('NFC');
    const toks = tokens(source);
    for (let i = 0; i < Math.min(toks.length, 4); i++) {
      const m = mentionAt(toks, i, source);
      if (m) return { level: m.mention.level, place: m.mention.place };
    }
    // "Huyện Bảo Thắng", "Thị xã Sa Pa": a level word first, no body.
    const asBody = tokens(`UBND ${source}`);
    const m = mentionAt(asBody, 0, `UBND ${source}`);
    if (m && m.length > 2) return { level: m.mention.level, place: m.mention.place };
  }
  return { ...(level === 'huyen' || level === 'xa' ? { level } : {}), place: '' };
}

/** Whose a cited document is, from the issuer its citation names: the unit's, another body's, or not said. */
export type IssuerVerdict = 'own' | 'other' | 'unknown';

/**
 * Only for a unit known to be a district's or a commune's: without its level (or for a
 * department that was given `UBND` as its symbol) nothing is decided, and the citation is
 * checked as the unit's own, as it always was.
 */
export function issuerVerdict(mention: IssuerMention | undefined, unit: UnitIssuer): IssuerVerdict {
  if (!mention || unit.level === undefined) return 'unknown';
  if (mention.level !== unit.level) return 'other';
  return samePlace(mention.place, unit.place) ? 'own' : 'other';
}
