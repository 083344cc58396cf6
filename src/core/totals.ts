/**
 * A unit's totals: points per field and overall, the maximum it can reach and the index
 * (%) the province publishes.
 *
 * - Leaves carry the scores; a parent is the sum of its children (a total typed in the
 *   sheet is checked by validateScores, never used here).
 * - Invalid scores (text, error values, outside 0..max, not a level of the method)
 *   count as 0.
 * - A row declared "Không áp dụng" where the set allows it, and everything below it,
 *   scores nothing and leaves the applicable maximum.
 * - Survey rows (điều tra xã hội học) count in the maximum and the applicable maximum;
 *   the unit cannot score them, so they give 0 points until the survey result arrives,
 *   entered as the row's appraised score.
 * - Bonus rows (Điểm cộng) add points but no maximum, so the index may pass 100.
 * - The appraised figure of a row is its final appraisal (thẩm định lần 2) where given,
 *   else its first appraisal; `final` (what ranks) is that, else the self-score.
 */
import type { Answer } from './answers';
import { fieldsOf, type CriteriaLookup, type CriterionEntry } from './criteriaSet';
import { parseScore } from './numbers';
import { answersByCode, isValidScore, notApplicableCodes } from './validate';

export interface CodeTotals {
  /** Self-score counted; absent when nothing was entered (or the row is a survey row). */
  self?: number;
  /** Appraised score counted; absent when none was entered. */
  appraised?: number;
  /** Appraised where present, else self. */
  final?: number;
  applicableMax: number;
  notApplicable: boolean;
}

export interface FieldTotals {
  code: string;
  name: string;
  self: number;
  appraised?: number;
  final: number;
  max: number;
  applicableMax: number;
}

export interface Totals {
  self: number;
  /** Present only when some appraised score was entered. */
  appraised?: number;
  final: number;
  max: number;
  applicableMax: number;
  /** final / applicableMax * 100, 2 decimals; 0 when nothing is applicable. */
  index: number;
  byField: FieldTotals[];
  byCode: Map<string, CodeTotals>;
}

interface NodeTotals extends CodeTotals {
  max: number;
}

export function computeTotals(index: CriteriaLookup, answers: Answer[]): Totals {
  const byAnswer = answersByCode(answers);
  const excused = notApplicableCodes(index, byAnswer);
  const byCode = new Map<string, CodeTotals>();

  const visit = (n: CriterionEntry): NodeTotals => {
    const na = excused.has(n.code);
    const t = n.isLeaf ? leafTotals(n, byAnswer.get(n.code), na) : sumOf(n.childEntries.map(visit), na);
    if (!byCode.has(n.code)) byCode.set(n.code, publicTotals(t));
    return t;
  };

  const byField: FieldTotals[] = fieldsOf(index).map((f) => {
    const t = visit(f);
    return {
      code: f.code,
      name: f.node.name,
      self: t.self ?? 0,
      ...(t.appraised !== undefined ? { appraised: t.appraised } : {}),
      final: t.final ?? 0,
      max: t.max,
      applicableMax: t.applicableMax,
    };
  });

  const sum = (pick: (f: FieldTotals) => number | undefined) => round4(byField.reduce((s, f) => s + (pick(f) ?? 0), 0));
  const anyAppraised = byField.some((f) => f.appraised !== undefined);
  const final = sum((f) => f.final);
  const applicableMax = sum((f) => f.applicableMax);
  return {
    self: sum((f) => f.self),
    ...(anyAppraised ? { appraised: sum((f) => f.appraised) } : {}),
    final,
    max: sum((f) => f.max),
    applicableMax,
    index: applicableMax > 0 ? Math.round((final / applicableMax) * 100 * 100) / 100 : 0,
    byField,
    byCode,
  };
}

function leafTotals(n: CriterionEntry, a: Answer | undefined, notApplicable: boolean): NodeTotals {
  const max = n.bonus ? 0 : n.node.maxPoints;
  if (notApplicable) return { applicableMax: 0, notApplicable, max };
  const s = parseScore(a?.selfScore);
  const self = n.scoredBy === 'survey' || (!s.ok && s.reason === 'empty') ? undefined : s.ok && isValidScore(n, s.value) ? s.value : 0;
  // The final appraisal (thẩm định lần 2), where given, takes precedence over the first.
  const f = parseScore(a?.finalScore);
  const p = !f.ok && f.reason === 'empty' ? parseScore(a?.appraisedScore) : f;
  const appraised = !p.ok && p.reason === 'empty' ? undefined : p.ok && p.value >= 0 && p.value <= n.node.maxPoints ? p.value : 0;
  return totalsOf(self, appraised, appraised ?? self, max, notApplicable, max);
}

/** The totals object, keys in one order (and no key for an absent figure): built for every row of every file. */
function totalsOf(self: number | undefined, appraised: number | undefined, final: number | undefined, applicableMax: number, notApplicable: boolean, max: number): NodeTotals {
  const t = {} as NodeTotals;
  if (self !== undefined) t.self = self;
  if (appraised !== undefined) t.appraised = appraised;
  if (final !== undefined) t.final = final;
  t.applicableMax = applicableMax;
  t.notApplicable = notApplicable;
  t.max = max;
  return t;
}

/** A node's totals without the internal maximum. */
function publicTotals(t: NodeTotals): CodeTotals {
  const pub = {} as CodeTotals;
  if (t.self !== undefined) pub.self = t.self;
  if (t.appraised !== undefined) pub.appraised = t.appraised;
  if (t.final !== undefined) pub.final = t.final;
  pub.applicableMax = t.applicableMax;
  pub.notApplicable = t.notApplicable;
  return pub;
}

function sumOf(kids: NodeTotals[], notApplicable: boolean): NodeTotals {
  // Sums of the present values, left to right from 0; undefined when none is present.
  let self: number | undefined;
  let appraised: number | undefined;
  let final: number | undefined;
  let applicableMax = 0;
  let max = 0;
  for (const k of kids) {
    if (k.self !== undefined) self = (self ?? 0) + k.self;
    if (k.appraised !== undefined) appraised = (appraised ?? 0) + k.appraised;
    if (k.final !== undefined) final = (final ?? 0) + k.final;
    applicableMax += k.applicableMax;
    max += k.max;
  }
  const r = (v: number | undefined) => (v === undefined ? undefined : round4(v));
  return totalsOf(r(self), r(appraised), r(final), kids.length === 0 ? 0 : round4(applicableMax), notApplicable, kids.length === 0 ? 0 : round4(max));
}

function round4(n: number): number {
  return Math.round(n * 10000) / 10000;
}
