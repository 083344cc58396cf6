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
 */
import type { Answer } from './answers';
import { childrenOf, fieldsOf, type CriteriaIndex, type IndexedCriterion } from './criteriaSet';
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

export function computeTotals(index: CriteriaIndex, answers: Answer[]): Totals {
  const byAnswer = answersByCode(answers);
  const excused = notApplicableCodes(index, byAnswer);
  const byCode = new Map<string, CodeTotals>();

  const visit = (n: IndexedCriterion): NodeTotals => {
    const na = excused.has(n.code);
    const t = n.isLeaf ? leafTotals(n, byAnswer.get(n.code), na) : sumOf(childrenOf(index, n).map(visit), na);
    const { max: _max, ...pub } = t;
    if (!byCode.has(n.code)) byCode.set(n.code, pub);
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

function leafTotals(n: IndexedCriterion, a: Answer | undefined, notApplicable: boolean): NodeTotals {
  const max = n.bonus ? 0 : n.node.maxPoints;
  if (notApplicable) return { applicableMax: 0, notApplicable, max };
  const s = parseScore(a?.selfScore);
  const self = n.scoredBy === 'survey' || (!s.ok && s.reason === 'empty') ? undefined : s.ok && isValidScore(n, s.value) ? s.value : 0;
  const p = parseScore(a?.appraisedScore);
  const appraised = !p.ok && p.reason === 'empty' ? undefined : p.ok && p.value >= 0 && p.value <= n.node.maxPoints ? p.value : 0;
  const final = appraised ?? self;
  return {
    ...(self !== undefined ? { self } : {}),
    ...(appraised !== undefined ? { appraised } : {}),
    ...(final !== undefined ? { final } : {}),
    applicableMax: max,
    notApplicable,
    max,
  };
}

function sumOf(kids: NodeTotals[], notApplicable: boolean): NodeTotals {
  const add = (pick: (t: NodeTotals) => number | undefined): number | undefined => {
    const present = kids.map(pick).filter((v): v is number => v !== undefined);
    return present.length === 0 ? undefined : round4(present.reduce((s, v) => s + v, 0));
  };
  const self = add((t) => t.self);
  const appraised = add((t) => t.appraised);
  const final = add((t) => t.final);
  return {
    ...(self !== undefined ? { self } : {}),
    ...(appraised !== undefined ? { appraised } : {}),
    ...(final !== undefined ? { final } : {}),
    applicableMax: add((t) => t.applicableMax) ?? 0,
    notApplicable,
    max: add((t) => t.max) ?? 0,
  };
}

function round4(n: number): number {
  return Math.round(n * 10000) / 10000;
}
