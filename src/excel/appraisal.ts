/**
 * What the appraisal round trip needs of Excel beyond answers and whole sheets: rows
 * appended below a log sheet's last used row, in one Excel.run per user action (the log
 * is never rewritten), and a request
 * workbook opened as a new workbook (Excel.createWorkbook, ExcelApi 1.8).
 */
import type { WriteValue } from '../workbook/grid';
import type { SheetSpec } from '../workbook/spec';
import { specProblem } from '../workbook/specCheck';
import type { ExcelRun, SetSupportCheck, XlContext, XlWorksheet } from './api';
import { chunkBlocks, DEFAULT_BUDGET_BYTES } from './chunks';
import { wrapOfficeError } from './errors';
import { applyLayout } from './spec';
import { officeIsSetSupported, supports } from './support';
import { planPieces, writeChunks, type WriteOptions } from './write';

/** The last 1-based row of an address such as `Nhật ký!A1:G12` or `A1`. */
export function lastRowOf(address: string): number {
  const m = /\$?[A-Z]{1,3}\$?(\d+)(?::\$?[A-Z]{1,3}\$?(\d+))?$/i.exec(address);
  if (!m) throw new Error(`Không đọc được địa chỉ vùng "${address}" / Cannot read the range address "${address}"`);
  return Number(m[2] ?? m[1]);
}

export interface AppendOptions extends WriteOptions {
  /** Number formats by column (0-based) of the appended rows: a date serial shows as a date. */
  formats?: readonly (string | undefined)[];
}

/** The appended rows' number formats, queued with their values (no sync of its own). */
function formatRows(ws: XlWorksheet, top: number, count: number, formats: readonly (string | undefined)[]): void {
  if (count === 0) return;
  formats.forEach((format, col) => {
    if (format !== undefined) ws.getRangeByIndexes(top, col, count, 1).numberFormat = Array.from({ length: count }, () => [format]);
  });
}

/**
 * Appends `rows` below the last used row of the sheet `sheet.name`, creating the sheet from
 * `sheet` (its header and layout) first when the workbook lacks it. Cells already there are
 * never written. Returns the 1-based row of the first appended row (0 when `rows` is empty).
 *
 * One Excel.run per call, whatever the number of rows (more syncs only past one request's
 * budget): look up the sheet (1); then either its used range (1), the rows (1) and events
 * back on (1), or, for a new sheet, the sheet with its header, layout and the rows (1)
 * and events back on (1). A new sheet a failure left half-written is deleted: the
 * workbook is then as it was.
 */
export async function appendRows(run: ExcelRun, sheet: SheetSpec, rows: readonly WriteValue[][], opts: AppendOptions = {}): Promise<number> {
  const isSetSupported = opts.isSetSupported ?? officeIsSetSupported;
  // A header Excel would refuse is refused before the workbook is touched.
  const problem = specProblem({ sheets: [sheet] });
  if (problem) throw problem;
  const budget = opts.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  const eventsToggle = isSetSupported('ExcelApi', '1.8');
  try {
    return await run({ delayForCellEdit: true }, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet.name).load('name');
      await ctx.sync();
      const formats = opts.formats ?? [];
      if (ws.isNullObject) return await createWith(ctx, sheet, rows, { budget, eventsToggle, isSetSupported, formats });
      if (rows.length === 0) return 0;
      const used = ws.getUsedRangeOrNullObject(true).load('address');
      await ctx.sync();
      const first = used.isNullObject ? 0 : lastRowOf(used.address);
      const pieces = planPieces({ blocks: [{ sheet: sheet.name, row: first, col: 0, values: rows.map((r) => [...r]) }] });
      await writeChunks(ctx, chunkBlocks(pieces, budget), eventsToggle, { after: () => formatRows(ws, first, rows.length, formats) });
      return first + 1;
    });
  } catch (error) {
    throw wrapOfficeError(error);
  }
}

/** The sheet made from its spec with `rows` under the header, in the run that found it missing; deleted again on failure. */
async function createWith(
  ctx: XlContext,
  sheet: SheetSpec,
  rows: readonly WriteValue[][],
  o: { budget: number; eventsToggle: boolean; isSetSupported: SetSupportCheck; formats: readonly (string | undefined)[] },
): Promise<number> {
  const header = sheet.values.length;
  const values = [...sheet.values, ...rows].map((r) => [...r]);
  const pieces = planPieces({ blocks: [{ sheet: sheet.name, row: 0, col: 0, values }] });
  const can = { validation: supports('dataValidation', o.isSetSupported), print: supports('pageLayout', o.isSetSupported), filter: supports('autoFilter', o.isSetSupported) };
  try {
    await writeChunks(ctx, chunkBlocks(pieces, o.budget), o.eventsToggle, {
      before: (sheets) => sheets.set(sheet.name, ctx.workbook.worksheets.add(sheet.name)),
      after: (sheets) => {
        const ws = sheets.get(sheet.name) as XlWorksheet;
        applyLayout(ws, sheet, can);
        formatRows(ws, header, rows.length, o.formats);
      },
    });
  } catch (error) {
    // The sheet did not exist: whatever of it Excel made goes.
    try {
      const made = ctx.workbook.worksheets.getItemOrNullObject(sheet.name).load('name');
      await ctx.sync();
      if (!made.isNullObject) {
        made.delete();
        await ctx.sync();
      }
    } catch {
      // The first failure is the one to report.
    }
    throw error;
  }
  return rows.length === 0 ? 0 : header + 1;
}

/** Whether this Excel can open a workbook from bytes (Excel.createWorkbook, ExcelApi 1.8). */
export function canCreateWorkbook(isSetSupported: SetSupportCheck = officeIsSetSupported): boolean {
  return isSetSupported('ExcelApi', '1.8') && typeof (globalThis as { Excel?: { createWorkbook?: unknown } }).Excel?.createWorkbook === 'function';
}

/** Opens .xlsx bytes as a new workbook in Excel (a new window; nothing is saved until the officer saves it). */
export async function createWorkbook(bytes: Uint8Array): Promise<void> {
  try {
    await Excel.createWorkbook(toBase64(bytes));
  } catch (error) {
    throw wrapOfficeError(error);
  }
}

/** Base64 of bytes, in slices (String.fromCharCode takes a bounded argument list). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
