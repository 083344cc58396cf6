/**
 * The message that reads a document register's .xlsx (issue 16, "Đối chiếu sổ văn bản")
 * off the pane's main thread: bytes in, the sheets' cell values out. The pane reads the
 * grids with src/workbook/register.ts; the file is never sent anywhere. Free of any worker
 * API so node tests drive it on real .xlsx bytes (register.worker.ts is the shell).
 */
import { message } from '../core/findings';
import type { WorkbookGrid } from '../workbook/grid';
import { readWorkbookBuffer } from '../xlsx/buffer';
import { FileUnreadableError } from '../xlsx/errors';

/** The register file chosen in the pane: its name (for messages) and its bytes (transferred). */
export interface RegisterGridsRequest {
  type: 'registerGrids';
  name: string;
  bytes: ArrayBuffer;
}

export type RegisterGridsMessage =
  /** Values only (no formulas or links): what a register is read from, and half the clone. */
  | { type: 'grids'; name: string; grid: WorkbookGrid }
  | { type: 'failed'; name: string; error: { vi: string; en: string } };

export async function readRegisterGrids(req: RegisterGridsRequest): Promise<RegisterGridsMessage> {
  try {
    const read = await readWorkbookBuffer(new Uint8Array(req.bytes), req.name);
    const sheets = read.sheets.map((s) => ({
      name: s.name,
      values: s.values,
      ...(s.merges ? { merges: s.merges } : {}),
      ...(s.visibility ? { visibility: s.visibility } : {}),
    }));
    return { type: 'grids', name: req.name, grid: { sheets } };
  } catch (e) {
    if (e instanceof FileUnreadableError) {
      return { type: 'failed', name: req.name, error: { vi: message(e.toFinding('vi'), 'vi'), en: message(e.toFinding('en'), 'en') } };
    }
    const text = e instanceof Error ? e.message : String(e);
    return { type: 'failed', name: req.name, error: { vi: `Không đọc được tệp "${req.name}": ${text}`, en: `Cannot read file "${req.name}": ${text}` } };
  }
}
