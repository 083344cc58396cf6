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
import { cellText, type Answer } from './answers';
import { DEFAULT_EVIDENCE_WINDOW, type Period, type UnitLevel } from './criteria';
import type { CriteriaLookup, CriterionEntry } from './criteriaSet';
import { addDays } from './dates';
import { GENERIC_KIND, foldVietnamese, kindMentions, type DocumentKind } from './documentKinds';
import { parseEvidence, type DocumentRef } from './evidence';
import { finding, rowPlace, type Finding } from './findings';
import { SHARED_ISSUER_KEYS, citedIssuer, issuerVerdict, unitIssuer, type UnitIssuer } from './registerIssuers';
import { foldedText, forEachPair, keyTerms, matchedWords, related, sharedPairs, type KeyTerms } from './registerTerms';
import { answersByCode, notApplicableCodes } from './validate';

/** One document of the register (one data row). */
export interface RegisterEntry {
  /** Sheet and 1-based row (for a CSV: the file name as the sheet, the row of the grid). */
  sheet: string;
  row: number;
  /** For a CSV: the file's line the row starts on, as a text editor counts them (messages name it). */
  line?: number;
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
  /** 1-based row. */
  row: number;
  /** For a CSV: the file's line the row starts on, as a text editor counts them (messages name it, not the sheet and cell). */
  line?: number;
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
  /**
   * Citations whose symbol is the unit's but also a higher level's (`…/KH-UBND` of a
   * district or commune), naming no issuer, and not in the register (EVIDENCE_ISSUER_AMBIGUOUS;
   * not counted in `cited`). Present only for a district or commune unit.
   */
  issuerAmbiguous?: number;
  /** The unit's issuer abbreviation used (given, or inferred from the register: `STP`); null when none. */
  issuer: string | null;
  /** Register rows that could not be read. */
  unreadableRows: number;
}

/** What became of one cited document. */
export type CitationStatus = 'found' | 'dateDiffers' | 'notFound' | 'otherIssuer' | 'issuerAmbiguous';

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
  /**
   * The unit's name ("UBND huyện Bảo Thắng"): its level and place tell a district's or
   * commune's own `…/KH-UBND` from the province's (./registerIssuers). Optional.
   */
  unit?: string;
  /** The unit's level, when the name does not say it; else the set's, when it has one level. */
  level?: UnitLevel;
}

export interface RegisterCheck {
  /**
   * EVIDENCE_NOT_IN_REGISTER, EVIDENCE_DATE_DIFFERS, EVIDENCE_KIND_MISMATCH (from the
   * register's kind), EVIDENCE_SUMMARY_UNRELATED on the criterion's evidence (criterion,
   * row, field 'evidence'; the workbook layer adds the cell), and REGISTER_ROW_UNREADABLE
   * on the register's own sheet, row and cell, or for a CSV its line as `row` (file = the
   * register's file).
   */
  findings: Finding[];
  summary: RegisterSummary;
  citations: RegisterCitation[];
  /**
   * Criteria whose every cited document was found in the register with a known kind: the
   * register settled the kind check there (a text-based EVIDENCE_KIND_MISMATCH is replaced).
   */
  kindSettled: string[];
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
  /**
   * The words of the summary that fit the criterion, as the summary writes them
   * (`kiểm tra`, `cải cách hành chính`): shown to the officer as why it is suggested.
   */
  matched: string[];
  /** The fit (suggestFromRegister): the weights of the words shared; higher is better. */
  score: number;
}

/** A register indexed by normalised symbol, built once per register. */
export interface RegisterIndex {
  register: Register;
  bySymbol: Map<string, RegisterEntry[]>;
  /** The most frequent issuer of the register's symbols (folded first part, `stp`), if any. */
  issuer?: string;
  /** That issuer as the register writes it (`STP`). */
  issuerText?: string;
}

/**
 * The key a symbol is matched on: without diacritics, case, spaces or leading zeros of
 * the number (`027 / KH-STP`, `27/kh-stp` and `27/KH-STP` are one document).
 */
export function symbolKey(symbol: string): string {
  const text = /^[\x21-\x7e]*$/.test(symbol) ? symbol.toLowerCase() : foldVietnamese(symbol.normalize('NFC').replace(/Ð/g, 'Đ').replace(/ð/g, 'đ')).replace(/\s+/g, '');
  return text.charCodeAt(0) === 48 ? text.replace(/^0+(?=\d)/, '') : text;
}

/** The first part of an issuer (`STP` of `STP-VP`), folded: the unit a symbol belongs to. */
export function issuerKey(issuer: string): string {
  // A register repeats a handful of issuers thousands of times.
  let key = ISSUER_KEYS.get(issuer);
  if (key === undefined) {
    key = foldVietnamese(issuer.split('-')[0].trim());
    if (ISSUER_KEYS.size >= 1000) ISSUER_KEYS.clear();
    ISSUER_KEYS.set(issuer, key);
  }
  return key;
}

const ISSUER_KEYS = new Map<string, string>();

/** Indexes a register by symbol and infers the unit's issuer from its symbols. */
export function indexRegister(register: Register): RegisterIndex {
  const bySymbol = new Map<string, RegisterEntry[]>();
  const issuers = new Map<string, number>();
  const spelling = new Map<string, string>();
  for (const e of register.entries) {
    const key = symbolKey(e.symbol);
    const list = bySymbol.get(key);
    if (list) list.push(e);
    else bySymbol.set(key, [e]);
    if (e.issuer) {
      const k = issuerKey(e.issuer);
      const n = issuers.get(k);
      issuers.set(k, (n ?? 0) + 1);
      if (n === undefined) spelling.set(k, e.issuer.split('-')[0].trim());
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
  const index: RegisterIndex = { register, bySymbol };
  if (issuer !== undefined) {
    index.issuer = issuer;
    index.issuerText = spelling.get(issuer) ?? issuer;
  }
  ISSUER_COUNTS.set(index, issuers);
  return index;
}

/**
 * Checks the documents of the unit's own issue cited in `answers` (evidence cells,
 * parsed by src/core/evidence.ts) against the register. Documents of other issuers (UBND
 * tỉnh, ministries) are counted in `otherIssuers` and not checked.
 */
export function crossCheckRegister(criteria: CriteriaLookup, answers: readonly Answer[], register: Register | RegisterIndex, opts: RegisterCheckOptions = {}): RegisterCheck {
  const index = 'bySymbol' in register ? register : indexRegister(register);
  const file = index.register.file ?? 'sổ đăng ký';
  const own = ownIssuers(index, opts.issuer);
  const summary: RegisterSummary = {
    cited: 0,
    found: 0,
    dateDiffers: 0,
    notFound: 0,
    kindMismatch: 0,
    unrelated: 0,
    otherIssuers: 0,
    issuer: own.main ?? null,
    unreadableRows: index.register.problems.length,
  };
  const unit = unitIssuer(opts.unit, opts.level ?? (criteria.set.levels.length === 1 ? criteria.set.levels[0] : undefined));
  if (unit.level !== undefined) summary.issuerAmbiguous = 0;
  const findings: Finding[] = [];
  const citations: RegisterCitation[] = [];
  const kindSettled: string[] = [];
  for (const { entry: n, answer } of scoredLeaves(criteria, answers)) {
    const evidence = cellText(answer?.evidence);
    if (evidence === '') continue;
    const at = rowPlace(n.code, 'evidence', answer?.row);
    const refs = parseEvidence(evidence).refs;
    const seen = new Set<string>();
    // The register's entries of this row's own documents, for the kind check; false once one is not settled.
    const settledKinds: RegisterEntry[] = [];
    let settled = refs.length > 0;
    let criterionTerms: KeyTerms | undefined;
    for (const ref of refs) {
      if (ref.symbol === undefined) {
        // A document named without a number ("Biên bản họp ngày ..."): the register cannot say.
        settled = false;
        continue;
      }
      const key = symbolKey(ref.symbol);
      if (seen.has(key)) continue;
      seen.add(key);
      const base = { criterion: n.code, ...(answer?.row !== undefined ? { row: answer.row } : {}), ref };
      const refIssuer = ref.issuer === undefined ? undefined : issuerKey(ref.issuer);
      // A symbol every level writes alike (`UBND`): the citation's own words may say whose it is.
      const verdict = refIssuer !== undefined && SHARED_ISSUER_KEYS.has(refIssuer) && own.keys.has(refIssuer) ? issuerVerdict(citedIssuer(ref.raw), unit) : 'unknown';
      if (refIssuer === undefined || !own.keys.has(refIssuer) || verdict === 'other') {
        summary.otherIssuers++;
        citations.push({ ...base, status: 'otherIssuer' });
        settled = false;
        continue;
      }
      const entry = pickEntry(index.bySymbol.get(key), ref.date);
      if (!entry && verdict === 'unknown' && unit.level !== undefined && SHARED_ISSUER_KEYS.has(refIssuer)) {
        // A district's or commune's `…/KH-UBND` not in its register, the citation naming no issuer: maybe the province's.
        summary.issuerAmbiguous = (summary.issuerAmbiguous ?? 0) + 1;
        citations.push({ ...base, status: 'issuerAmbiguous' });
        findings.push(finding('EVIDENCE_ISSUER_AMBIGUOUS', ambiguousParams(ref, file, unit), { ...at, severity: 'info' }));
        settled = false;
        continue;
      }
      summary.cited++;
      if (!entry) {
        summary.notFound++;
        citations.push({ ...base, status: 'notFound' });
        findings.push(finding('EVIDENCE_NOT_IN_REGISTER', { doc: ref.symbol, register: file }, at));
        settled = false;
        continue;
      }
      if (ref.date !== undefined && ref.date !== entry.date) {
        summary.dateDiffers++;
        citations.push({ ...base, status: 'dateDiffers', entry });
        findings.push(
          finding(
            'EVIDENCE_DATE_DIFFERS',
            { doc: ref.symbol, cited: ref.dateText ?? dayMonthYear(ref.date), registered: entry.dateText, ...registerAt(file, entry) },
            at,
          ),
        );
      } else {
        summary.found++;
        citations.push({ ...base, status: 'found', entry });
      }
      if (entry.kind) settledKinds.push(entry);
      else settled = false;
      if (entry.summary.trim() !== '') {
        criterionTerms ??= termsOfCriterion(criteria, n);
        if (!related(entryTerms(entry), criterionTerms)) {
          summary.unrelated++;
          findings.push(finding('EVIDENCE_SUMMARY_UNRELATED', { doc: ref.symbol, summary: clip(entry.summary, 120) }, { ...at, severity: 'info' }));
        }
      }
    }
    if (settled && settledKinds.length > 0) {
      kindSettled.push(n.code);
      const mismatch = registerKindMismatch(settledKinds, n.requiredKinds);
      if (mismatch) {
        summary.kindMismatch++;
        findings.push(finding('EVIDENCE_KIND_MISMATCH', mismatch, at));
      }
    }
  }
  for (const p of index.register.problems) findings.push(problemFinding(p, file));
  return { findings, summary, citations, kindSettled };
}

/**
 * EVIDENCE_ISSUER_AMBIGUOUS's parameters: the bodies above the unit that sign alike, and
 * the citation written with its issuer ("Kế hoạch số 386/KH-UBND ngày 15/3/2024 của UBND tỉnh").
 */
function ambiguousParams(ref: DocumentRef, register: string, unit: UnitIssuer): Finding['params'] {
  const body = ref.issuer?.split('-')[0].trim() ?? 'UBND';
  const kind = ref.kind ? ref.kind.vi.charAt(0).toUpperCase() + ref.kind.vi.slice(1) : 'Văn bản';
  const example = `${kind} số ${ref.symbol ?? ''}${ref.dateText ? ` ngày ${ref.dateText}` : ''} của ${body} tỉnh`;
  const commune = unit.level === 'xa';
  return {
    doc: ref.symbol ?? ref.raw,
    register,
    issuer: body,
    higher: commune ? `${body} tỉnh và ${body} huyện` : `${body} tỉnh`,
    higherEn: commune ? `each of the provincial and district ${body}` : `the provincial ${body}`,
    example,
  };
}

/** The unit's issuers: the one given, else the register's main issuer and any nearly as frequent. */
function ownIssuers(index: RegisterIndex, given: string | undefined): { main?: string; keys: Set<string> } {
  if (given !== undefined && given.trim() !== '') return { main: given.trim(), keys: new Set([issuerKey(given)]) };
  const counts = issuerCounts(index);
  const top = index.issuer === undefined ? 0 : (counts.get(index.issuer) ?? 0);
  const keys = new Set<string>();
  // Another issuer counts as the unit's when it is frequent in the register too (a unit
  // whose symbols changed in the year); a few documents of others copied in do not.
  for (const [k, n] of counts) if (k === index.issuer || (n * 5 >= top && n >= 10)) keys.add(k);
  return { ...(index.issuerText !== undefined ? { main: index.issuerText } : {}), keys };
}

const ISSUER_COUNTS = new WeakMap<RegisterIndex, Map<string, number>>();

function issuerCounts(index: RegisterIndex): Map<string, number> {
  let counts = ISSUER_COUNTS.get(index);
  if (!counts) {
    counts = new Map();
    for (const e of index.register.entries) if (e.issuer) counts.set(issuerKey(e.issuer), (counts.get(issuerKey(e.issuer)) ?? 0) + 1);
    ISSUER_COUNTS.set(index, counts);
  }
  return counts;
}

/**
 * The entry a citation means among those with its symbol (numbers restart each year, so
 * a register of several years may hold one per year): the one of the cited date, else
 * the nearest to it, else (no date cited) the latest.
 */
function pickEntry(entries: readonly RegisterEntry[] | undefined, date: string | undefined): RegisterEntry | undefined {
  if (!entries || entries.length === 0) return undefined;
  if (date === undefined) return entries.reduce((a, b) => (b.date > a.date ? b : a));
  const exact = entries.find((e) => e.date === date);
  if (exact) return exact;
  const distance = (e: RegisterEntry) => Math.abs(Date.parse(e.date) - Date.parse(date));
  return entries.reduce((a, b) => (distance(b) < distance(a) ? b : a));
}

/** The self-scored leaves, each with its answer (if any), excused rows left out. */
function scoredLeaves(criteria: CriteriaLookup, answers: readonly Answer[]): { entry: CriterionEntry; answer?: Answer }[] {
  const byCode = answersByCode(answers);
  const excused = notApplicableCodes(criteria, byCode);
  const out: { entry: CriterionEntry; answer?: Answer }[] = [];
  for (const n of criteria.nodes) {
    if (criteria.byCode.get(n.code) !== n || !n.isLeaf || n.scoredBy !== 'self' || excused.has(n.code)) continue;
    const answer = byCode.get(n.code);
    out.push(answer ? { entry: n, answer } : { entry: n });
  }
  return out;
}

const CRITERION_TERMS = new WeakMap<CriterionEntry, KeyTerms>();

/** The key terms of a criterion: its name, method and evidence requirement, and the names of its parents below the field. */
function termsOfCriterion(criteria: CriteriaLookup, n: CriterionEntry): KeyTerms {
  let terms = CRITERION_TERMS.get(n);
  if (!terms) {
    const parts = [n.node.name, n.node.method ?? '', n.node.evidence ?? ''];
    for (let p = n.parent === undefined ? undefined : criteria.byCode.get(n.parent); p && p.depth >= 1; p = p.parent === undefined ? undefined : criteria.byCode.get(p.parent)) parts.push(p.node.name);
    terms = keyTerms(parts.join(' ; '));
    CRITERION_TERMS.set(n, terms);
  }
  return terms;
}

const ENTRY_TERMS = new WeakMap<RegisterEntry, KeyTerms>();

function entryTerms(e: RegisterEntry): KeyTerms {
  let terms = ENTRY_TERMS.get(e);
  if (!terms) {
    terms = keyTerms(e.summary);
    ENTRY_TERMS.set(e, terms);
  }
  return terms;
}

function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The kind check on the register's word: the criterion asks for specific kinds and none
 * of the documents, as registered, is one of them nor names one in its summary
 * ("Quyết định ban hành Kế hoạch ...").
 */
function registerKindMismatch(entries: readonly RegisterEntry[], required: readonly DocumentKind[]): Finding['params'] | undefined {
  const ids = new Set(required.map((k) => k.id));
  if (ids.size === 0 || ids.has(GENERIC_KIND.id)) return undefined;
  const kinds: DocumentKind[] = [];
  for (const e of entries) {
    if (!e.kind) return undefined;
    if (ids.has(e.kind.id) || kindMentions(e.summary).some((m) => ids.has(m.kind.id))) return undefined;
    if (!kinds.some((k) => k.id === e.kind?.id)) kinds.push(e.kind);
  }
  return {
    found: `${kinds.map((k) => k.vi).join(', ')} (theo sổ đăng ký văn bản đi)`,
    foundEn: `${kinds.map((k) => k.en).join(', ')} (per the register of outgoing documents)`,
    expected: required.map((k) => k.vi).join(' hoặc '),
    expectedEn: required.map((k) => k.en).join(' or '),
  };
}

/**
 * Where a register row is, in words (the `registerAt` parameters): a CSV's line as a text
 * editor counts it ("dòng 9 của tệp so.csv"), a workbook's sheet and row.
 */
function registerAt(file: string, at: { sheet: string; row: number; line?: number }): { registerAt: string; registerAtEn: string } {
  return at.line !== undefined
    ? { registerAt: `dòng ${at.line} của tệp ${file}`, registerAtEn: `line ${at.line} of ${file}` }
    : { registerAt: `${file}, ${at.sheet}, dòng ${at.row}`, registerAtEn: `${file}, ${at.sheet}, row ${at.row}` };
}

function problemFinding(p: RegisterProblem, file: string): Finding {
  const symbol = p.column === 'symbol';
  const csv = p.line !== undefined;
  // A CSV has its lines (as registerAt names them); a workbook its sheet, row and cell.
  const { registerAt: at, registerAtEn: atEn } = csv
    ? registerAt(file, p)
    : { registerAt: `dòng ${p.row} của sổ đăng ký ${file} (trang "${p.sheet}", ô ${p.cell ?? ''})`, registerAtEn: `row ${p.row} of the register ${file} (sheet "${p.sheet}", cell ${p.cell ?? ''})` };
  return finding(
    'REGISTER_ROW_UNREADABLE',
    {
      row: p.line ?? p.row,
      register: file,
      at,
      atEn,
      text: p.text,
      what: symbol ? 'số, ký hiệu' : 'ngày tháng',
      whatEn: symbol ? 'number and symbol' : 'date',
      example: symbol ? '27/KH-STP' : '05/02/2024',
    },
    csv ? { file, row: p.line } : { file, sheet: p.sheet, row: p.row, ...(p.cell !== undefined ? { cell: p.cell } : {}) },
  );
}

/**
 * For each self-scored criterion without evidence, up to `max` (3) register entries dated
 * in the period, of a kind the criterion asks for (when it names one), whose summary fits
 * the criterion's name, method and evidence requirement. The fit is weighted: each key
 * term (pair of syllables, or `cchc`) weighs log2(N / n), N the documents suggestions are
 * taken from (the unit's, dated in the period, with a summary) and n those whose summary
 * holds it, so a term most summaries hold weighs little. The shared pairs are counted as
 * words (fitOf: `thủ tục hành chính` is two, `hệ thống hóa` one) and the fit is the sum of
 * their weights. An entry is suggested when it shares at least two words and its fit
 * reaches SUGGEST_MIN_FIT; best fit first, and none under 60% of the best.
 */
export function suggestFromRegister(criteria: CriteriaLookup, answers: readonly Answer[], register: Register | RegisterIndex, opts: RegisterCheckOptions & { max?: number } = {}): RegisterSuggestion[] {
  const index = 'bySymbol' in register ? register : indexRegister(register);
  const max = opts.max ?? 3;
  const period = opts.period ?? criteria.set.period;
  const window = { ...DEFAULT_EVIDENCE_WINDOW, ...criteria.set.evidenceWindow };
  const from = addDays(period.from, -window.daysBefore);
  const to = addDays(period.to, window.daysAfter);
  const own = ownIssuers(index, opts.issuer);
  const pool = suggestionPool(index, from, to, own.keys);
  // Weights added up term by term over the entries holding each (by position in the pool),
  // with the terms each holds as bits: only those reach the fit and the kind check.
  // `touched` keeps the order each was first reached in.
  const bound = new Float64Array(pool.entries.length);
  const held = new Int32Array(pool.entries.length);
  const fits = new Float64Array(pool.entries.length);
  const touched: number[] = [];
  const out: RegisterSuggestion[] = [];
  for (const { entry: n, answer } of scoredLeaves(criteria, answers)) {
    if (cellText(answer?.evidence) !== '') continue;
    const terms = termsOfCriterion(criteria, n);
    // "Văn bản" among the kinds asked for accepts any kind.
    const required = new Set(n.requiredKinds.some((k) => k.id === GENERIC_KIND.id) ? [] : n.requiredKinds.map((k) => k.id));
    const requiredNames = n.requiredKinds.filter((k) => required.has(k.id)).map((k) => ` ${foldVietnamese(k.vi)} `);
    const keys = weightedKeys(pool, terms);
    // Entries holding the same terms fit alike: many do (a register repeats its subjects).
    const fitsByHeld = new Map<number, { words: number; weight: number }>();
    touched.length = 0;
    keys.forEach((k, bit) => {
      for (const i of pool.byPair.get(k.key) ?? []) {
        if (bound[i] === 0) touched.push(i);
        bound[i] += k.weight;
        held[i] |= 1 << bit;
      }
    });
    // The best `max`, by fit, then date (latest first), then the order reached: a stable sort's first `max`.
    const best: number[] = [];
    for (const i of touched) {
      // The sum of the terms' weights bounds the fit: most entries stop here.
      if (bound[i] < SUGGEST_MIN_FIT) continue;
      let fit = fitsByHeld.get(held[i]);
      if (fit === undefined) fitsByHeld.set(held[i], (fit = fitOf(keys, held[i])));
      if (fit.words < 2 || fit.weight < SUGGEST_MIN_FIT) continue;
      fits[i] = fit.weight;
      const e = pool.entries[i];
      // A criterion asking for specific kinds is offered only those (or documents naming one).
      const kindFits = required.size === 0 || (e.kind !== undefined && required.has(e.kind.id)) || requiredNames.some((name) => foldedOf(pool, i).includes(name));
      if (!kindFits) continue;
      let at = best.length;
      while (at > 0 && ranksBefore(i, best[at - 1])) at--;
      if (at < max) {
        best.splice(at, 0, i);
        if (best.length > max) best.pop();
      }
    }
    for (const i of best) {
      if (fits[i] * 10 < fits[best[0]] * 6) break;
      const e = pool.entries[i];
      const shared = sharedPairs(terms, entryTerms(e));
      out.push({ criterion: n.code, ...(answer?.row !== undefined ? { row: answer.row } : {}), entry: e, citation: citationOf(e), terms: shared, matched: matchedWords(e.summary, new Set(shared), terms.spelled), score: Math.round(fits[i] * 100) / 100 });
    }
    for (const i of touched) {
      bound[i] = 0;
      held[i] = 0;
      fits[i] = 0;
    }
  }
  return out;

  /** Whether pool entry a ranks before b (reached before it): a better fit, else a later date. */
  function ranksBefore(a: number, b: number): boolean {
    return fits[a] > fits[b] || (fits[a] === fits[b] && pool.entries[a].date > pool.entries[b].date);
  }
}

/**
 * The least fit of a suggestion (log2 units, see suggestFromRegister): two words shared
 * that each about one summary in six holds (2 × log2 6 ≈ 5.2) reach it; a word of one
 * summary in six with `cchc` of nearly half of them (2.6 + 1.3) does not.
 */
const SUGGEST_MIN_FIT = 5;

/** A criterion's term in a pool: its key, its weight, and its first and last syllables' ids (both that of `cchc` for it). */
interface WeightedKey {
  key: number;
  weight: number;
  first: number;
  last: number;
}

/** The terms an entry can be told to hold (bits of an Int32Array): the heaviest of a criterion's. */
const MAX_KEYS = 31;

/** A criterion's terms the pool holds, weighted (see suggestFromRegister), heaviest first; none of weight 0. */
function weightedKeys(pool: SuggestionPool, terms: KeyTerms): WeightedKey[] {
  const out: WeightedKey[] = [];
  const n = pool.entries.length;
  for (const key of criterionKeys(pool, terms)) {
    const holders = pool.byPair.get(key)?.length ?? 0;
    if (holders === 0 || holders >= n) continue;
    out.push({ key, weight: Math.log2(n / holders), ...syllablesOf(key) });
  }
  return out.sort((a, b) => b.weight - a.weight).slice(0, MAX_KEYS);
}

/**
 * The fit of an entry holding the keys of `held` (bits): its words and their weight. The
 * pairs are taken heaviest first (the keys' order), each a word, but for a pair that runs
 * on from one taken (`tục hành` between `thủ tục` and `hành chính`, `thống hóa` after
 * `hệ thống`): Vietnamese words are of two syllables, the pair across two is none.
 */
function fitOf(keys: readonly WeightedKey[], held: number): { words: number; weight: number } {
  const taken: WeightedKey[] = [];
  let weight = 0;
  for (let bit = 0; bit < keys.length; bit++) {
    if ((held & (1 << bit)) === 0) continue;
    const k = keys[bit];
    if (taken.some((t) => t.last === k.first || t.first === k.last)) continue;
    taken.push(k);
    weight += k.weight;
  }
  return { words: taken.length, weight };
}

/**
 * The entries suggestions are taken from, by pair of syllables of their summary. Kept
 * compact (a register's thousands of summaries): a pair is a number made of its words'
 * ids, and no entry keeps its terms.
 */
interface SuggestionPool {
  entries: RegisterEntry[];
  /** Folded syllable -> id. */
  wordIds: Map<string, number>;
  /** Pair key (pairKey) -> positions in `entries`, in register order, each once. */
  byPair: Map<number, number[]>;
  /** Each entry's summary folded, once asked for (the kind named in the summary). */
  folded: (string | undefined)[];
}

/** A pair's number: `a b` from both ids, `cchc` (b undefined) below zero. */
function pairKey(a: number, b: number | undefined): number {
  return b === undefined ? -1 - a : a * 65536 + b;
}

/** The ids of a pair's words, from its number (`cchc`'s for both, for it). */
function syllablesOf(key: number): { first: number; last: number } {
  return key < 0 ? { first: -1 - key, last: -1 - key } : { first: Math.floor(key / 65536), last: key % 65536 };
}

const POOLS = new WeakMap<RegisterIndex, Map<string, SuggestionPool>>();

/**
 * The register's entries dated from..to, of the unit's issuers and with a summary, by
 * pair of syllables of their summary (keyTerms, see ./registerTerms): a criterion looks
 * only at the entries sharing one. Kept with the register's index, so the pane's next
 * check after an edit reuses it.
 */
function suggestionPool(index: RegisterIndex, from: string, to: string, own: ReadonlySet<string>): SuggestionPool {
  const key = `${from}|${to}|${[...own].sort().join(',')}`;
  let cached = POOLS.get(index);
  if (!cached) {
    cached = new Map();
    POOLS.set(index, cached);
  }
  let pool = cached.get(key);
  if (!pool) {
    const p: SuggestionPool = { entries: [], wordIds: new Map(), byPair: new Map(), folded: [] };
    const id = (w: string): number => {
      let n = p.wordIds.get(w);
      if (n === undefined) p.wordIds.set(w, (n = p.wordIds.size));
      return n;
    };
    let at = 0;
    const add = (a: string, b: string | undefined) => {
      const k = pairKey(id(a), b === undefined ? undefined : id(b));
      const list = p.byPair.get(k);
      if (list === undefined) p.byPair.set(k, [at]);
      else if (list[list.length - 1] !== at) list.push(at);
    };
    for (const e of index.register.entries) {
      if (e.date < from || e.date > to || e.summary.trim() === '' || (e.issuer !== undefined && own.size > 0 && !own.has(issuerKey(e.issuer)))) continue;
      at = p.entries.length;
      p.entries.push(e);
      forEachPair(e.summary, add);
    }
    cached.set(key, (pool = p));
  }
  return pool;
}

/** The keys of a criterion's pairs in a pool, in the order of its terms; pairs the pool lacks are left out. */
function criterionKeys(pool: SuggestionPool, terms: KeyTerms): number[] {
  const out: number[] = [];
  for (const pair of terms.pairs) {
    const space = pair.indexOf(' ');
    const a = pool.wordIds.get(space < 0 ? pair : pair.slice(0, space));
    const b = space < 0 ? undefined : pool.wordIds.get(pair.slice(space + 1));
    if (a !== undefined && (space < 0 || b !== undefined)) out.push(pairKey(a, b));
  }
  return out;
}

function foldedOf(pool: SuggestionPool, i: number): string {
  return (pool.folded[i] ??= foldedText(pool.entries[i].summary));
}

/** The evidence text for an entry: `Kế hoạch số 27/KH-STP ngày 05/02/2024 về kiểm tra công tác CCHC`. */
export function citationOf(entry: RegisterEntry): string {
  const kind = entry.kind ? entry.kind.vi.charAt(0).toUpperCase() + entry.kind.vi.slice(1) : 'Văn bản';
  let about = entry.summary.replace(/\s+/g, ' ').trim();
  // The summary often repeats the kind ("Kế hoạch kiểm tra ..."): keep what follows it.
  if (entry.kind && foldVietnamese(about).startsWith(foldVietnamese(entry.kind.vi))) about = about.slice(entry.kind.vi.length).trim();
  // "V/v" (về việc) and "về" are written by the citation itself.
  about = about.replace(/^(?:v\/v\.?|về việc|ve viec)\s*:?\s*/iu, '').replace(/^(?:về|ve)\s+/iu, '');
  return `${kind} số ${entry.symbol} ngày ${dayMonthYear(entry.date)}${about ? ` về ${about}` : ''}`;
}

/**
 * Findings of a validation with the register's word on the evidence kind: a text-based
 * EVIDENCE_KIND_MISMATCH is dropped where the register settled the kind of every cited
 * document (it then either reported the mismatch itself or proved there is none); the
 * register's findings are added. Pure: both lists are left as they are.
 */
export function mergeRegisterFindings(validation: readonly Finding[], check: RegisterCheck): Finding[] {
  const settled = new Set(check.kindSettled);
  const kept = validation.filter((f) => !(f.code === 'EVIDENCE_KIND_MISMATCH' && f.criterion !== undefined && settled.has(f.criterion)));
  return [...kept, ...check.findings];
}

/** `2024-02-05` -> `05/02/2024`, as registers and citations write dates. */
export function dayMonthYear(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
