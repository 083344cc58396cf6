/**
 * Score validation (điểm tự đánh giá, điểm thẩm định) row by row and over the tree, and
 * the whole unit's check: scores, then evidence.
 */
import { cellText, type Answer, type CellValue } from './answers';
import type { CriteriaIndex, IndexedCriterion } from './criteriaSet';
import { childrenOf, normalizeCode } from './criteriaSet';
import type { Period } from './criteria';
import { findSharedDocuments, validateEvidence } from './evidence';
import { finding, type Finding, type FindingField } from './findings';
import { formatNumber } from './format';
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

/**
 * Codes excused from scoring: declared "Không áp dụng" where the set allows it, and
 * everything below such a row.
 */
export function notApplicableCodes(index: CriteriaIndex, byCode: Map<string, Answer>): Set<string> {
  const out = new Set<string>();
  for (const n of index.nodes) {
    const own = n.node.notApplicableAllowed === true && declaresNotApplicable(byCode.get(n.code));
    if (own || (n.parent !== undefined && out.has(n.parent))) out.add(n.code);
  }
  return out;
}

function declaresNotApplicable(a: Answer | undefined): boolean {
  return a?.declared !== undefined && parseDeclared(a.declared).kind === 'notApplicable';
}

/** Whether a parsed score is one the row may take: 0..max and a level of its method. */
export function isValidScore(n: IndexedCriterion, value: number): boolean {
  return value >= 0 && value <= n.node.maxPoints + EPS && isAllowedScore(n.method.allowed, value);
}

export function validateScores(index: CriteriaIndex, answers: Answer[]): Finding[] {
  const byCode = answersByCode(answers);
  const excused = notApplicableCodes(index, byCode);
  const out: Finding[] = [];

  for (const n of index.nodes) {
    if (index.byCode.get(n.code) !== n) continue; // a duplicated code is the linter's finding
    const a = byCode.get(n.code);
    const row = a?.row ?? n.node.row;
    const at = (field: FindingField) => ({ criterion: n.code, field, ...(row !== undefined ? { row } : {}) });

    if (declaresNotApplicable(a) && n.node.notApplicableAllowed !== true) {
      out.push(finding('NOT_APPLICABLE_NOT_ALLOWED', {}, at('declared')));
    }
    out.push(...checkAppraised(n, a?.appraisedScore, at('appraisedScore')));

    const score = parseScore(a?.selfScore);
    if (n.scoredBy === 'survey' && n.isLeaf) {
      if (score.ok || score.reason !== 'empty') out.push(finding('SURVEY_ROW_SCORED', { value: shown(a?.selfScore) }, at('selfScore')));
      continue;
    }
    if (!score.ok) {
      if (score.reason !== 'empty') out.push(finding('SCORE_NOT_NUMBER', { value: cellText(a?.selfScore) }, at('selfScore')));
      // A blank bonus row just means no bonus was earned.
      else if (n.isLeaf && !n.bonus && !excused.has(n.code)) out.push(finding('SCORE_MISSING', {}, at('selfScore')));
      continue;
    }
    // Accepted here, but Excel's SUM skips text: the parent totals in the sheet under-count.
    if (typeof a?.selfScore === 'string') {
      out.push(finding('SCORE_TYPED_AS_TEXT', { value: a.selfScore.trim(), number: score.value }, at('selfScore')));
    }
    if (!n.isLeaf) {
      const sum = childrenSum(n, index, byCode, excused);
      if (Math.abs(sum - score.value) > EPS) out.push(finding('TOTAL_MISMATCH', { total: score.value, sum: round4(sum) }, at('selfScore')));
      continue;
    }
    const max = n.node.maxPoints;
    if (score.value < 0) out.push(finding('SCORE_NEGATIVE', { value: score.value, max }, at('selfScore')));
    else if (score.value > max + EPS) out.push(finding('SCORE_ABOVE_MAX', { value: score.value, max }, at('selfScore')));
    else if (!isAllowedScore(n.method.allowed, score.value)) {
      const allowed = { allowed: describeAllowed(n.method.allowed, 'vi'), allowedEn: describeAllowed(n.method.allowed, 'en') };
      out.push(finding('SCORE_NOT_ALLOWED', { value: score.value, ...allowed }, at('selfScore')));
    } else if (a?.declared !== undefined && !excused.has(n.code)) {
      const suggested = suggestScore(n.method, parseDeclared(a.declared));
      if (suggested !== undefined && Math.abs(suggested - score.value) > EPS) {
        out.push(finding('SCORE_DIFFERS_FROM_DECLARED', { declared: cellText(a.declared), suggested, value: score.value }, at('selfScore')));
      }
    }
  }
  return out;
}

/**
 * What a sum formula over the children would give: each child's entered value, or for
 * a child parent left blank its own children's sum; excused and unreadable rows give 0.
 */
function childrenSum(n: IndexedCriterion, index: CriteriaIndex, byCode: Map<string, Answer>, excused: Set<string>): number {
  let sum = 0;
  for (const child of childrenOf(index, n)) {
    if (excused.has(child.code)) continue;
    const s = parseScore(byCode.get(child.code)?.selfScore);
    if (s.ok) sum += s.value;
    else if (!child.isLeaf && s.reason === 'empty') sum += childrenSum(child, index, byCode, excused);
  }
  return sum;
}

function checkAppraised(n: IndexedCriterion, v: CellValue | undefined, at: Omit<Finding, 'code' | 'params' | 'severity'>): Finding[] {
  const s = parseScore(v);
  if (!s.ok && s.reason === 'empty') return [];
  const max = n.node.maxPoints;
  const reason = !s.ok
    ? { vi: 'không phải là số', en: 'not a number' }
    : s.value < 0
      ? { vi: 'điểm âm', en: 'negative' }
      : s.value > max + EPS
        ? { vi: `vượt điểm tối đa ${formatNumber(max)}`, en: `above the maximum ${formatNumber(max, 'en')}` }
        : undefined;
  return reason ? [finding('APPRAISED_INVALID', { value: cellText(v), reason: reason.vi, reasonEn: reason.en }, at)] : [];
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
}

/**
 * Everything a unit's workbook is checked for: scores over the tree, then the evidence
 * of each self-scored leaf, then documents cited for several criteria. Every finding
 * carries the answer's row and the field it concerns.
 */
export function validateUnit(index: CriteriaIndex, answers: Answer[], ctx: UnitContext): Finding[] {
  const byCode = answersByCode(answers);
  const out = validateScores(index, answers);
  // `field` here is the criterion's field (lĩnh vực): sharing across fields is what is reported.
  const shared: { code: string; field: string; evidence: string }[] = [];

  for (const n of index.nodes) {
    if (index.byCode.get(n.code) !== n || !n.isLeaf || n.scoredBy !== 'self') continue;
    const a = byCode.get(n.code);
    if (!a) continue;
    const score = parseScore(a.selfScore);
    const evidence = cellText(a.evidence);
    const found = validateEvidence(
      {
        code: n.code,
        ...(score.ok ? { score: score.value } : {}),
        evidence,
        explanation: cellText(a.explanation),
        requiredKinds: n.requiredKinds,
      },
      { period: ctx.period, today: ctx.today },
    );
    out.push(...found.map((f) => placed(f, a.row ?? n.node.row, 'evidence')));
    if (evidence !== '') shared.push({ code: n.code, field: n.fieldCode, evidence });
  }

  const rowOf = (code: string | undefined) => {
    const c = code === undefined ? undefined : normalizeCode(code);
    return c === undefined ? undefined : (byCode.get(c)?.row ?? index.byCode.get(c)?.node.row);
  };
  out.push(...findSharedDocuments(shared).map((f) => placed(f, rowOf(f.criterion), 'evidence')));
  return out;
}

/** Adds the row and field a finding lacks. */
function placed(f: Finding, row: number | undefined, field: FindingField): Finding {
  return { ...f, field: f.field ?? field, ...(f.row === undefined && row !== undefined ? { row } : {}) };
}
