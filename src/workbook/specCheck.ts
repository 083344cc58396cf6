/**
 * Checks a WorkbookSpec before any writer touches a workbook: every range, width and
 * sheet name must be one Excel accepts. Office.js reports a bad argument only as
 * "The argument is invalid" somewhere in a batch, after earlier operations of the batch
 * have run; checked here first, the failure names the sheet and the operation and the
 * workbook stays as it was.
 */
import { a1, type CellRange } from './grid';
import { WorkbookError } from './errors';
import type { WorkbookSpec } from './spec';

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

const valid = (r: CellRange) =>
  [r.top, r.left, r.bottom, r.right].every(Number.isInteger) && r.top >= 0 && r.left >= 0 && r.top <= r.bottom && r.left <= r.right && r.bottom < MAX_ROWS && r.right < MAX_COLS;

const shown = (r: CellRange) => (r.top >= 0 && r.left >= 0 ? `${a1(r.top, r.left)}:${a1(Math.max(r.bottom, 0), Math.max(r.right, 0))}` : JSON.stringify(r));

/** The first problem of the spec as a WorkbookError (SPEC_INVALID), or undefined when Excel can take it all. */
export function specProblem(spec: WorkbookSpec): WorkbookError | undefined {
  const names = new Set<string>();
  for (const s of spec.sheets) {
    const bad = (operation: string, range: string) => new WorkbookError('SPEC_INVALID', { sheet: s.name, operation, range });
    if (s.name.trim() === '' || s.name.length > 31 || /[[\]:*?/\\]/.test(s.name) || names.has(s.name.toLowerCase())) return bad('worksheets.add', s.name);
    names.add(s.name.toLowerCase());
    const ranges: [string, CellRange][] = [
      ...(s.styles ?? []).map((r): [string, CellRange] => ['format', r.range]),
      ...(s.merges ?? []).map((r): [string, CellRange] => ['merge', r]),
      ...(s.validations ?? []).map((v): [string, CellRange] => ['dataValidation', v.range]),
      ...(s.charts ?? []).flatMap((c): [string, CellRange][] => [['charts.add', c.values], ['setXAxisValues', c.categories]]),
      ...(s.print?.printArea ? [['setPrintArea', s.print.printArea] as [string, CellRange]] : []),
      ...(s.autoFilter ? [['autoFilter.apply', s.autoFilter] as [string, CellRange]] : []),
    ];
    for (const [operation, r] of ranges) if (!valid(r)) return bad(operation, shown(r));
    const width = (s.columnWidths ?? []).findIndex((w) => !(Number.isFinite(w) && w >= 0 && w <= 255));
    if (width >= 0) return bad('columnWidth', a1(0, width).replace(/\d+$/, ''));
    const height = Object.entries(s.rowHeights ?? {}).find(([row, h]) => !(Number.isInteger(Number(row)) && Number(row) >= 0 && Number.isFinite(h) && h >= 0 && h <= 409));
    if (height) return bad('rowHeight', String(Number(height[0]) + 1));
    if (s.freeze && (s.freeze.rows < 0 || s.freeze.cols < 0)) return bad('freezePanes', `${s.freeze.rows},${s.freeze.cols}`);
  }
  return undefined;
}
