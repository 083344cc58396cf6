/**
 * "Lưu tệp": the opened file's own bytes with the officer's changed cells written by the
 * surgical writer (src/xlsx/surgical.ts), and the sheets the pane added or made again
 * carried in whole from the workbook as exceljs writes it, so every other part is the file
 * they opened. A blank workbook made in the page is written whole. Runs entirely in the
 * page; loaded on the first save (its own chunk).
 */
import type ExcelJS from 'exceljs';
import type { WritePlan } from '../../workbook/grid';
import { applyPlanSurgically } from '../../xlsx/surgical';

const bytesOf = (data: Buffer | ArrayBuffer) => (data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength));

/** The saved workbook's bytes; what the file cannot take throws a PlanError with a bilingual message. */
export async function savedBytes(original: Uint8Array, plan: WritePlan, fileName: string, whole: { workbook: ExcelJS.Workbook; sheets: string[] }): Promise<Uint8Array> {
  const donor = whole.sheets.length > 0 ? Buffer.from(await whole.workbook.xlsx.writeBuffer()) : undefined;
  const copies = donor ? { donor, sheets: whole.sheets } : undefined;
  const { data } = await applyPlanSurgically(Buffer.from(original), plan, fileName, copies);
  return bytesOf(data);
}

/** The whole workbook as exceljs writes it; Excel recomputes its formulas on open. */
export async function wholeBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  workbook.calcProperties.fullCalcOnLoad = true;
  return bytesOf((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
