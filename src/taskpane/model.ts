/**
 * The pane's view model, pure: from a reading, its findings and its totals to a tree of
 * fields and criteria with a status each, the progress figures, navigation and search.
 */
import type { Answer, CellValue } from '../core/answers';
import { compareCodes, lookupCriteria, normalizeCode, type CriteriaLookup, type CriterionEntry } from '../core/criteriaSet';
import type { Finding } from '../core/findings';
import { parseDeclared, suggestScore } from '../core/method';
import { parseScore } from '../core/numbers';
import { normalizeText } from '../core/text';
import { computeTotals, type Totals } from '../core/totals';
import { computeGaps, recoverablePoints, type Gap } from '../core/targets';
import { notApplicableCodes, answersByCode } from '../core/validate';
import type { AnswerChange } from '../workbook/answers';
import { a1, type WriteValue } from '../workbook/grid';
import { validateReading, type UnitReading } from '../workbook/read';

export type Status = 'done' | 'error' | 'warning' | 'todo' | 'survey';

export interface TreeNode {
  code: string;
  name: string;
  /** 0 field, 1 criterion, 2+ sub-criterion. */
  depth: number;
  maxPoints: number;
  isLeaf: boolean;
  status: Status;
  /** Self-score counted by the totals (sum for a parent); absent when nothing entered. */
  score?: number;
  /** Findings on this row (not its descendants). */
  findings: Finding[];
  children: TreeNode[];
  row?: number;
}

export interface Progress {
  /** Self-scored leaves with a score entered (or excused as not applicable). */
  done: number;
  /** Every self-scored leaf. */
  total: number;
  score: number;
  applicableMax: number;
  errors: number;
  warnings: number;
}

export interface PaneModel {
  reading: UnitReading;
  index: CriteriaLookup;
  totals: Totals;
  findings: Finding[];
  tree: TreeNode[];
  /** Every node in document order (first occurrence of each code). */
  order: TreeNode[];
  byCode: Map<string, TreeNode>;
  progress: Progress;
}

/** SCORE_MISSING is a row still to do, not a problem to fix. */
const TODO_CODES = new Set(['SCORE_MISSING']);

function isProblem(f: Finding): boolean {
  return (f.severity === 'error' || f.severity === 'warning') && !TODO_CODES.has(f.code);
}

export function buildModel(reading: UnitReading, findings: Finding[]): PaneModel {
  const index = lookupCriteria(reading.set);
  const totals = computeTotals(index, reading.answers);
  const answers = answersByCode(reading.answers);
  const excused = notApplicableCodes(index, answers);
  const own = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.criterion === undefined) continue;
    const code = normalizeCode(f.criterion);
    own.set(code, [...(own.get(code) ?? []), f]);
  }
  const order: TreeNode[] = [];
  const byCode = new Map<string, TreeNode>();
  let done = 0;
  let total = 0;

  const visit = (n: CriterionEntry): TreeNode => {
    const children = (n.node.children ?? []).map((c) => visit(index.byNode.get(c) as CriterionEntry));
    const rowFindings = byCode.has(n.code) ? [] : (own.get(n.code) ?? []);
    let status: Status;
    if (n.isLeaf) {
      const entered = !isBlank(answers.get(n.code)?.selfScore);
      const selfScored = n.scoredBy === 'self';
      if (selfScored) {
        total++;
        if (entered || excused.has(n.code)) done++;
      }
      if (rowFindings.some((f) => f.severity === 'error')) status = 'error';
      else if (!selfScored) status = 'survey';
      else if (!entered && !excused.has(n.code)) status = 'todo';
      else if (rowFindings.some(isProblem)) status = 'warning';
      else status = 'done';
    } else {
      const all = [rowFindings.some((f) => f.severity === 'error') ? 'error' : rowFindings.some(isProblem) ? 'warning' : 'done', ...children.map((c) => c.status)];
      status = all.includes('error') ? 'error' : all.includes('todo') ? 'todo' : all.includes('warning') ? 'warning' : all.every((s) => s === 'survey') ? 'survey' : 'done';
    }
    const self = totals.byCode.get(n.code)?.self;
    const node: TreeNode = {
      code: n.code,
      name: n.node.name,
      depth: n.depth,
      maxPoints: n.node.maxPoints,
      isLeaf: n.isLeaf,
      status,
      ...(self !== undefined ? { score: self } : {}),
      findings: rowFindings,
      children,
      ...(n.node.row !== undefined ? { row: n.node.row } : {}),
    };
    if (!byCode.has(n.code)) byCode.set(n.code, node);
    return node;
  };
  // Children are visited before their parent is recorded; order must be document order.
  const tree = reading.set.fields.map((f) => visit(index.byNode.get(f) as CriterionEntry));
  const walk = (nodes: TreeNode[]): void => {
    for (const n of nodes) {
      if (byCode.get(n.code) === n) order.push(n);
      walk(n.children);
    }
  };
  walk(tree);
  return {
    reading,
    index,
    totals,
    findings,
    tree,
    order,
    byCode,
    progress: {
      done,
      total,
      score: totals.self,
      applicableMax: totals.applicableMax,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
    },
  };
}

function isBlank(v: CellValue | undefined): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

// ---------------------------------------------------------------------------
// Navigation and search

/** The next node after `from` (wrapping around) that satisfies `test`; `from` itself last. */
function nextWhere(model: PaneModel, from: string | undefined, test: (n: TreeNode) => boolean): TreeNode | undefined {
  const list = model.order;
  const start = from === undefined ? -1 : list.findIndex((n) => n.code === from);
  for (let k = 1; k <= list.length; k++) {
    const n = list[(start + k + list.length) % list.length];
    if (test(n)) return n;
  }
  return undefined;
}

/** The next self-scored leaf without a score. */
export function nextTodo(model: PaneModel, from?: string): TreeNode | undefined {
  return nextWhere(model, from, (n) => n.isLeaf && n.status === 'todo');
}

/** The next row with an error or a warning of its own (a missing score is a to-do, not a problem). */
export function nextProblem(model: PaneModel, from?: string): TreeNode | undefined {
  return nextWhere(model, from, (n) => n.findings.some(isProblem));
}

/**
 * Codes matching a query: a code ("1.2", "II", "1.2." typed with a dot) matches itself and
 * everything below it; words match names regardless of diacritics, case and order.
 */
export function search(model: PaneModel, query: string): string[] {
  const q = normalizeText(query);
  if (q === '') return [];
  const code = normalizeCode(query.trim()).toLowerCase();
  const words = q.split(' ');
  const byCode = (n: TreeNode): boolean => {
    if (n.code.toLowerCase() === code) return true;
    const parent = model.index.byCode.get(n.code)?.parent;
    return parent !== undefined && byCode(model.byCode.get(parent) as TreeNode);
  };
  return model.order
    .filter((n) => {
      if (byCode(n)) return true;
      const name = normalizeText(n.name);
      return words.every((w) => name.includes(w));
    })
    .map((n) => n.code);
}

/** The codes from the fields down to `code` (to expand the tree onto it). */
export function ancestorsOf(model: PaneModel, code: string): string[] {
  const out: string[] = [];
  let n = model.index.byCode.get(code);
  while (n?.parent !== undefined) {
    out.unshift(n.parent);
    n = model.index.byCode.get(n.parent);
  }
  return out;
}

/** The criterion on a 1-based sheet row, if any. */
export function codeAtRow(reading: UnitReading, row: number): string | undefined {
  return reading.rows.find((r) => r.row === row)?.code;
}

// ---------------------------------------------------------------------------
// Local edits

const CHANGE_KEYS = ['selfScore', 'declared', 'evidence', 'explanation', 'appraisedScore', 'appraisalReason', 'finalScore', 'finalReason'] as const;

function toCell(v: WriteValue): CellValue {
  return v !== null && typeof v === 'object' ? null : v;
}

/** The reading as it will be once `changes` are written: answers replaced, nothing else. */
export function applyChanges(reading: UnitReading, changes: readonly AnswerChange[]): UnitReading {
  if (changes.length === 0) return reading;
  const answers: Answer[] = reading.answers.map((a) => ({ ...a }));
  const byCode = new Map(answers.map((a) => [normalizeCode(a.code), a]));
  for (const change of changes) {
    const a = byCode.get(normalizeCode(change.code));
    if (!a) continue;
    for (const key of CHANGE_KEYS) {
      const v = change[key];
      if (v !== undefined) a[key] = toCell(v);
    }
  }
  return { ...reading, answers };
}

/** Merges changes to the same row, later fields winning. */
export function mergeChanges(changes: readonly AnswerChange[]): AnswerChange[] {
  const out = new Map<string, AnswerChange>();
  for (const c of changes) {
    const code = normalizeCode(c.code);
    out.set(code, { ...out.get(code), ...c, code });
  }
  return [...out.values()];
}

/**
 * The errors a typed score would raise on its row (above max, negative, not a number,
 * not a level of the method, survey row), found by the real validation of the reading
 * with that score in place. Empty means the score may be written.
 */
export function scoreErrors(reading: UnitReading, code: string, value: WriteValue, today: string): Finding[] {
  const c = normalizeCode(code);
  return validateReading(applyChanges(reading, [{ code: c, selfScore: value }]), { today }).filter(
    (f) => f.severity === 'error' && f.field === 'selfScore' && f.criterion !== undefined && normalizeCode(f.criterion) === c,
  );
}

/** A typed score as the value to write: a number when it reads as one ("1,5"), null when blank, else the text. */
export function scoreInput(text: string): WriteValue {
  const t = text.trim();
  if (t === '') return null;
  const s = parseScore(t);
  return s.ok ? s.value : t;
}

/** The score the method suggests for the row's declared figure. */
export function suggestedScore(model: PaneModel, code: string): number | undefined {
  const n = model.index.byCode.get(code);
  const a = model.reading.answers.find((x) => normalizeCode(x.code) === code);
  if (!n || !a || a.declared === undefined) return undefined;
  return suggestScore(n.method, parseDeclared(a.declared));
}

// ---------------------------------------------------------------------------
// Targets

export interface FieldTarget {
  code: string;
  name: string;
  target: number;
  current: number;
}

export interface TargetsView {
  gaps: Gap[];
  recoverable: Gap[];
  byField: FieldTarget[];
}

/** Targets from the sheet's last-year column (or a given baseline), against the current scores. */
export function targetsOf(model: PaneModel, baseline?: Map<string, number>): TargetsView {
  const previous = new Map<string, number>(baseline ?? []);
  if (!baseline) {
    for (const a of model.reading.answers) {
      const s = parseScore(a.previousScore);
      if (s.ok) previous.set(normalizeCode(a.code), s.value);
    }
  }
  const current = new Map<string, number>();
  for (const [code, t] of model.totals.byCode) if (t.final !== undefined) current.set(code, t.final);
  const gaps = computeGaps(model.index, previous, current);
  const fields = new Map<string, FieldTarget>();
  for (const g of gaps) {
    const f = fields.get(g.fieldCode) ?? { code: g.fieldCode, name: model.index.byCode.get(g.fieldCode)?.node.name ?? g.fieldCode, target: 0, current: 0 };
    f.target = round4(f.target + g.target);
    f.current = round4(f.current + (g.current ?? 0));
    fields.set(g.fieldCode, f);
  }
  return { gaps, recoverable: recoverablePoints(gaps), byField: [...fields.values()].sort((a, b) => compareCodes(a.code, b.code)) };
}

function round4(n: number): number {
  return Math.round(n * 10000) / 10000;
}

/** The A1 cells a batch of changes writes, in order. */
export function cellsOf(reading: UnitReading, changes: readonly AnswerChange[]): string[] {
  const out: string[] = [];
  for (const c of changes) {
    const row = reading.rowOf.get(normalizeCode(c.code));
    if (row === undefined) continue;
    for (const key of CHANGE_KEYS) {
      const col = reading.layout.columns[key];
      if (c[key] !== undefined && col !== undefined) out.push(a1(row - 1, col));
    }
  }
  return out;
}

export interface TargetGap {
  /** Points still missing to reach every row's target (sum of the gaps). */
  gap: number;
  /** Points still to win on the rows below their maximum. */
  recoverable: number;
  year: number | undefined;
}

/** The header's summary of the targets; undefined without last year's results. */
export function targetGap(model: PaneModel, baseline?: Map<string, number>): TargetGap | undefined {
  const view = targetsOf(model, baseline);
  if (view.gaps.length === 0) return undefined;
  const sum = (xs: number[]) => round4(xs.reduce((a, b) => a + b, 0));
  const year = model.reading.meta.year ?? (model.reading.set.year || undefined);
  return { gap: sum(view.gaps.map((g) => g.gap)), recoverable: sum(view.recoverable.map((g) => g.recoverable)), year };
}
