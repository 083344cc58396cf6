/**
 * Writing cell values to the open workbook: one Excel.run, events off and calculation
 * suspended while writing, one sync per chunk of at most ~4.5 MB, then one sync to turn
 * events back on. A normal set of answers is therefore 2 syncs.
 */
import type { WritePlan } from '../workbook/grid';
import type { ExcelRun, SetSupportCheck, XlContext, XlWorksheet } from './api';
import { toExcelInput, type ExcelInput } from './cells';
import { chunkBlocks, DEFAULT_BUDGET_BYTES, type Piece } from './chunks';
import { wrapOfficeError } from './errors';
import { officeIsSetSupported } from './support';

export interface WriteOptions {
  isSetSupported?: SetSupportCheck;
  /** Bytes per request; tests lower it to force chunking. */
  budgetBytes?: number;
}

export interface WriteResult {
  syncs: number;
  chunks: number;
}

/** Grid blocks as rectangular Office.js input; short rows are padded with null (cell left unchanged). */
export function planPieces(plan: WritePlan): Piece[] {
  return plan.blocks
    .filter((b) => b.values.length > 0)
    .map((b) => {
      const width = Math.max(...b.values.map((r) => r.length));
      const values: ExcelInput[][] = b.values.map((r) => {
        const row: ExcelInput[] = r.map(toExcelInput);
        while (row.length < width) row.push(null);
        return row;
      });
      return { sheet: b.sheet, row: b.row, col: b.col, values };
    })
    .filter((p) => p.values[0].length > 0);
}

/** Worksheet proxies by name, so each sheet is looked up once per run. */
export type SheetCache = Map<string, XlWorksheet>;

export interface WriteHooks {
  /** Queued before the first chunk's values (shares its sync), e.g. creating sheets. */
  before?: (sheets: SheetCache) => void;
  /** Queued after the last chunk's values (shares its sync), e.g. formats over them. */
  after?: (sheets: SheetCache) => void;
}

/**
 * Queues the pieces of each chunk and syncs once per chunk. Events are disabled
 * (ExcelApi 1.8) for the whole run and re-enabled in a final sync, even after a failure.
 */
export async function writeChunks(ctx: XlContext, chunks: Piece[][], eventsToggle: boolean, hooks: WriteHooks = {}): Promise<number> {
  const sheets: SheetCache = new Map();
  const sheet = (name: string): XlWorksheet => {
    let ws = sheets.get(name);
    if (!ws) {
      ws = ctx.workbook.worksheets.getItem(name);
      sheets.set(name, ws);
    }
    return ws;
  };
  let syncs = 0;
  let failure: unknown;
  try {
    if (eventsToggle) ctx.runtime.enableEvents = false;
    hooks.before?.(sheets);
    const batches = chunks.length > 0 ? chunks : [[]];
    for (const [i, chunk] of batches.entries()) {
      ctx.application.suspendApiCalculationUntilNextSync();
      for (const piece of chunk) {
        sheet(piece.sheet).getRangeByIndexes(piece.row, piece.col, piece.values.length, piece.values[0].length).values =
          piece.values;
      }
      if (i === batches.length - 1) hooks.after?.(sheets);
      // One sync per chunk is the point: each request must stay under 5 MB.
      await ctx.sync();
      syncs++;
    }
  } catch (error) {
    failure = error;
  }
  if (eventsToggle) {
    ctx.runtime.enableEvents = true;
    try {
      await ctx.sync();
      syncs++;
    } catch (error) {
      if (failure === undefined) failure = error;
      else {
        const wrapped = wrapOfficeError(failure);
        wrapped.secondary = error;
        failure = wrapped;
      }
    }
  }
  if (failure !== undefined) throw wrapOfficeError(failure);
  return syncs;
}

/** Writes the plan's blocks; strings stay text, { formula } cells become formulas. */
export async function applyPlan(run: ExcelRun, plan: WritePlan, opts: WriteOptions = {}): Promise<WriteResult> {
  const chunks = chunkBlocks(planPieces(plan), opts.budgetBytes ?? DEFAULT_BUDGET_BYTES);
  if (chunks.length === 0) return { syncs: 0, chunks: 0 };
  const eventsToggle = (opts.isSetSupported ?? officeIsSetSupported)('ExcelApi', '1.8');
  try {
    const syncs = await run({ delayForCellEdit: true }, (ctx) => writeChunks(ctx, chunks, eventsToggle));
    return { syncs, chunks: chunks.length };
  } catch (error) {
    throw wrapOfficeError(error);
  }
}
