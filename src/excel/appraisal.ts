/**
 * What the appraisal round trip needs of Excel beyond answers and whole sheets: rows
 * appended below a log sheet's last used row (the log is never rewritten), and a request
 * workbook opened as a new workbook (Excel.createWorkbook, ExcelApi 1.8).
 */
import type { WriteValue } from '../workbook/grid';
import type { SheetSpec } from '../workbook/spec';
import type { ExcelRun, SetSupportCheck } from './api';
import { chunkBlocks, DEFAULT_BUDGET_BYTES } from './chunks';
import { wrapOfficeError } from './errors';
import { writeSpec } from './spec';
import { officeIsSetSupported } from './support';
import { planPieces, writeChunks, type WriteOptions } from './write';

/** The last 1-based row of an address such as `Nhật ký!A1:G12` or `A1`. */
export function lastRowOf(address: string): number {
  const m = /\$?[A-Z]{1,3}\$?(\d+)(?::\$?[A-Z]{1,3}\$?(\d+))?$/i.exec(address);
  if (!m) throw new Error(`Không đọc được địa chỉ vùng "${address}" / Cannot read the range address "${address}"`);
  return Number(m[2] ?? m[1]);
}

/**
 * Appends `rows` below the last used row of the sheet `sheet.name`, creating the sheet from
 * `sheet` (its header) first when the workbook lacks it. Cells already there are never
 * written. Returns the 1-based row of the first appended row.
 */
export async function appendRows(run: ExcelRun, sheet: SheetSpec, rows: readonly WriteValue[][], opts: WriteOptions = {}): Promise<number> {
  const isSetSupported = opts.isSetSupported ?? officeIsSetSupported;
  try {
    const exists = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet.name).load('name');
      await ctx.sync();
      return !ws.isNullObject;
    });
    if (!exists) await writeSpec(run, { sheets: [sheet] }, { isSetSupported });
    if (rows.length === 0) return 0;
    return await run({ delayForCellEdit: true }, async (ctx) => {
      const used = ctx.workbook.worksheets.getItem(sheet.name).getUsedRangeOrNullObject(true).load('address');
      await ctx.sync();
      const first = used.isNullObject ? 0 : lastRowOf(used.address);
      const pieces = planPieces({ blocks: [{ sheet: sheet.name, row: first, col: 0, values: rows.map((r) => [...r]) }] });
      await writeChunks(ctx, chunkBlocks(pieces, opts.budgetBytes ?? DEFAULT_BUDGET_BYTES), isSetSupported('ExcelApi', '1.8'));
      return first + 1;
    });
  } catch (error) {
    throw wrapOfficeError(error);
  }
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
