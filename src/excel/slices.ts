/**
 * Planning reads under Excel on the web's 5 MB response cap: what a read returns is the
 * JSON of its matrices, so a request is sized by cell count times a conservative size
 * per cell, and a sheet too large for one response is read in slices of whole rows.
 */

/**
 * Estimated response bytes of one cell read as values + formulas + numberFormat. A
 * realistic form row (codes, criteria texts, scores, evidence) averages 60-90 bytes a
 * cell; 120 leaves room for long Vietnamese explanations (2-3 bytes a letter, sent twice).
 */
export const READ_CELL_BYTES = 120;
/** Excel's cap on cells in one read, whatever their size. */
export const READ_CELL_CAP = 5_000_000;

/** Rows still to read of one sheet (0-based sheet index), from row `from`, `cols` wide from column A. */
export interface PendingRows {
  sheet: number;
  from: number;
  rows: number;
  cols: number;
}

export interface RowSlice {
  sheet: number;
  top: number;
  rows: number;
  cols: number;
}

/** Cells one request may ask for under a byte budget. */
export function cellsPerRequest(budgetBytes: number): number {
  return Math.max(1, Math.min(READ_CELL_CAP, Math.floor(budgetBytes / READ_CELL_BYTES)));
}

/**
 * Cuts the pending rows into slices of whole rows and groups them into requests of at
 * most `cellsPerSync` cells, in sheet and row order. A single row wider than the
 * allowance goes alone (Excel then decides).
 */
export function planSlices(pending: readonly PendingRows[], cellsPerSync: number): RowSlice[][] {
  const requests: RowSlice[][] = [];
  let current: RowSlice[] = [];
  let used = 0;
  for (const p of pending) {
    const end = p.from + p.rows;
    let top = p.from;
    while (top < end) {
      const fit = Math.floor((cellsPerSync - used) / p.cols);
      if (fit < 1 && current.length > 0) {
        requests.push(current);
        current = [];
        used = 0;
        continue;
      }
      const rows = Math.min(end - top, Math.max(fit, 1));
      current.push({ sheet: p.sheet, top, rows, cols: p.cols });
      used += rows * p.cols;
      top += rows;
    }
  }
  if (current.length > 0) requests.push(current);
  return requests;
}
