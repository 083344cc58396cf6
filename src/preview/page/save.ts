/**
 * "Lưu tệp": the opened file's own bytes with the officer's changed cells written by the
 * surgical writer (src/xlsx/surgical.ts), so only those cells differ from the file they
 * opened. Runs entirely in the page; loaded on the first save (its own chunk).
 */
import type { WritePlan } from '../../workbook/grid';
import { applyPlanSurgically } from '../../xlsx/surgical';

/** The saved workbook's bytes; a plan the file cannot take throws a PlanError with a bilingual message. */
export async function savedBytes(original: Uint8Array, plan: WritePlan, fileName: string): Promise<Uint8Array> {
  const { data } = await applyPlanSurgically(Buffer.from(original), plan, fileName);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
