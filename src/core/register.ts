/**
 * The unit's register of outgoing documents (sổ đăng ký văn bản đi, Nghị định
 * 30/2020/NĐ-CP, Phụ lục IV) against its self-assessment: each document of the unit's own
 * issue that is cited as evidence should be in the register, with the date cited, of the
 * kind the criterion asks for, and about the criterion. The other way round, a criterion
 * without evidence is offered register entries whose summary (trích yếu) fits it.
 *
 * The register arrives as entries (src/workbook/register.ts reads them from a sheet or a
 * CSV); this module knows nothing of cells beyond the sheet and row each entry came from.
 */
import type { Answer } from './answers';
import type { Period } from './criteria';
import type { CriteriaLookup } from './criteriaSet';
import { foldVietnamese, type DocumentKind } from './documentKinds';
import type { DocumentRef } from './evidence';
import type { Finding } from './findings';

/** One document of the register (one data row). */
export interface RegisterEntry {
  /** Sheet and 1-based row (for a CSV: the file name as the sheet, the 1-based line). */
  sheet: string;
  row: number;
  /** Number and symbol as written, spacing normalised: `27/KH-STP`, `05/2024/QĐ-UBND`. */
  symbol: string;
  /** The number before the first slash: `27`. */
  number: string;
  /** The year of a legal document's symbol (`05/2024/QĐ-UBND`). */
  year?: number;
  /** From the kind column, else the symbol's abbreviation, else the kind the summary starts with. */
  kind?: DocumentKind;
  /** The issuer part of the symbol: `STP`, `STP-VP`, `UBND`. */
  issuer?: string;
  /** Date of the document, ISO. */
  date: string;
  /** The date as written in the register. */
  dateText: string;
  /** Trích yếu (summary), as written; '' when the register has no summary column. */
  summary: string;
  signer?: string;
  recipients?: string;
}

/** A register row that could not be read: reported with its line, never dropped in silence. */
export interface RegisterProblem {
  sheet: string;
  /** 1-based row (line of a CSV). */
  row: number;
  /** A1 address of the cell at fault. */
  cell?: string;
  /** What could not be read: the number and symbol, or the date. */
  column: 'symbol' | 'date';
  /** The cell's text as written ('' when blank). */
  text: string;
}

/** A register as the cross-check takes it. */
export interface Register {
  /** File name, for messages. */
  file?: string;
  entries: RegisterEntry[];
  problems: RegisterProblem[];
}

/** Per-unit counts of the cross-check (citations of the unit's own documents). */
export interface RegisterSummary {
  /** Citations of documents of the unit's own issue (one per criterion and document). */
  cited: number;
  /** Of those, found in the register with the cited date (or no date cited). */
  found: number;
  /** Found with another date. */
  dateDiffers: number;
  /** Not in the register. */
  notFound: number;
  /** Found, but of a kind the criterion does not ask for. */
  kindMismatch: number;
  /** Found, but its summary shares no key term with the criterion. */
  unrelated: number;
  /** Citations of documents of other issuers (not expected in the register, not checked). */
  otherIssuers: number;
  /** The unit's issuer abbreviation used (given, or inferred from the register); null when none. */
  issuer: string | null;
  /** Register rows that could not be read. */
  unreadableRows: number;
}

/** What became of one cited document. */
export type CitationStatus = 'found' | 'dateDiffers' | 'notFound' | 'otherIssuer';

export interface RegisterCitation {
  /** Criterion code (normalised). */
  criterion: string;
  /** 1-based sheet row of the criterion's answer, when known. */
  row?: number;
  ref: DocumentRef;
  status: CitationStatus;
  /** The register entry matched (for found and dateDiffers). */
  entry?: RegisterEntry;
}

export interface RegisterCheckOptions {
  /** The unit's issuer abbreviation (`STP`); inferred from the register's symbols when absent. */
  issuer?: string;
  /** The assessment period: suggestions are taken from it; the set's period when absent. */
  period?: Period;
}

export interface RegisterCheck {
  /**
   * EVIDENCE_NOT_IN_REGISTER, EVIDENCE_DATE_DIFFERS, EVIDENCE_KIND_MISMATCH (from the
   * register's kind), EVIDENCE_SUMMARY_UNRELATED on the criterion's evidence (criterion,
   * row, field 'evidence'; the workbook layer adds the cell), and REGISTER_ROW_UNREADABLE
   * on the register's own sheet and row (file = the register's file).
   */
  findings: Finding[];
  summary: RegisterSummary;
  citations: RegisterCitation[];
}

/** A register entry offered as evidence for a criterion that has none. */
export interface RegisterSuggestion {
  criterion: string;
  /** 1-based sheet row of the criterion's answer, when known. */
  row?: number;
  entry: RegisterEntry;
  /** The text to put in the evidence cell: `Kế hoạch số 27/KH-STP ngày 05/02/2024 về kiểm tra công tác CCHC`. */
  citation: string;
  /** The key terms shared by the entry's summary and the criterion (folded, e.g. `cai cach`). */
  terms: string[];
  /** Higher is a better fit; only for ordering. */
  score: number;
}

/** A register indexed by normalised symbol, built once per register. */
export interface RegisterIndex {
  register: Register;
  bySymbol: Map<string, RegisterEntry[]>;
  /** The most frequent issuer of the register's symbols (folded first part), if any. */
  issuer?: string;
}

/**
 * The key a symbol is matched on: without diacritics, case, spaces or leading zeros of
 * the number (`027 / KH-STP`, `27/kh-stp` and `27/KH-STP` are one document).
 */
export function symbolKey(symbol: string): string {
  return foldVietnamese(symbol.normalize('NFC').replace(/Ð/g, 'Đ').replace(/ð/g, 'đ'))
    .replace(/\s+/g, '')
    .replace(/^0+(?=\d)/, '');
}

/** The first part of an issuer (`STP` of `STP-VP`), folded: the unit a symbol belongs to. */
export function issuerKey(issuer: string): string {
  return foldVietnamese(issuer.split('-')[0].trim());
}

/** Indexes a register by symbol and infers the unit's issuer from its symbols. */
export function indexRegister(register: Register): RegisterIndex {
  const bySymbol = new Map<string, RegisterEntry[]>();
  const issuers = new Map<string, number>();
  for (const e of register.entries) {
    const key = symbolKey(e.symbol);
    const list = bySymbol.get(key);
    if (list) list.push(e);
    else bySymbol.set(key, [e]);
    if (e.issuer) {
      const k = issuerKey(e.issuer);
      issuers.set(k, (issuers.get(k) ?? 0) + 1);
    }
  }
  let issuer: string | undefined;
  let most = 0;
  for (const [k, n] of issuers) {
    if (n > most) {
      most = n;
      issuer = k;
    }
  }
  return { register, bySymbol, ...(issuer !== undefined ? { issuer } : {}) };
}

/**
 * Checks the documents of the unit's own issue cited in `answers` (evidence cells,
 * parsed by src/core/evidence.ts) against the register. Documents of other issuers (UBND
 * tỉnh, ministries) are counted in `otherIssuers` and not checked.
 */
export function crossCheckRegister(criteria: CriteriaLookup, answers: readonly Answer[], register: Register | RegisterIndex, opts: RegisterCheckOptions = {}): RegisterCheck {





  void criteria;
  void answers;
  void register;
  void opts;
  throw new Error('not implemented');
}

/**
 * For each self-scored criterion without evidence, up to `max` (3) register entries dated
 * in the period, of a kind the criterion asks for (when it names one), whose summary
 * shares key terms with the criterion's name, method and evidence requirement.
 */
export function suggestFromRegister(criteria: CriteriaLookup, answers: readonly Answer[], register: Register | RegisterIndex, opts: RegisterCheckOptions & { max?: number } = {}): RegisterSuggestion[] {




  void criteria;
  void answers;
  void register;
  void opts;
  throw new Error('not implemented');
}

/** The evidence text for an entry: `Kế hoạch số 27/KH-STP ngày 05/02/2024 về kiểm tra công tác CCHC`. */
export function citationOf(entry: RegisterEntry): string {
  const kind = entry.kind ? entry.kind.vi.charAt(0).toUpperCase() + entry.kind.vi.slice(1) : 'Văn bản';
  let about = entry.summary.replace(/\s+/g, ' ').trim();
  // The summary often repeats the kind ("Kế hoạch kiểm tra ..."): keep what follows it.
  if (entry.kind && foldVietnamese(about).startsWith(foldVietnamese(entry.kind.vi))) about = about.slice(entry.kind.vi.length).trim();
  about = about.replace(/^(?:về|ve)\s+/iu, '');
  return `${kind} số ${entry.symbol} ngày ${dayMonthYear(entry.date)}${about ? ` về ${about}` : ''}`;
}

/**
 * Findings of a validation with the register's word on the evidence kind: a text-based
 * EVIDENCE_KIND_MISMATCH is dropped where the register settled the kind of every cited
 * document (it then either reported the mismatch itself or proved there is none); the
 * register's findings are added. Pure: both lists are left as they are.
 */
export function mergeRegisterFindings(validation: readonly Finding[], check: RegisterCheck): Finding[] {


  void validation;
  void check;
  throw new Error('not implemented');
}

/** `2024-02-05` -> `05/02/2024`, as registers and citations write dates. */
export function dayMonthYear(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
