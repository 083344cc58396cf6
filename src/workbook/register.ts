/**
 * Reading a register of outgoing documents (sổ đăng ký văn bản đi, Nghị định 30/2020/NĐ-CP,
 * Phụ lục IV; or a document-management system's export) from grids: any visible sheet whose
 * first rows hold a header naming at least the number/symbol and the date; the header
 * wordings are data (./register-headers.json). Several sheets (years) in one file are read
 * in turn. A row with an unreadable number or date is a RegisterProblem with its line.
 */
import { cellText, isCellError, type CellValue } from '../core/answers';
import type { CriteriaLookup } from '../core/criteriaSet';
import { findDates, shortDateAt } from '../core/dates';
import { CONG_VAN, kindByAbbreviation, kindMentions, type DocumentKind } from '../core/documentKinds';
import { parseEvidence } from '../core/evidence';
import { normalizeText } from '../core/text';
import { crossCheckRegister, indexRegister, suggestFromRegister, type Register, type RegisterCheck, type RegisterCheckOptions, type RegisterEntry, type RegisterIndex, type RegisterProblem, type RegisterSuggestion } from '../core/register';
import { a1, type SheetGrid, type WorkbookGrid } from './grid';
import { matchWording, wordingMatcher, type WordingMatcher } from './headers';
import { locateFinding, type UnitReading } from './read';
import bundled from './register-headers.json';

/** The columns of a register the reader knows. */
export type RegisterColumnKey = 'symbol' | 'number' | 'date' | 'kind' | 'summary' | 'signer' | 'recipients';

export const REGISTER_COLUMN_KEYS: readonly RegisterColumnKey[] = ['symbol', 'number', 'date', 'kind', 'summary', 'signer', 'recipients'];

/** What each column is, in both languages (docs and messages). */
export const REGISTER_COLUMN_LABELS: Record<RegisterColumnKey, { vi: string; en: string }> = {
  symbol: { vi: 'Số, ký hiệu văn bản', en: 'Number and symbol' },
  number: { vi: 'Số (khi ký hiệu ở cột riêng)', en: 'Number (when the symbol has its own column)' },
  date: { vi: 'Ngày tháng văn bản', en: 'Date of the document' },
  kind: { vi: 'Loại văn bản', en: 'Kind of document' },
  summary: { vi: 'Trích yếu nội dung', en: 'Summary (trích yếu)' },
  signer: { vi: 'Người ký', en: 'Signer' },
  recipients: { vi: 'Nơi nhận', en: 'Recipients' },
};

/** The register's header wordings, by column: `exact` (the whole header) or `contains` (whole words). */
export interface RegisterHeaderWordings {
  columns: Partial<Record<RegisterColumnKey, { exact?: string[]; contains?: string[] }>>;
}

/** The bundled wordings (./register-headers.json). */
export const REGISTER_HEADERS: RegisterHeaderWordings = bundled as RegisterHeaderWordings;

/** Where the register table is on one sheet. */
export interface RegisterSheet {
  name: string;
  /** 1-based header row. */
  headerRow: number;
  /** 0-based column of each recognised column. */
  columns: Partial<Record<RegisterColumnKey, number>>;
  /** Entries read from this sheet. */
  entries: number;
}

export interface RegisterReading extends Register {
  /** The sheets holding a register table (empty: the file has none). */
  sheets: RegisterSheet[];
}

export interface ReadRegisterOptions {
  /** The file's name, for messages. */
  file?: string;
  /** Other wordings (a province's own); the bundled ones when absent. */
  headers?: RegisterHeaderWordings;
}

/**
 * The register of a workbook (or of a CSV made a grid by ./csv): every visible sheet with
 * a register header, entries in sheet order. `sheets` is empty when no sheet has one.
 */
export function readRegister(grid: WorkbookGrid, opts: ReadRegisterOptions = {}): RegisterReading {
  const wordings = opts.headers ?? REGISTER_HEADERS;
  const entries: RegisterEntry[] = [];
  const problems: RegisterProblem[] = [];
  const sheets: RegisterSheet[] = [];
  for (const sheet of grid.sheets) {
    if ((sheet.visibility ?? 'visible') !== 'visible') continue;
    const header = findRegisterHeader(sheet, wordings);
    if (!header) continue;
    const before = entries.length;
    readRows(sheet, header, wordings, entries, problems);
    sheets.push({ name: sheet.name, headerRow: header.row + 1, columns: header.columns, entries: entries.length - before });
  }
  return { ...(opts.file !== undefined ? { file: opts.file } : {}), entries, problems, sheets };
}

/** How far down a register header is looked for, and how wide. */
const HEADER_SEARCH_ROWS = 30;
const MAX_COLUMNS = 60;
/** Header cells are short; a longer text is a title or a data cell. */
const MAX_HEADER_LENGTH = 120;

const MATCHERS = new WeakMap<RegisterHeaderWordings, WordingMatcher<RegisterColumnKey>>();

function matcherOf(wordings: RegisterHeaderWordings): WordingMatcher<RegisterColumnKey> {
  let matcher = MATCHERS.get(wordings);
  if (!matcher) MATCHERS.set(wordings, (matcher = wordingMatcher(wordings.columns, MAX_HEADER_LENGTH)));
  return matcher;
}

/** The column a register header names, if any (`"Số, ký hiệu"` -> symbol). The longest wording matched decides (headers.ts). */
export function classifyRegisterHeader(text: string, wordings: RegisterHeaderWordings = REGISTER_HEADERS): RegisterColumnKey | undefined {
  if (text.length > MAX_HEADER_LENGTH) return undefined;
  return matchWording(text, matcherOf(wordings));
}

interface Header {
  /** 0-based header row. */
  row: number;
  columns: Partial<Record<RegisterColumnKey, number>>;
}

/** The row in the first rows naming the symbol and the date columns and the most others. */
function findRegisterHeader(sheet: SheetGrid, wordings: RegisterHeaderWordings): Header | undefined {
  let best: Header | undefined;
  let bestCount = 0;
  const rows = Math.min(sheet.values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < rows; r++) {
    const cells = sheet.values[r] ?? [];
    const columns: Partial<Record<RegisterColumnKey, number>> = {};
    for (let c = 0; c < Math.min(cells.length, MAX_COLUMNS); c++) {
      const key = classifyRegisterHeader(cellText(cells[c], 'label'), wordings);
      if (key !== undefined && columns[key] === undefined) columns[key] = c;
    }
    const count = Object.keys(columns).length;
    if (columns.symbol !== undefined && columns.date !== undefined && count > bestCount) {
      best = { row: r, columns };
      bestCount = count;
    }
  }
  return best;
}

/** A row numbering the columns under the header: `(1)`, `(2)`, ... or `1`, `2`, ... */
function isNumberingRow(cells: readonly CellValue[]): boolean {
  // Every row of the register asks: stop at the first text that is no column number.
  let count = 0;
  for (const v of cells) {
    const t = cellText(v, 'label');
    if (t === '') continue;
    if (t.length > 4 || !COLUMN_NUMBER.test(t)) return false;
    count++;
  }
  return count >= 3;
}

const COLUMN_NUMBER = /^\(?\d{1,2}\)?$/;

/** Excel's day serial (1900 system) -> ISO; undefined outside 1945-2099. */
function serialToIso(n: number): string | undefined {
  if (!Number.isFinite(n) || n < 16438 || n > 73050) return undefined;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86_400_000).toISOString().slice(0, 10);
}

type DateRead = { ok: true; iso: string; text: string } | { ok: false; text: string };

/** A date cell: `05/02/2024`, `05/02/2024 08:30`, `ngày 05 tháng 02 năm 2024`, `2024-02-05`, or a serial. */
export function readRegisterDate(v: CellValue | undefined): DateRead {
  if (typeof v === 'number') {
    const iso = serialToIso(v);
    return iso ? { ok: true, iso, text: iso.split('-').reverse().join('/') } : { ok: false, text: String(v) };
  }
  const text = cellText(v);
  if (text === '' || isCellError(v)) return { ok: false, text };
  // The register's own form, nearly every row: `05/02/2024`, `5-2-2024`, `05.02.2024`.
  const short = shortDateAt(text, 0);
  if (short !== undefined && short.raw.length === text.length) return short.valid ? { ok: true, iso: short.iso, text } : { ok: false, text };
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (iso) {
    const found = findDates(`${iso[3]}/${iso[2]}/${iso[1]}`)[0];
    return found?.valid ? { ok: true, iso: found.iso, text } : { ok: false, text };
  }
  const dates = findDates(text.replace(/\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM|SA|CH)?$/i, ''));
  const first = dates[0];
  return first?.valid === true && dates.length === 1 ? { ok: true, iso: first.iso, text } : { ok: false, text };
}

interface SymbolRead {
  symbol: string;
  number: string;
  year?: number;
  issuer?: string;
  /** The kind of the symbol's kind part (`KH`), if it has one. */
  abbrKind?: DocumentKind;
  /** abbrKind, else công văn (a symbol without a kind part), as src/core/evidence.ts reads it. */
  kind?: DocumentKind;
}

/** A register's symbol cell as most are written: `27/KH-STP`, `Số: 05/2024/QĐ-UBND`, `45/STP-VP`. */
const SYMBOL_CELL = /^(?:[Ss][ốoỐO]\s*:?\s*)?(\d{1,6})\s*\/\s*(?:(\d{4})\s*\/\s*)?([\p{L}\p{N}]+(?:\s*-\s*[\p{L}\p{N}]+)*)$/u;
const ABBR_KINDS = new Map<string, DocumentKind | null>();

/**
 * The symbol of a register cell: the usual forms directly (a register holds thousands),
 * anything else through the evidence parser (src/core/evidence.ts); undefined when the
 * cell holds no symbol.
 */
function readSymbol(text: string): SymbolRead | undefined {
  const m = SYMBOL_CELL.exec(ASCII_TEXT.test(text) ? text : text.normalize('NFC'));
  if (m) {
    // `KH-STP` as most are written: trimmed only when spaced ("KH - STP").
    const parts = SPACE.test(m[3]) ? m[3].split('-').map((p) => p.trim()) : m[3].split('-');
    let abbrKind = ABBR_KINDS.get(parts[0]);
    if (abbrKind === undefined) {
      abbrKind = kindByAbbreviation(parts[0]) ?? null;
      ABBR_KINDS.set(parts[0], abbrKind);
    }
    // A kind without an issuer ("27/KH") is no complete symbol.
    if (!(abbrKind && parts.length < 2)) {
      const issuer = (abbrKind ? parts.slice(1) : parts).join('-');
      // Key by key: spreading the optional parts is many times slower over thousands of rows.
      const read: SymbolRead = { symbol: `${m[1]}/${m[2] ? `${m[2]}/` : ''}${parts.join('-')}`, number: m[1] };
      if (m[2]) read.year = Number(m[2]);
      if (issuer) read.issuer = issuer;
      if (abbrKind) {
        read.abbrKind = abbrKind;
        read.kind = abbrKind;
      } else if (!m[2]) read.kind = CONG_VAN;
      return read;
    }
  }
  const ref = parseEvidence(text).refs.find((x) => x.symbol !== undefined);
  if (!ref?.symbol || !ref.number) return undefined;
  const abbrKind = kindByAbbreviation((ref.symbol.split('/').pop() ?? '').split('-')[0]);
  return { symbol: ref.symbol, number: ref.number, ...(ref.year !== undefined ? { year: ref.year } : {}), ...(ref.issuer ? { issuer: ref.issuer } : {}), ...(abbrKind ? { abbrKind } : {}), ...(ref.kind ? { kind: ref.kind } : {}) };
}

const ASCII_TEXT = /^[\x20-\x7e]*$/;
const SPACE = /\s/;

/** The kind a kind cell names: `Kế hoạch`, `KH`, `kế hoạch`. */
function kindOfCell(text: string): DocumentKind | undefined {
  if (text === '') return undefined;
  return kindMentions(text)[0]?.kind ?? kindByAbbreviation(text);
}

function readRows(sheet: SheetGrid, header: Header, wordings: RegisterHeaderWordings, entries: RegisterEntry[], problems: RegisterProblem[]): void {
  const col = header.columns;
  const text = (cells: readonly CellValue[], c: number | undefined) => (c === undefined ? '' : cellText(cells[c]));
  for (let r = header.row + 1; r < sheet.values.length; r++) {
    const cells = sheet.values[r] ?? [];
    if (isNumberingRow(cells)) continue;
    let symbolText = text(cells, col.symbol);
    const numberText = text(cells, col.number);
    const dateCell = col.date === undefined ? undefined : cells[col.date];
    const dateText = cellText(dateCell);
    // A continuation line (summary only), a blank row, or the header repeated on a new page.
    if (symbolText === '' && numberText === '' && dateText === '') continue;
    // The header repeated on a new page (it has no digit, a symbol always has).
    if (!/\d/.test(symbolText) && classifyRegisterHeader(symbolText, wordings) === 'symbol') continue;
    if (numberText !== '' && !symbolText.includes('/')) symbolText = symbolText === '' ? numberText : `${numberText}/${symbolText.replace(/^\/+/, '')}`;
    const ref = symbolText === '' ? undefined : readSymbol(symbolText);
    // A CSV's rows are told by their line in the file.
    const line = sheet.lines?.[r];
    if (!ref) {
      problems.push({ sheet: sheet.name, row: r + 1, ...(line !== undefined ? { line } : {}), cell: a1(r, col.symbol ?? col.number ?? 0), column: 'symbol', text: symbolText });
      continue;
    }
    const date = readRegisterDate(dateCell);
    if (!date.ok) {
      problems.push({ sheet: sheet.name, row: r + 1, ...(line !== undefined ? { line } : {}), cell: a1(r, col.date ?? 0), column: 'date', text: date.text });
      continue;
    }
    const summary = text(cells, col.summary);
    // The kind column, else the symbol's kind part, else the kind the summary starts with (a letter's "V/v" has none: công văn).
    const kind = kindOfCell(text(cells, col.kind)) ?? ref.abbrKind ?? kindMentions(summary.slice(0, 40)).find((m) => m.index === 0)?.kind ?? ref.kind;
    const signer = text(cells, col.signer);
    const recipients = text(cells, col.recipients);
    // Key by key, in the order the entry has always had: spreading optional parts is many times slower.
    const entry: RegisterEntry = { sheet: sheet.name, row: r + 1 } as RegisterEntry;
    if (line !== undefined) entry.line = line;
    entry.symbol = ref.symbol;
    entry.number = ref.number;
    if (ref.year !== undefined) entry.year = ref.year;
    if (kind) entry.kind = kind;
    if (ref.issuer) entry.issuer = ref.issuer;
    entry.date = date.iso;
    entry.dateText = date.text;
    entry.summary = summary;
    if (signer !== '') entry.signer = signer;
    if (recipients !== '') entry.recipients = recipients;
    entries.push(entry);
  }
}

/** The unit's reading and its register: findings placed on the evidence cells, the summary, suggestions. */
export interface ReadingRegisterCheck extends RegisterCheck {
  suggestions: ReadingSuggestion[];
}

/** A suggestion with the cell it would be written to (the criterion's evidence cell, when the sheet has that column). */
export interface ReadingSuggestion extends RegisterSuggestion {
  sheet: string;
  cell?: string;
}

/**
 * crossCheckRegister and suggestFromRegister on a unit's reading (in the numbering the
 * reading carries: align it to the reference first when there is one), with the unit's
 * name and level from the reading unless `opts` gives them. Findings about the
 * unit's cells get the reading's file, sheet and cell; those about register rows keep the
 * register's file, sheet and row.
 */
export function crossCheckReading(reading: UnitReading, criteria: CriteriaLookup, register: Register | RegisterIndex, opts: RegisterCheckOptions = {}): ReadingRegisterCheck {
  const index = 'bySymbol' in register ? register : indexRegister(register);
  // The unit's name and level (metadata, title, or given by the user) tell a district's own `…/KH-UBND` from the province's.
  const unit = opts.unit ?? reading.meta.unit;
  const level = opts.level ?? reading.meta.level;
  const withUnit: RegisterCheckOptions = { ...opts, ...(unit !== undefined ? { unit } : {}), ...(level !== undefined ? { level } : {}) };
  const check = crossCheckRegister(criteria, reading.answers, index, withUnit);
  const evidenceCol = reading.layout.columns.evidence;
  const suggestions = suggestFromRegister(criteria, reading.answers, index, withUnit).map((s): ReadingSuggestion => {
    const row = s.row ?? reading.rowOf.get(s.criterion);
    return { ...s, sheet: reading.sheet, ...(row !== undefined && evidenceCol !== undefined ? { cell: a1(row - 1, evidenceCol) } : {}) };
  });
  // Register rows carry the register's file; the unit's findings get the reading's cells.
  const findings = check.findings.map((f) => (f.code === 'REGISTER_ROW_UNREADABLE' ? f : locateFinding(reading, f)));
  return { ...check, findings, suggestions };
}

/** Words a register's file name carries besides the unit's name. */
const FILE_WORDS = /(?:^| )(?:so dang ky van ban di|so dang ky|dang ky|van ban di|van ban|so vb di|vb di|so di|register|nam \d{4}|\d{4})(?= |$)/g;

/** A name as compared: no case, diacritics or punctuation; the register's own words and the extension removed. */
function nameKey(text: string): string {
  const words = normalizeText(text.replace(/\.(?:xlsx|xlsm|csv)$/i, '')).replace(/[^a-z0-9]+/g, ' ').trim();
  return words.replace(FILE_WORDS, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The register of a unit among files named after units ("So dang ky - Sở Tư pháp.xlsx",
 * "so-tu-phap.csv"): the name, without diacritics, punctuation, the extension and the
 * words "sổ đăng ký", "văn bản đi" or a year, is the unit's name or contains it as whole
 * words. When another unit's longer name also fits ("Sở Tư pháp" in "Sở Tư pháp tỉnh"),
 * that unit takes the file. The index in `names`; undefined when none or several fit.
 */
export function registerForUnit(unit: string, names: readonly string[], otherUnits: readonly string[] = []): number | undefined {
  const key = nameKey(unit);
  if (key === '') return undefined;
  const longer = otherUnits.map(nameKey).filter((k) => k !== key && k.length > key.length && ` ${k} `.includes(` ${key} `));
  const fits: number[] = [];
  names.forEach((n, i) => {
    const name = ` ${nameKey(n)} `;
    if (name.includes(` ${key} `) && !longer.some((k) => name.includes(` ${k} `))) fits.push(i);
  });
  return fits.length === 1 ? fits[0] : undefined;
}
