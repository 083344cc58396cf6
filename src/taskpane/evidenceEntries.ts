/**
 * Evidence as structured entries (number and symbol, date, issuer, section, link), one
 * per line of the evidence cell, written as the readable text officers already use:
 * "Kế hoạch số 15/KH-STP ngày 20/01/2024 của Sở Tư pháp, mục II; https://...".
 * Lines read back with the core's parseEvidence; a line the form cannot reproduce
 * exactly is kept as free text, so nothing typed in the sheet is ever rewritten.
 */
import { parseEvidence } from '../core/evidence';

export interface StructuredEntry {
  kind: 'structured';
  symbol: string;
  /** As typed: 07/6/2024. */
  date: string;
  issuer: string;
  section: string;
  link: string;
}

export interface FreeEntry {
  kind: 'free';
  text: string;
}

export type EvidenceEntry = StructuredEntry | FreeEntry;

export function emptyEntry(): StructuredEntry {
  return { kind: 'structured', symbol: '', date: '', issuer: '', section: '', link: '' };
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
  const section = clean(e.section);
  const link = clean(e.link);
  let doc = '';
  if (symbol !== '' || date !== '' || issuer !== '' || section !== '') {
    doc = kindTitle(symbol);
    if (symbol !== '') doc += ` số ${symbol}`;
    if (date !== '') doc += ` ngày ${date}`;
    if (issuer !== '') doc += ` của ${issuer}`;
    if (section !== '') doc += `, ${section}`;
  }
  return [doc, link].filter((p) => p !== '').join('; ');
}

/** The cell text for a list of entries: one line each, empty entries dropped. */
export function serializeEntries(entries: readonly EvidenceEntry[]): string {
  return entries.map(entryText).filter((l) => l !== '').join('\n');
}

const ISSUER = /\scủa\s+(.+?)(?:,\s|$)/u;

/** Reads one line as a structured entry when writing it back gives the same line. */
function readLine(line: string): EvidenceEntry {
  const text = clean(line);
  const parsed = parseEvidence(text);
  if (parsed.refs.length <= 1 && parsed.links.length <= 1 && parsed.malformedNumbers.length === 0) {
    const ref = parsed.refs[0];
    const entry: StructuredEntry = {
      kind: 'structured',
      symbol: ref?.symbol ?? '',
      date: ref?.dateText ?? '',
      issuer: ref ? (ISSUER.exec(ref.raw)?.[1] ?? '') : '',
      section: ref?.section ?? '',
      link: parsed.links[0] ?? '',
    };
    if (entryText(entry) === text) return entry;
  }
  return { kind: 'free', text };
}

/** The entries of an evidence cell; blank lines skipped. */
export function parseEntries(cell: string): EvidenceEntry[] {
  return cell
    .split(/\r\n|\r|\n/)
    .filter((l) => l.trim() !== '')
    .map(readLine);
}
