/**
 * The criteria-set linter: what an author of a set (Sở Nội vụ) must fix before units
 * use it. Like pyxform for XLSForms, it names the row and the criterion of each problem.
 */
import type { CriteriaSet } from './criteria';
import { lookupCriteria, isRomanCode, isWellFormedCode, type CriteriaLookup, type CriterionEntry } from './criteriaSet';
import { finding, type Finding } from './findings';

const EPS = 1e-6;

export function lintCriteriaSet(set: CriteriaSet): Finding[] {
  const index = lookupCriteria(set);
  const parentOf = new Map<CriterionEntry, CriterionEntry>();
  for (const n of index.nodes) for (const c of n.childEntries) parentOf.set(c, n);
  const at = (n: CriterionEntry) => ({ criterion: n.code, ...(n.node.row !== undefined ? { row: n.node.row } : {}) });
  const out: Finding[] = [];

  index.nodes.forEach((n) => {
    const parent = parentOf.get(n);
    if (!codeFitsParent(n.code, parent?.code)) {
      out.push(finding('CODE_MALFORMED', { code: n.code, parent: parent?.code ?? '—' }, { ...at(n), field: 'code' }));
    }
    if (!n.isLeaf) {
      const sum = childrenMaxSum(n);
      if (Math.abs(sum - n.node.maxPoints) > EPS) {
        out.push(finding('SET_SUM_MISMATCH', { max: n.node.maxPoints, sum: round4(sum) }, { ...at(n), field: 'maxPoints' }));
      }
    } else if (n.scoredBy === 'self' && (n.node.method ?? '').trim() === '') {
      out.push(finding('METHOD_MISSING', {}, { ...at(n), field: 'method' }));
    }
  });

  out.push(...duplicates(index.nodes));
  // METHOD_MISSING already says a method is absent: the parser's "unreadable" note would repeat it.
  for (const f of index.findings) {
    const n = index.byCode.get(f.criterion ?? '');
    if (f.code === 'METHOD_UNPARSED' && n && (n.node.method ?? '').trim() === '') continue;
    out.push({ ...f, field: f.field ?? 'method' });
  }
  return out;
}

/**
 * The parents whose maximum is not the sum of their children's: the linter's rule, also
 * run on a unit's sheet checked without a reference (an edited or deleted row shows there).
 */
export function maxSumFindings(index: CriteriaLookup): Finding[] {
  const out: Finding[] = [];
  for (const n of index.nodes) {
    if (n.isLeaf || index.byCode.get(n.code) !== n) continue;
    const sum = childrenMaxSum(n);
    if (Math.abs(sum - n.node.maxPoints) > EPS) {
      const row = n.node.row !== undefined ? { row: n.node.row } : {};
      out.push(finding('SET_SUM_MISMATCH', { max: n.node.maxPoints, sum: round4(sum) }, { criterion: n.code, field: 'maxPoints', ...row }));
    }
  }
  return out;
}

/** Bonus children add points beyond the parent's maximum, unless the parent is the bonus section. */
function childrenMaxSum(n: CriterionEntry): number {
  return n.childEntries
    .filter((k) => n.bonus || !k.bonus)
    .reduce((s, k) => s + k.node.maxPoints, 0);
}

/**
 * Fields are `I` or `1`; below a Roman field come `1`, `2`; below an arabic code `p`
 * come `p.1`, `p.2`.
 */
function codeFitsParent(code: string, parent: string | undefined): boolean {
  if (!isWellFormedCode(code)) return false;
  if (parent === undefined) return isRomanCode(code) || /^\d+$/.test(code);
  if (isRomanCode(parent)) return /^\d+$/.test(code);
  return !isRomanCode(code) && code.startsWith(`${parent}.`) && /^\d+$/.test(code.slice(parent.length + 1));
}

/**
 * One finding per repeated code, on its second row, listing every row it is on; when
 * some of them carry no sheet row (a JSON set), positions in document order stand for rows.
 */
function duplicates(nodes: CriterionEntry[]): Finding[] {
  const seen = new Map<string, { position: number; n: CriterionEntry }[]>();
  nodes.forEach((n, i) => seen.set(n.code, [...(seen.get(n.code) ?? []), { position: i + 1, n }]));
  const out: Finding[] = [];
  for (const [code, same] of seen) {
    if (same.length < 2) continue;
    const allRows = same.every((s) => s.n.node.row !== undefined);
    const rows = same.map((s) => (allRows ? s.n.node.row : s.position)).join(', ');
    const second = same[1].n.node;
    out.push(
      finding('DUPLICATE_CODE', { code, rows }, {
        criterion: code,
        field: 'code',
        ...(second.row !== undefined ? { row: second.row } : {}),
      }),
    );
  }
  return out;
}

function round4(n: number): number {
  return Math.round(n * 10000) / 10000;
}
