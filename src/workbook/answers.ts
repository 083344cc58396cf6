/**
 * Planning the cells to write for a unit's answers: exactly the cells named, grouped
 * into one block per run of vertically adjacent cells of a column, nothing else.
 */
import { normalizeCode } from '../core/criteriaSet';
import { flattenSet, type CriterionNode } from '../core/criteria';
import { COLUMN_LABELS, type ColumnKey } from './columns';
import { WorkbookError } from './errors';
import type { BlockWrite, WritePlan, WriteValue } from './grid';
import type { UnitReading } from './read';

/** What the task pane changes on one row. Strings are written as text, never as formulas. */
export interface AnswerChange {
  code: string;
  selfScore?: WriteValue;
  declared?: WriteValue;
  evidence?: string;
  explanation?: string;
  appraisedScore?: WriteValue;
  appraisalReason?: string;
  /** Thẩm định lần 2. */
  finalScore?: WriteValue;
  finalReason?: string;
}

const CHANGE_KEYS = ['selfScore', 'declared', 'evidence', 'explanation', 'appraisedScore', 'appraisalReason', 'finalScore', 'finalReason'] as const;
/** A parent row's score is the sum of its children (often a formula): never overwritten. */
const SUMMED: ColumnKey[] = ['selfScore', 'appraisedScore', 'finalScore'];

/**
 * Throws a WorkbookError for a code that is not in the sheet, a column the layout lacks,
 * or a score on a row that has sub-criteria. When a change names a cell twice, the last wins.
 */
export function planAnswers(reading: UnitReading, changes: readonly AnswerChange[]): WritePlan {
  const nodes = new Map<string, CriterionNode>(flattenSet(reading.set).map((n) => [n.code, n]));
  // column -> row (0-based) -> value
  const cells = new Map<number, Map<number, WriteValue>>();
  for (const change of changes) {
    const code = normalizeCode(change.code);
    const row = reading.rowOf.get(code);
    if (row === undefined) throw new WorkbookError('CODE_NOT_IN_SHEET', { code, sheet: reading.sheet });
    for (const key of CHANGE_KEYS) {
      const value = change[key];
      if (value === undefined) continue;
      const col = reading.layout.columns[key];
      if (col === undefined) throw new WorkbookError('COLUMN_MISSING', { code, sheet: reading.sheet, column: COLUMN_LABELS[key].vi });
      if (SUMMED.includes(key) && (nodes.get(code)?.children?.length ?? 0) > 0) throw new WorkbookError('PARENT_ROW', { code });
      const byRow = cells.get(col) ?? new Map<number, WriteValue>();
      byRow.set(row - 1, value);
      cells.set(col, byRow);
    }
  }
  const blocks: BlockWrite[] = [];
  for (const [col, byRow] of [...cells].sort((a, b) => a[0] - b[0])) {
    const rows = [...byRow.keys()].sort((a, b) => a - b);
    let block: BlockWrite | undefined;
    for (const r of rows) {
      if (block && block.row + block.values.length === r) block.values.push([byRow.get(r) as WriteValue]);
      else {
        block = { sheet: reading.sheet, row: r, col, values: [[byRow.get(r) as WriteValue]] };
        blocks.push(block);
      }
    }
  }
  return { blocks };
}
