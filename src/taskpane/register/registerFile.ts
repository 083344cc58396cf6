/**
 * The register file the officer picks, read inside the pane and never sent anywhere:
 * its bytes through FileReader, a .csv decoded and made a grid here (src/workbook/csv.ts),
 * an .xlsx made grids in the register worker (src/worker/registerGrids.ts, which may use
 * the .xlsx reader the pane may not import), then the register read from the grids.
 */
import { csvToGrid, decodeCsvBytes } from '../../workbook/csv';
import type { WorkbookGrid } from '../../workbook/grid';
import { readRegister, type RegisterReading } from '../../workbook/register';
import type { RegisterGridsMessage, RegisterGridsRequest } from '../../worker/registerGrids';

/** What the view needs of the register worker: a fake stands in for it in tests. */
export interface RegisterWorker {
  onmessage: ((event: { data: RegisterGridsMessage }) => void) | null;
  /** The worker's script failed (did not load, or threw). */
  onerror: ((event: { message?: string }) => void) | null;
  postMessage(request: RegisterGridsRequest, transfer: Transferable[]): void;
  terminate(): void;
}

export type StartRegisterWorker = () => RegisterWorker;

export interface Bilingual {
  vi: string;
  en: string;
}

export type RegisterFileResult = { ok: true; reading: RegisterReading } | { ok: false; error: Bilingual };

export type RegisterFileKind = 'xlsx' | 'csv';

/** .xlsx or .csv by the name's ending; undefined for anything else (an .xls, a .docx). */
export function registerFileKind(name: string): RegisterFileKind | undefined {
  if (/\.xlsx$/i.test(name)) return 'xlsx';
  if (/\.(csv|txt)$/i.test(name)) return 'csv';
  return undefined;
}

/** The file's bytes, through FileReader (every WebView Office uses has it). */
export function readFileBytes(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsArrayBuffer(file);
  });
}

/** Posts the bytes to a register worker and waits for its grids; the worker is ended either way. */
export function gridsInWorker(name: string, bytes: ArrayBuffer, start: StartRegisterWorker): Promise<{ ok: true; grid: WorkbookGrid } | { ok: false; error: Bilingual }> {
  return new Promise((resolve) => {
    const w = start();
    w.onmessage = ({ data }) => {
      w.terminate();
      resolve(data.type === 'grids' ? { ok: true, grid: data.grid } : { ok: false, error: data.error });
    };
    w.onerror = (e) => {
      w.terminate();
      const why = e.message ?? '';
      resolve({ ok: false, error: { vi: `Không đọc được tệp "${name}": phần đọc tệp Excel không chạy được (${why}). Hãy tải lại phần bổ trợ rồi thử lại.`, en: `Cannot read file "${name}": the Excel file reader did not run (${why}). Reload the add-in and try again.` } });
    };
    w.postMessage({ type: 'registerGrids', name, bytes }, [bytes]);
  });
}

const wrongKind = (name: string): Bilingual => ({
  vi: `Tệp "${name}" không phải .xlsx hoặc .csv. Hãy xuất sổ đăng ký văn bản đi từ phần mềm quản lý văn bản ra Excel (.xlsx) hoặc CSV rồi chọn lại.`,
  en: `File "${name}" is not an .xlsx or a .csv. Export the register of outgoing documents from the document-management system to Excel (.xlsx) or CSV and choose it again.`,
});

const noTable = (name: string): Bilingual => ({
  vi: `Tệp "${name}" không có trang tính nào có dòng tiêu đề của sổ văn bản (cần ít nhất cột "Số, ký hiệu văn bản" và cột "Ngày tháng văn bản"). Hãy kiểm tra tệp là sổ đăng ký văn bản đi, hoặc sửa tiêu đề cột cho đúng.`,
  en: `File "${name}" has no sheet with a register header (at least a "Số, ký hiệu văn bản" column and a "Ngày tháng văn bản" column are needed). Check that the file is the register of outgoing documents, or correct its column headers.`,
});

/** Reads a chosen file as a register; the worker is started only for an .xlsx. */
export async function readRegisterFile(file: File, start: () => Promise<StartRegisterWorker>): Promise<RegisterFileResult> {
  const kind = registerFileKind(file.name);
  if (!kind) return { ok: false, error: wrongKind(file.name) };
  let bytes: ArrayBuffer;
  try {
    bytes = await readFileBytes(file);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { vi: `Không mở được tệp "${file.name}" (${why}). Hãy chọn lại tệp.`, en: `Cannot open file "${file.name}" (${why}). Choose the file again.` } };
  }
  let grid: WorkbookGrid;
  if (kind === 'csv') grid = csvToGrid(decodeCsvBytes(new Uint8Array(bytes)), { sheetName: file.name });
  else {
    const read = await gridsInWorker(file.name, bytes, await start());
    if (!read.ok) return read;
    grid = read.grid;
  }
  const reading = readRegister(grid, { file: file.name });
  if (reading.sheets.length === 0) return { ok: false, error: noTable(file.name) };
  return { ok: true, reading };
}
