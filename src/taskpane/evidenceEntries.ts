/**
 * Evidence as structured entries (number and symbol, date, issuer, subject, section,
 * link), one per line of the evidence cell, written as the readable text officers
 * already use: "Kế hoạch số 15/KH-STP ngày 20/01/2024 của Sở Tư pháp về ..., mục II; https://...".
 * Lines read back with the core's parseEvidence; a line the form cannot reproduce
 * exactly is kept as free text, so nothing typed in the sheet is ever rewritten.
 */
import { parseVietDate } from '../core/dates';
import { parseEvidence } from '../core/evidence';
import { formatDateShort } from '../core/format';
import { checkLink } from '../core/links';

export interface StructuredEntry {
  kind: 'structured';
  symbol: string;
  /** As typed: 07/6/2024. */
  date: string;
  issuer: string;
  /** Trích yếu: what the document is about ("tuyên truyền CCHC", "về tuyên truyền CCHC"). */
  subject: string;
  section: string;
  link: string;
}

export interface FreeEntry {
  kind: 'free';
  text: string;
}

export type EvidenceEntry = StructuredEntry | FreeEntry;

export function emptyEntry(): StructuredEntry {
  return { kind: 'structured', symbol: '', date: '', issuer: '', subject: '', section: '', link: '' };
}

const clean = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** "Kế hoạch" from the symbol's kind ("15/KH-STP"); "Văn bản" when it names none. */
function kindTitle(symbol: string): string {
  const kind = symbol === '' ? undefined : parseEvidence(symbol).refs[0]?.kind;
  const vi = kind?.vi ?? 'văn bản';
  return vi.charAt(0).toUpperCase() + vi.slice(1);
}

/** One entry as a line; an entry with nothing filled in is the empty string. */
export function entryText(e: EvidenceEntry): string {
  if (e.kind === 'free') return clean(e.text);
  const symbol = clean(e.symbol);
  const date = clean(e.date);
  const issuer = clean(e.issuer);
  const subject = clean(e.subject);
  const section = clean(e.section);
  const link = clean(e.link);
  let doc = '';
  if (symbol !== '' || date !== '' || issuer !== '' || subject !== '' || section !== '') {
    doc = kindTitle(symbol);
    if (symbol !== '') doc += ` số ${symbol}`;
    if (date !== '') doc += ` ngày ${date}`;
    if (issuer !== '') doc += ` của ${issuer}`;
    // After an issuer the subject is introduced by "về", so the two read apart.
    if (subject !== '') doc += issuer !== '' && !/^về\s/u.test(subject) ? ` về ${subject}` : ` ${subject}`;
    if (section !== '') doc += `, ${section}`;
  }
  return [doc, link].filter((p) => p !== '').join('; ');
}

/** The cell text for a list of entries: one line each, empty entries dropped. */
export function serializeEntries(entries: readonly EvidenceEntry[]): string {
  return entries.map(entryText).filter((l) => l !== '').join('\n');
}

const ISSUER = /\scủa\s+(.+?)(?=\s+về\s|,\s|$)/u;

/**
 * The fields of one citation: symbol, date, issuer and section as the core reads them,
 * the subject as what is left between them. Undefined when the text cites no single
 * document (several references or links, a malformed number).
 */
function citationFields(text: string): StructuredEntry | undefined {
  const parsed = parseEvidence(text);
  if (parsed.refs.length > 1 || parsed.links.length > 1 || parsed.malformedNumbers.length > 0) return undefined;
  const ref = parsed.refs[0];
  const entry: StructuredEntry = {
    kind: 'structured',
    symbol: ref?.symbol ?? '',
    date: ref?.dateText ?? '',
    issuer: ref ? (ISSUER.exec(ref.raw)?.[1] ?? '') : '',
    subject: '',
    section: ref?.section ?? '',
    link: parsed.links[0] ?? '',
  };
  if (ref) {
    // The subject: what follows the head ("Kế hoạch số 15/KH-STP ngày .. của ..") up to the section.
    const head = entryText({ ...entry, section: '', link: '' });
    const doc = clean(ref.raw);
    let rest = doc.startsWith(head) ? doc.slice(head.length) : '';
    if (entry.section !== '') rest = rest.replace(new RegExp(`,?\\s*${entry.section.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'u'), '');
    if (entry.issuer !== '') rest = rest.replace(/^\s+về\s+/u, ' ');
    entry.subject = clean(rest);
  }
  return entry;
}

/** Reads one line as a structured entry when writing it back gives the same line. */
function readLine(line: string): EvidenceEntry {
  const text = clean(line);
  const entry = citationFields(text);
  if (entry && entryText(entry) === text) return entry;
  return { kind: 'free', text };
}

/**
 * A whole citation pasted into the number-and-symbol field, split into the entry's
 * fields; undefined when the text is just a symbol (or cites no single document).
 */
export function splitPastedCitation(text: string): StructuredEntry | undefined {
  // ISO dates (2024-01-20) are not how documents are cited: read them as 20/1/2024.
  const t = clean(text).replace(/(?<![\d/-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/-])/g, (whole) => normalizeDate(whole) ?? whole);
  if (t === '' || BARE_SYMBOL.test(t)) return undefined;
  const entry = citationFields(t);
  return entry && entry.symbol !== '' ? entry : undefined;
}

const BARE_SYMBOL = /^\d{1,6}\/(?:\d{4}\/)?[\p{Lu}\p{N}]+(?:\p{Ll}[\p{Lu}\p{N}]*)?(?:-[\p{Lu}\p{N}]+(?:\p{Ll}[\p{Lu}\p{N}]*)?)*$/u;

/** What is wrong with a field, in both languages; undefined when it is fine. */
export interface FieldProblem {
  vi: string;
  en: string;
}

export type EntryField = 'symbol' | 'date' | 'link';

/** A date as typed (07/6/2024, 2024-06-07, ngày 07 tháng 6 năm 2024) in the Vietnamese short form; undefined when it is no date. */
export function normalizeDate(text: string): string | undefined {
  const t = clean(text);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const parsed = iso ? parseVietDate(`${iso[3]}/${iso[2]}/${iso[1]}`) : parseVietDate(t);
  return parsed?.valid ? formatDateShort(parsed.iso) : undefined;
}

/** The problems of an entry's checked fields: a symbol that is none, a date that names no day, a link that is not http(s). */
export function entryProblems(e: StructuredEntry): Partial<Record<EntryField, FieldProblem>> {
  const out: Partial<Record<EntryField, FieldProblem>> = {};
  const symbol = clean(e.symbol);
  if (symbol !== '' && !BARE_SYMBOL.test(symbol)) {
    out.symbol = { vi: `"${symbol}" không phải số, ký hiệu văn bản. Ghi dạng 15/KH-STP hoặc 12/2023/QĐ-UBND.`, en: `"${symbol}" is not a document number and symbol. Write it as 15/KH-STP or 12/2023/QĐ-UBND.` };
  }
  const date = clean(e.date);
  if (date !== '' && normalizeDate(date) === undefined) {
    out.date = { vi: `"${date}" không phải ngày hợp lệ. Ghi dạng 07/6/2024.`, en: `"${date}" is not a valid date. Write it as 07/6/2024.` };
  }
  const link = clean(e.link);
  if (link !== '') {
    const check = checkLink(link);
    if (!check.ok) out.link = { vi: `Đường dẫn không hợp lệ: ${check.reason.vi}. Ghi đường dẫn bắt đầu bằng https://.`, en: `The link is invalid: ${check.reason.en}. Write a link starting with https://.` };
  }
  return out;
}

/** The entries of an evidence cell; blank lines skipped. */
export function parseEntries(cell: string): EvidenceEntry[] {
  return cell
    .split(/\r\n|\r|\n/)
    .filter((l) => l.trim() !== '')
    .map(readLine);
}
