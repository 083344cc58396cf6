/**
 * Score validation (điểm tự đánh giá, điểm thẩm định) row by row and over the tree, and
 * the whole unit's check: scores, then evidence.
 */
import { cellText, type Answer, type CellValue, type SheetTotal } from './answers';
import type { CriteriaLookup, CriterionEntry } from './criteriaSet';
import { fieldsOf, indexSheet, lookupCriteria, normalizeCode, withSheetRows, type SheetIndex } from './criteriaSet';
import type { CriteriaSet, Period } from './criteria';
import { parseEvidence, SharedDocuments, validateEvidence, type EvidenceRow } from './evidence';
import { checkRowLinks } from './links';
import { finding, rowPlace, type Finding, type FindingColumn, type Params, type Place } from './findings';
import { formatNumber } from './format';
import { maxSumFindings } from './lint';
import { describeAllowed, isAllowedScore, parseDeclared, suggestScore } from './method';
import { parseScore } from './numbers';

const EPS = 1e-6;

/** Answers keyed by normalised code; the first answer of a code wins. */
export function answersByCode(answers: readonly Answer[]): Map<string, Answer> {
  const out = new Map<string, Answer>();
  for (const a of answers) {
    const code = normalizeCode(a.code);
    if (!out.has(code)) out.set(code, a);
  }
  return out;
}

/** Answers by normalised code, as the checks ask for them: answersByCode, or one validation's RuleAnswers. */
type AnswerOf = Pick<ReadonlyMap<string, Answer>, 'get'>;

/**
 * One validation's answers laid on its rules. The usual sheet has one answer per rule,
 * in the rules' order: a rule's answer is then the one at its position, with no map of
 * the 5000 answers' codes to build on every call; any other list is looked up in
 * answersByCode, made when first asked.
 */
class RuleAnswers implements AnswerOf {
  private map: Map<string, Answer> | undefined;
  private readonly inOrder: boolean;

  constructor(
    private readonly index: CriteriaLookup,
    private readonly answers: readonly Answer[],
  ) {
    this.inOrder = answers.length === index.nodes.length && answers.every((a, i) => normalizeCode(a.code) === index.nodes[i].code);
  }

  /** The first answer of a normalised code (in order: at its first rule's position; none for a code the rules lack). */
  get(code: string): Answer | undefined {
    if (!this.inOrder) return (this.map ??= answersByCode(this.answers)).get(code);
    const n = this.index.byCode.get(code);
    return n === undefined ? undefined : this.answers[n.position];
  }

  /** The answer of a rule: the first answer of its code. */
  of(n: CriterionEntry): Answer | undefined {
    return this.inOrder && n.first ? this.answers[n.position] : this.get(n.code);
  }
}

/**
 * Codes excused from scoring: declared "Không áp dụng" where the set allows it, and
 * everything below such a row.
 */
export function notApplicableCodes(index: CriteriaLookup, byCode: AnswerOf): Set<string> {
  const out = new Set<string>();
  // Few rows may be excused: the tree is walked only when one of them is.
  if (!index.notApplicableAllowed.some((n) => declaresNotApplicable(byCode.get(n.code)))) return out;
  for (const n of index.nodes) {
    const own = n.node.notApplicableAllowed === true && declaresNotApplicable(byCode.get(n.code));
    if (own || (n.parent !== undefined && out.has(n.parent))) out.add(n.code);
  }
  return out;
}

function declaresNotApplicable(a: Answer | undefined): boolean {
  const declared = a?.declared;
  return !isEmptyCell(declared) && parseDeclared(declared).kind === 'notApplicable';
}

/**
 * A cell the reader found empty (null), or a column the sheet lacks (undefined): the
 * checks of a declaration or an appraisal find nothing there, so they are not run (every
 * row of a template has these cells, most of them empty).
 */
function isEmptyCell(v: CellValue | undefined): v is null | undefined {
  return v === undefined || v === null;
}

/** Whether a parsed score is one the row may take: 0..max and a level of its method. */
export function isValidScore(n: CriterionEntry, value: number): boolean {
  return value >= 0 && value <= n.node.maxPoints + EPS && isAllowedScore(n.method.allowed, value);
}

/**
 * `extraRows`: rows of the sheet the rules lack (the comparison's CRITERION_UNEXPECTED),
 * by their parent's normalised code; a parent's total may count them.
 */
export function validateScores(index: CriteriaLookup, answers: Answer[], grand?: SheetTotal, extraRows?: ReadonlyMap<string, readonly string[]>): Finding[] {
  const byCode = new RuleAnswers(index, answers);
  return scoreFindings(index, byCode, notApplicableCodes(index, byCode), grand, extraRows);
}

/** validateScores on the answers by code and the excused codes the caller has already made. */
function scoreFindings(
  index: CriteriaLookup,
  byCode: RuleAnswers,
  excused: Set<string>,
  grand: SheetTotal | undefined,
  extraRows: ReadonlyMap<string, readonly string[]> | undefined,
): Finding[] {
  const sums = new ChildSums(byCode, excused, extraRows);
  const out: Finding[] = [];

  for (const n of index.nodes) {
    if (!n.first) continue; // a duplicated code is the linter's finding
    const a = byCode.of(n);
    const row = a?.row ?? n.node.row;

    if (declaresNotApplicable(a) && n.node.notApplicableAllowed !== true) {
      out.push(finding('NOT_APPLICABLE_NOT_ALLOWED', {}, rowPlace(n.code, 'declared', row)));
    }
    const score = parseScore(a?.selfScore);
    // Out of the denominator, so no error either; a score typed there is not counted: say so.
    if (excused.has(n.code)) {
      const scored = score.ok ? score.value !== 0 : score.reason !== 'empty';
      if (n.isLeaf && scored) out.push(finding('SCORE_NOT_COUNTED', { value: shown(a?.selfScore) }, rowPlace(n.code, 'selfScore', row)));
      continue;
    }
    if (a && (!isEmptyCell(a.appraisedScore) || !isEmptyCell(a.finalScore))) {
      // A blank appraisal gives no finding; the guard keeps this closure off the rows without any.
      const at = (field: FindingColumn) => rowPlace(n.code, field, row);
      for (const f of [checkAppraised(n, a.appraisedScore, at), checkAppraised(n, a.finalScore, at, 'finalScore')]) if (f) out.push(f);
    }

    if (n.scoredBy === 'survey' && n.isLeaf) {
      if (score.ok || score.reason !== 'empty') out.push(finding('SURVEY_ROW_SCORED', { value: shown(a?.selfScore) }, rowPlace(n.code, 'selfScore', row)));
      continue;
    }
    if (!n.isLeaf) {
      const mismatch = sums.check(n.childEntries, a, n.code);
      if (mismatch) out.push(finding('TOTAL_MISMATCH', mismatch, rowPlace(n.code, 'selfScore', row)));
      else if (!score.ok && score.reason !== 'empty' && !sums.isExactSum(n.childEntries, a)) {
        out.push(finding('SCORE_NOT_NUMBER', { value: cellText(a?.selfScore) }, rowPlace(n.code, 'selfScore', row)));
      }
      if (score.ok && typeof a?.selfScore === 'string') out.push(typedAsText(a.selfScore, score.value, rowPlace(n.code, 'selfScore', row)));
      continue;
    }
    if (!score.ok) {
      if (score.reason !== 'empty') out.push(finding('SCORE_NOT_NUMBER', { value: cellText(a?.selfScore) }, rowPlace(n.code, 'selfScore', row)));
      // A blank bonus row just means no bonus was earned.
      else if (!n.bonus) out.push(finding('SCORE_MISSING', {}, rowPlace(n.code, 'selfScore', row)));
      continue;
    }
    // Accepted here, but Excel's SUM skips text: the parent totals in the sheet under-count.
    if (typeof a?.selfScore === 'string') out.push(typedAsText(a.selfScore, score.value, rowPlace(n.code, 'selfScore', row)));
    const max = n.node.maxPoints;
    if (score.value < 0) out.push(finding('SCORE_NEGATIVE', { value: score.value, max }, rowPlace(n.code, 'selfScore', row)));
    else if (score.value > max + EPS) out.push(finding('SCORE_ABOVE_MAX', { value: score.value, max }, rowPlace(n.code, 'selfScore', row)));
    else if (!isAllowedScore(n.method.allowed, score.value)) {
      const allowed = { allowed: describeAllowed(n.method.allowed, 'vi'), allowedEn: describeAllowed(n.method.allowed, 'en') };
      out.push(finding('SCORE_NOT_ALLOWED', { value: score.value, ...allowed }, rowPlace(n.code, 'selfScore', row)));
    } else if (a && !isEmptyCell(a.declared)) {
      const suggested = suggestScore(n.method, parseDeclared(a.declared));
      if (suggested !== undefined && Math.abs(suggested - score.value) > EPS) {
        out.push(finding('SCORE_DIFFERS_FROM_DECLARED', { declared: cellText(a.declared), suggested, value: score.value }, rowPlace(n.code, 'selfScore', row)));
      }
    }
  }
  if (grand) out.push(...checkGrandTotal(index, sums, grand));
  return out;
}

function typedAsText(value: string, number: number, at: Place): Finding {
  return finding('SCORE_TYPED_AS_TEXT', { value: value.trim(), number }, at);
}

/** The sheet's `Tổng cộng` row against the fields' counted scores. */
function checkGrandTotal(index: CriteriaLookup, sums: ChildSums, grand: SheetTotal): Finding[] {
  const at = { field: 'selfScore' as const, row: grand.row };
  const fields = fieldsOf(index);
  const mismatch = sums.check(fields, grand);
  if (mismatch) return [finding('TOTAL_MISMATCH', mismatch, at)];
  const score = parseScore(grand.selfScore);
  if (!score.ok && score.reason !== 'empty' && !sums.isExactSum(fields, grand)) {
    return [finding('SCORE_NOT_NUMBER', { value: cellText(grand.selfScore) }, at)];
  }
  return [];
}

/**
 * A total the sheet shows (a parent row, the grand total) against its children. It is
 * right when it equals the children's counted scores (what the totals use), or their
 * scores as written where a child carries its own error (a survey row scored, a score
 * above the maximum): that child is reported, its parent is not reported again. A total
 * that is a formula adding exactly its children's cells is right by construction, whatever
 * its cached value (stale under manual calculation): what its children hold is theirs to
 * report (a score typed as text, which SUM skips, is SCORE_TYPED_AS_TEXT). A row of the
 * sheet the rules lack (the comparison's CRITERION_UNEXPECTED) is a child its parent's
 * total may count, with its score as written, like a scored survey row.
 */
class ChildSums {
  constructor(
    private readonly byCode: RuleAnswers,
    private readonly excused: Set<string>,
    private readonly extraRows: ReadonlyMap<string, readonly string[]> = new Map(),
  ) {}

  /**
   * TOTAL_MISMATCH's params when the total is wrong; undefined when right, blank or an
   * exact sum formula. `parent`: the code of the row showing the total (none for the grand total).
   */
  check(kids: readonly CriterionEntry[], total: Pick<Answer, 'selfScore' | 'selfScoreSumOf'> | undefined, parent?: string): Params | undefined {
    const s = parseScore(total?.selfScore);
    const extra = parent === undefined ? NO_ROWS : (this.extraRows.get(parent) ?? NO_ROWS);
    if (!s.ok || this.isExactSum(kids, total, extra)) return undefined;
    const counted = kids.reduce((sum, k) => sum + this.counted(k), 0);
    const written = this.writtenSum(kids, extra);
    if (Math.abs(s.value - counted) <= EPS || Math.abs(s.value - written) <= EPS) return undefined;
    return { total: round4(s.value), sum: round4(written) };
  }

  /** The total's formula adds exactly the cells of these rows (and of the sheet's extra rows among them). */
  isExactSum(kids: readonly CriterionEntry[], total: Pick<Answer, 'selfScoreSumOf'> | undefined, extra: readonly string[] = NO_ROWS): boolean {
    const rows = total?.selfScoreSumOf;
    if (rows === undefined || rows.length !== kids.length + extra.length) return false;
    // The usual formula lists the rows in order (`=SUM(G9:G12)`): the same rows, with no sets to make.
    if (this.rowsAre(rows, kids, extra)) return true;
    const own = new Set([...kids.map((k) => this.byCode.of(k)?.row), ...extra.map((code) => this.byCode.get(code)?.row)]);
    return rows.every((r) => own.has(r)) && new Set(rows).size === own.size;
  }

  /** Whether `rows` are the rows of these children then of these extra rows, in that order; no list is made (every parent row of every sheet asks). */
  private rowsAre(rows: readonly number[], kids: readonly CriterionEntry[], extra: readonly string[]): boolean {
    let i = 0;
    for (const k of kids) if (this.byCode.of(k)?.row !== rows[i++]) return false;
    for (const code of extra) if (this.byCode.get(code)?.row !== rows[i++]) return false;
    return true;
  }

  /** The rows' scores as a total over them may take them (written), the sheet's extra rows among them included. */
  private writtenSum(kids: readonly CriterionEntry[], extra: readonly string[]): number {
    return extra.reduce((sum, code) => sum + this.writtenExtra(code), kids.reduce((sum, k) => sum + this.written(k), 0));
  }

  /** A row the rules lack, as its parent's total may take it: the score written, when it is one. */
  private writtenExtra(code: string): number {
    const s = parseScore(this.byCode.get(code)?.selfScore);
    return s.ok ? s.value : 0;
  }

  /** What the totals count for a row: valid self-scores; survey, excused and invalid rows give 0. */
  private counted(n: CriterionEntry): number {
    if (this.excused.has(n.code)) return 0;
    if (!n.isLeaf) return n.childEntries.reduce((s, k) => s + this.counted(k), 0);
    if (n.scoredBy === 'survey') return 0;
    const s = parseScore(this.byCode.of(n)?.selfScore);
    return s.ok && isValidScore(n, s.value) ? s.value : 0;
  }

  /**
   * A row's score as a total over it may take it: a leaf that carries its own error with
   * what was entered; a parent by its rows, never by the total it shows, so a wrong typed
   * total below does not excuse a wrong one above (every wrong typed total is reported).
   */
  private written(n: CriterionEntry): number {
    if (this.excused.has(n.code)) return 0;
    const a = this.byCode.of(n);
    const kids = n.childEntries;
    if (!n.isLeaf) {
      const extra = this.extraRows.get(n.code) ?? NO_ROWS;
      return this.isExactSum(kids, a, extra) ? kids.reduce((sum, k) => sum + this.excelValue(k), 0) : this.writtenSum(kids, extra);
    }
    const s = parseScore(a?.selfScore);
    if (!s.ok) return 0;
    return n.scoredBy === 'survey' || !isValidScore(n, s.value) ? s.value : this.counted(n);
  }

  /** What Excel's SUM takes from a cell: numbers only (text is skipped); exact sums recomputed. */
  private excelValue(n: CriterionEntry): number {
    const a = this.byCode.of(n);
    const kids = n.childEntries;
    if (!n.isLeaf && this.isExactSum(kids, a)) return kids.reduce((s, k) => s + this.excelValue(k), 0);
    return typeof a?.selfScore === 'number' ? a.selfScore : 0;
  }
}

/** No extra rows under a parent: one shared empty list, not one made per parent row. */
const NO_ROWS: readonly string[] = [];

/** An appraised score (first or final appraisal) against its row: a number, not negative, within the maximum. */
export function checkAppraised(n: CriterionEntry, v: CellValue | undefined, at: (field: FindingColumn) => Place, field: 'appraisedScore' | 'finalScore' = 'appraisedScore'): Finding | undefined {
  const s = parseScore(v);
  if (!s.ok && s.reason === 'empty') return undefined;
  const max = n.node.maxPoints;
  const reason = !s.ok
    ? { vi: 'không phải là số', en: 'not a number' }
    : s.value < 0
      ? { vi: 'điểm âm', en: 'negative' }
      : s.value > max + EPS
        ? { vi: `vượt điểm tối đa ${formatNumber(max)}`, en: `above the maximum ${formatNumber(max, 'en')}` }
        : undefined;
  return reason ? finding('APPRAISED_INVALID', { value: cellText(v), reason: reason.vi, reasonEn: reason.en }, at(field)) : undefined;
}

/** A cell value as a message shows it: numbers stay numbers (written `1,5` in Vietnamese). */
function shown(v: CellValue | undefined): string | number {
  const s = parseScore(v);
  return s.ok ? s.value : cellText(v);
}

function round4(n: number): number {
  return Math.round(n * 10000) / 10000;
}

export interface UnitContext {
  period: Period;
  /** ISO date of today: evidence dated later is flagged. */
  today: string;
  /** The sheet's grand total row, checked against the fields. */
  grandTotal?: SheetTotal;
  /** Rows of the sheet the rules lack, by their parent's normalised code (see validateScores). */
  extraRows?: ReadonlyMap<string, readonly string[]>;
}

/**
 * Everything a unit's workbook is checked for: scores over the tree, then the evidence
 * of each self-scored leaf, then documents cited for several criteria. Every finding
 * carries the answer's row and the field it concerns. Rows excused as "Không áp dụng"
 * are out of the denominator and carry no error. A sheet without an evidence column gets
 * one finding for it, not one per scored row.
 */
export function validateUnit(index: CriteriaLookup, answers: Answer[], ctx: UnitContext): Finding[] {
  return unitFindings(index, answers, new RuleAnswers(index, answers), ctx);
}

/** validateUnit on the answers by code the caller has already made. */
function unitFindings(index: CriteriaLookup, answers: Answer[], byCode: RuleAnswers, ctx: UnitContext): Finding[] {
  const excused = notApplicableCodes(index, byCode);
  const out = scoreFindings(index, byCode, excused, ctx.grandTotal, ctx.extraRows);
  const evidenceColumn = answers.length === 0 || answers.some((a) => a.evidence !== undefined);
  const unevidenced: string[] = [];
  // `field` here is the criterion's field (lĩnh vực): sharing across fields is what is reported.
  const shared = new SharedDocuments();
  const evidenceCtx = {
    period: ctx.period,
    today: ctx.today,
    ...(index.set.evidenceWindow ? { window: index.set.evidenceWindow } : {}),
    ...(index.set.year > 0 ? { year: index.set.year } : {}),
  };

  for (const n of index.nodes) {
    if (!n.first || !n.isLeaf || n.scoredBy !== 'self' || excused.has(n.code)) continue;
    const a = byCode.of(n);
    if (!a) continue;
    const score = parseScore(a.selfScore);
    const evidence = cellText(a.evidence);
    // Built key by key: spreading optional parts costs more than the rest of a row's check.
    const row: EvidenceRow = { code: n.code, evidence, explanation: cellText(a.explanation), requiredKinds: n.requiredKinds };
    if (score.ok) row.score = score.value;
    if (n.node.evidenceWindow) row.window = n.node.evidenceWindow;
    // Parsed once for both checks.
    const parsed = evidence.trim() === '' ? undefined : parseEvidence(evidence);
    const found = validateEvidence(row, evidenceCtx, parsed);
    for (const f of found) {
      if (!evidenceColumn && f.code === 'EVIDENCE_MISSING') unevidenced.push(n.code);
      else out.push(placed(f, a.row ?? n.node.row, 'evidence'));
    }
    if (parsed !== undefined && parsed.refs.length > 0) shared.add({ code: n.code, field: n.fieldCode, refs: parsed.refs });
  }
  if (unevidenced.length > 0) {
    out.push(finding('EVIDENCE_COLUMN_MISSING', { count: unevidenced.length, criteria: listed(unevidenced) }, { field: 'evidence' }));
  }

  const rowOf = (code: string | undefined) => {
    const c = code === undefined ? undefined : normalizeCode(code);
    return c === undefined ? undefined : (byCode.get(c)?.row ?? index.byCode.get(c)?.node.row);
  };
  out.push(...shared.findings().map((f) => placed(f, rowOf(f.criterion), 'evidence')));
  out.push(...checkRowLinks(answers, index));
  return out;
}

/** The rules a unit's sheet is checked and totalled by: the reference's on the sheet's rows, else the sheet's own. */
export function rulesFor(sheet: CriteriaSet, reference: CriteriaSet | undefined): CriteriaSet {
  return reference ? withSheetRows(reference, indexSheet(sheet)) : sheet;
}

/** The reference's rules on a sheet's rows, and the sheet's rows the reference lacks (rowsNotIn). */
interface SheetRules {
  index: CriteriaLookup;
  extraRows: Map<string, string[]>;
}

/** A sheet's tree as its rules depend on it: each node's code, parent and row, in document order. */
interface SheetShape {
  codes: readonly string[];
  parents: readonly (string | undefined)[];
  rows: readonly (number | undefined)[];
}

/** The rules kept per reference: those of the last sheet validated, with that sheet's shape. */
const RULES = new WeakMap<CriteriaSet, SheetRules & { shape: SheetShape }>();

/**
 * `lookupCriteria(rulesFor(sheet, reference))` and the sheet's extra rows, made once per
 * reference while the sheets put its rows on the same sheet rows (every workbook of a
 * province made from one template, the pane validating after each edit). Sets are data:
 * never changed once read.
 */
function lookupRules(sheet: SheetIndex, reference: CriteriaSet): SheetRules {
  const kept = RULES.get(reference);
  if (kept && sameShape(kept.shape, sheet)) return kept;
  const index = lookupCriteria(withSheetRows(reference, sheet));
  const rules = { index, extraRows: rowsNotIn(sheet, index), shape: { codes: sheet.codes, parents: sheet.parents, rows: sheet.nodes.map((n) => n.row) } };
  RULES.set(reference, rules);
  return rules;
}

/**
 * The same codes, parents and rows node by node: then the rows by code (what the rules
 * take) and the rows the reference lacks are the same. Compared in order, which needs no
 * map of the codes; a sheet with its rows in another order merely makes the rules again.
 */
function sameShape(kept: SheetShape, sheet: SheetIndex): boolean {
  const { codes, parents, nodes } = sheet;
  if (kept.codes.length !== codes.length) return false;
  for (let i = 0; i < codes.length; i++) {
    if (kept.codes[i] !== codes[i] || kept.parents[i] !== parents[i] || kept.rows[i] !== nodes[i].row) return false;
  }
  return true;
}

export interface SheetContext {
  /** The reference set (JSON or master template): its rules apply to the sheet's rows. */
  reference?: CriteriaSet;
  today: string;
  grandTotal?: SheetTotal;
  /** The sheet's indexSheet, when the caller has made it for its own checks too. */
  sheetIndex?: SheetIndex;
}

/**
 * A unit's sheet checked as a whole. With a reference, every rule of the reference applies
 * to the sheet's rows even where the sheet lacks the column carrying it, and rows the sheet
 * lacks are left to the comparison (CRITERION_MISSING), not reported again here. Without
 * one, the sheet's own rules apply and its maximums must add up (SET_SUM_MISMATCH).
 */
export function validateSheet(sheet: CriteriaSet, answers: Answer[], ctx: SheetContext): Finding[] {
  if (!ctx.reference) {
    const index = lookupCriteria(sheet);
    const unit = { period: sheet.period, today: ctx.today, ...(ctx.grandTotal ? { grandTotal: ctx.grandTotal } : {}) };
    return [...maxSumFindings(index), ...validateUnit(index, answers, unit)];
  }
  const { index, extraRows } = lookupRules(ctx.sheetIndex ?? indexSheet(sheet), ctx.reference);
  const unit = { period: index.set.period, today: ctx.today, ...(ctx.grandTotal ? { grandTotal: ctx.grandTotal } : {}) };
  // Every answer's code is a key: the codes present in the sheet.
  const byCode = new RuleAnswers(index, answers);
  return unitFindings(index, answers, byCode, extraRows.size > 0 ? { ...unit, extraRows } : unit).filter(
    (f) => f.criterion === undefined || byCode.get(normalizeCode(f.criterion)) !== undefined,
  );
}

/**
 * The sheet's rows the reference lacks, by their parent's code: each is the comparison's
 * CRITERION_UNEXPECTED, and a parent's total that counts it is right (validateScores).
 */
function rowsNotIn(sheet: SheetIndex, index: CriteriaLookup): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const { codes, parents } = sheet;
  for (let i = 0; i < codes.length; i++) {
    const parent = parents[i];
    // A field the reference lacks has no parent whose total could count it.
    if (parent === undefined || index.byCode.has(codes[i])) continue;
    const under = out.get(parent);
    if (under) under.push(codes[i]);
    else out.set(parent, [codes[i]]);
  }
  return out;
}

/** Codes for a message: the first ten, then how many more. */
function listed(codes: readonly string[]): string {
  return codes.length <= 10 ? codes.join(', ') : `${codes.slice(0, 10).join(', ')}, … (+${codes.length - 10})`;
}

/** Adds the row and field a finding lacks. */
function placed(f: Finding, row: number | undefined, field: FindingColumn): Finding {
  return { ...f, field: f.field ?? field, ...(f.row === undefined && row !== undefined ? { row } : {}) };
}
