/**
 * Reads an .xlsx file into grids of cell values (src/workbook/grid.ts). The file is read
 * into memory once and never written; buffer.ts does the reading (no node API there).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { FileUnreadableError } from './errors';
import { readWorkbookBuffer, type FileWorkbookGrid } from './buffer';

export { formatDate, loadWorkbook, readWorkbookBuffer, type FileSheetGrid, type FileWorkbookGrid } from './buffer';

export async function readWorkbookFile(path: string): Promise<FileWorkbookGrid> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    throw new FileUnreadableError(basename(path), 'io', (e as NodeJS.ErrnoException).code ?? String(e));
  }
  return readWorkbookBuffer(buf, basename(path));
}
