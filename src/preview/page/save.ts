/**
 * "Lưu tệp": the opened file's own bytes with the officer's changed cells written by the
 * surgical writer (src/xlsx/surgical.ts), so only those cells differ from the file they
 * opened; offered as a download under the same name. Runs entirely in the page.
 */
import type { WritePlan } from '../../workbook/grid';
import { applyPlanSurgically } from '../../xlsx/surgical';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The saved workbook's bytes; a plan the file cannot take throws a PlanError with a bilingual message. */
export async function savedBytes(original: Uint8Array, plan: WritePlan, fileName: string): Promise<Uint8Array> {
  const { data } = await applyPlanSurgically(Buffer.from(original), plan, fileName);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export function offerDownload(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the blob once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
