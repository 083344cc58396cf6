/**
 * The criteria set (bộ tiêu chí): a tree of fields (lĩnh vực) > criteria (tiêu chí, TC)
 * > sub-criteria (tiêu chí thành phần, TCTP). Sets are data: a province issues its own
 * every year, so nothing here names a particular criterion.
 */

/** Unit levels a set applies to: sở/ban/ngành, UBND cấp huyện, UBND cấp xã. */
export type UnitLevel = 'so' | 'huyen' | 'xa';
export const UNIT_LEVELS: readonly UnitLevel[] = ['so', 'huyen', 'xa'];

/** Who scores a row: the unit itself (tự đánh giá) or the sociological survey (điều tra xã hội học). */
export type ScoredBy = 'self' | 'survey';

/** One node of the tree as stored in a criteria-set JSON file or read from a workbook. */
export interface CriterionNode {
  /** `I`, `1`, `1.1`, `1.1.1` (no trailing dot). */
  code: string;
  name: string;
  maxPoints: number;
  /** Scoring method (cách tính điểm), the original Vietnamese text. */
  method?: string;
  /** Evidence requirement (các yêu cầu và tài liệu kiểm chứng), the original text. */
  evidence?: string;
  /** Defaults to 'self'; a survey row is never self-scored. */
  scoredBy?: ScoredBy;
  /** Whether "Không áp dụng" may be declared for this row (its max then leaves the denominator). */
  notApplicableAllowed?: boolean;
  /** A bonus section (Điểm cộng): counted in the total, not in the maximum. */
  bonus?: boolean;
  children?: CriterionNode[];
  /** This criterion's own evidence window, key by key over the set's. */
  evidenceWindow?: EvidenceWindow;
  /** 1-based sheet row when the set was read from a workbook (for messages). */
  row?: number;
}

/** Assessment period: ISO dates, inclusive. Evidence dated outside it is flagged. */
export interface Period {
  from: string;
  to: string;
}

/**
 * How far outside the assessment period evidence may be dated, as offices work: the plan
 * for year N is issued in the last weeks of N-1, the report on year N early in N+1.
 */
export interface EvidenceWindow {
  /** Days before the period a document may be dated when its own text names the assessment year (accepted with an info finding). */
  daysBefore?: number;
  /** Days after the period a document may be dated when its text names no other year. */
  daysAfter?: number;
}

/** The window of a set that gives none. */
export const DEFAULT_EVIDENCE_WINDOW: Required<EvidenceWindow> = { daysBefore: 31, daysAfter: 31 };

export interface CriteriaSet {
  id: string;
  title: string;
  year: number;
  levels: UnitLevel[];
  version: string;
  /** The decision that issued it, e.g. "Quyết định 905/QĐ-UBND" (or "mẫu" for a sample). */
  source: string;
  period: Period;
  /** True when the set is a sample made for trying the product, not an official table. */
  sample?: boolean;
  note?: string;
  /** The evidence window of every criterion that sets none (DEFAULT_EVIDENCE_WINDOW when absent). */
  evidenceWindow?: EvidenceWindow;
  fields: CriterionNode[];
}

/** A node of the tree with its place: depth 0 for a field, its parent node when it has one. */
export interface FlatCriterion {
  node: CriterionNode;
  depth: number;
  parent?: CriterionNode;
}

/** Every node of the set in document order: the one walk of the tree, for whoever needs a list. */
export function flattenCriteria(set: CriteriaSet): FlatCriterion[] {
  const out: FlatCriterion[] = [];
  for (const field of set.fields) flatWalk(field, 0, undefined, out);
  return out;
}

// Module-level walks, not closures: validation runs them over every row of 5,000-row sheets.
function flatWalk(node: CriterionNode, depth: number, parent: CriterionNode | undefined, out: FlatCriterion[]): void {
  out.push(parent ? { node, depth, parent } : { node, depth });
  if (node.children) for (const child of node.children) flatWalk(child, depth + 1, node, out);
}

/** The nodes alone, in document order. */
export function flattenSet(set: CriteriaSet): CriterionNode[] {
  const out: CriterionNode[] = [];
  for (const field of set.fields) nodeWalk(field, out);
  return out;
}

function nodeWalk(node: CriterionNode, out: CriterionNode[]): void {
  out.push(node);
  if (node.children) for (const child of node.children) nodeWalk(child, out);
}
