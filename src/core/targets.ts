/**
 * Targets and gaps of Kế hoạch 386/KH-UBND (Bắc Kạn, 07/6/2024): from each 2023 result,
 * the 2024 target and how far a unit still is from it.
 * - PAR INDEX criteria at maximum keep the maximum (Phụ lục 1); those below aim for
 *   the next achievable value above last year's (Phụ lục 2).
 * - SIPAS rates: at least 10% above last year (Phụ lục 3); the plan does not say
 *   whether percentage points or relative, so both are offered and outputs name the one used.
 * - PAPI sub-dimensions: at least 0.1 point above last year (Phụ lục 4).
 * Every figure is rounded to 4 decimals.
 */
import { compareCodes, type CriteriaLookup, type CriterionEntry } from './criteriaSet';
import type { Lang } from './format';
import { nextAllowedAbove } from './method';

const EPS = 1e-9;

export type TargetRule = 'keep-max' | 'raise';

export function parTarget(node: CriterionEntry, previous: number): { target: number; rule: TargetRule } {
  const max = node.node.maxPoints;
  if (previous >= max - EPS) return { target: round4(max), rule: 'keep-max' };
  const next = nextAllowedAbove(node.method.allowed, previous, max);
  return { target: round4(next ?? max), rule: 'raise' };
}

export interface Gap {
  code: string;
  name: string;
  fieldCode: string;
  max: number;
  previous: number;
  target: number;
  rule: TargetRule;
  /** This year's score (appraised once it exists, else self); absent before scoring. */
  current?: number;
  /** max(0, target - current); current counts as 0 while absent. */
  gap: number;
  /** max - current: points still to be won on the row. */
  recoverable: number;
}

/** Gaps of the self-scored leaves that have a previous result, in document order. */
export function computeGaps(index: CriteriaLookup, previous: Map<string, number>, current: Map<string, number>): Gap[] {
  const out: Gap[] = [];
  for (const n of index.nodes) {
    if (!n.isLeaf || n.scoredBy !== 'self' || index.byCode.get(n.code) !== n) continue;
    const prev = previous.get(n.code);
    if (prev === undefined) continue;
    const { target, rule } = parTarget(n, prev);
    const cur = current.get(n.code);
    const now = cur ?? 0;
    out.push({
      code: n.code,
      name: n.node.name,
      fieldCode: n.fieldCode,
      max: n.node.maxPoints,
      previous: prev,
      target,
      rule,
      ...(cur !== undefined ? { current: cur } : {}),
      gap: round4(Math.max(0, target - now)),
      recoverable: round4(Math.max(0, n.node.maxPoints - now)),
    });
  }
  return out;
}

/** Rows with points still to win, the most first (equal ones in code order). */
export function recoverablePoints(gaps: readonly Gap[]): Gap[] {
  return gaps.filter((g) => g.recoverable > 0).sort((a, b) => b.recoverable - a.recoverable || compareCodes(a.code, b.code));
}

// ---------------------------------------------------------------------------
// SIPAS and PAPI

export type SipasMode = 'points' | 'relative';

/** How the "10% higher" of the plan is read; every output that shows a SIPAS target shows this. */
export const SIPAS_MODE_LABEL: Record<SipasMode, Record<Lang, string>> = {
  points: {
    vi: 'cộng thêm điểm phần trăm vào tỷ lệ năm trước (ví dụ 75% → 85%)',
    en: 'percentage points added to last year\'s rate (e.g. 75% → 85%)',
  },
  relative: {
    vi: 'tăng tương đối so với tỷ lệ năm trước (ví dụ 75% → 82,5%)',
    en: 'relative increase over last year\'s rate (e.g. 75% → 82.5%)',
  },
};

/** A satisfaction rate (%) target, never above 100. */
export function sipasTarget(previousRate: number, mode: SipasMode, increase = 10): number {
  const raised = mode === 'points' ? previousRate + increase : previousRate * (1 + increase / 100);
  return round4(Math.min(100, raised));
}

/** A PAPI sub-dimension target: last year's score plus at least `increase` points. */
export function papiTarget(previous: number, increase = 0.1): number {
  return round4(previous + increase);
}

// ---------------------------------------------------------------------------
// Plan tracking (the four appendices of the plan)

export interface PlanItem {
  index: 'PAR' | 'SIPAS' | 'PAPI';
  /** Phụ lục 1 (PAR at max), 2 (PAR below max), 3 (SIPAS), 4 (PAPI). */
  appendix: 1 | 2 | 3 | 4;
  code: string;
  name: string;
  /** Đơn vị chủ trì. */
  leadUnit: string;
  previous: number;
  target: number;
  latest?: number;
  /** The previous value, and so the target, is made up (data/targets: `sample: true`). */
  sample?: boolean;
}

export type PlanStatus = 'achieved' | 'not-yet' | 'no-data';

/** Gap to target from the latest result; without one, from last year's. */
export function planStatus(item: PlanItem): { gap: number; status: PlanStatus } {
  const from = item.latest ?? item.previous;
  const gap = round4(Math.max(0, item.target - from));
  if (item.latest === undefined) return { gap, status: 'no-data' };
  return { gap, status: item.latest >= item.target - EPS ? 'achieved' : 'not-yet' };
}

function round4(n: number): number {
  return Math.round(n * 10000) / 10000;
}
