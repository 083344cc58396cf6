/**
 * Reads .xlsx bytes into grids of cell values (src/workbook/grid.ts), as the Office.js
 * adapter would deliver them from the open workbook. No node API: the task pane's
 * consolidation worker runs this in the browser; read.ts adds reading from a path.
 * Reading streams the needed parts (stream.ts); exceljs' full model is loaded only to write,
 * and exceljs itself only then: reading never loads it (the pane's worker does not ship it).
 */
import type ExcelJS from 'exceljs';
import type { SheetGrid, WorkbookGrid } from '../workbook/grid';
import { FileUnreadableError } from './errors';
import { readXlsxStreaming } from './stream';
import { LIMITS, listZip, ZipError } from './zip';

export { formatDate } from './stream';

/** A sheet as read from a file: the shared contract, hyperlink targets included, and what was left out. */
export interface FileSheetGrid extends SheetGrid {
  /** Cells with a value far outside the data region (beyond a wide empty gap), left out of `values`. */
  outside?: { cells: number; first: string };
}

export interface FileWorkbookGrid extends WorkbookGrid {
  sheets: FileSheetGrid[];
}

/** `name` is the file name used in messages. */
export async function readWorkbookBuffer(input: Uint8Array | ArrayBuffer, name: string): Promise<FileWorkbookGrid> {
  const buf = checkMagic(input, name);
  return readXlsxStreaming(buf, name);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Loads a workbook with exceljs after checking what the bytes are, so that a .xls, a
 * password-protected file or a renamed text file gets its own message. Shared with write.ts.
 */
export async function loadWorkbook(input: Uint8Array | ArrayBuffer, name: string, options: { ignoreNodes?: string[] } = {}): Promise<ExcelJS.Workbook> {
  const buf = checkMagic(input, name);
  checkPackageSize(buf, name);
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    // exceljs' typing asks for its own Buffer type; JSZip underneath reads any Uint8Array.
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer, options);
  } catch {
    // exceljs' messages are JavaScript internals ("Cannot set properties of undefined"): not for users.
    throw new FileUnreadableError(name, hasPart(buf, 'xl/') ? 'corrupt' : 'not-xlsx');
  }
  if (wb.worksheets.length === 0) {
    // A .docx or a plain .zip has no xl/ parts; a damaged workbook may lack its workbook part.
    if (!hasPart(buf, 'xl/')) throw new FileUnreadableError(name, 'not-xlsx');
    if (!hasPart(buf, 'xl/workbook.xml')) throw new FileUnreadableError(name, 'corrupt', 'missing xl/workbook.xml');
    throw new FileUnreadableError(name, 'no-sheets');
  }
  return wb;
}

/** What the bytes are: a zip, or the message for an empty file, an .xls, an encrypted or a non-workbook file. */
function checkMagic(input: Uint8Array | ArrayBuffer, name: string): Uint8Array {
  // isView, not instanceof: a node Buffer from another realm (jest) stays as it is.
  const buf = ArrayBuffer.isView(input) ? (input as Uint8Array) : new Uint8Array(input);
  if (buf.length === 0) throw new FileUnreadableError(name, 'empty-file');
  if (startsWith(buf, CFB)) {
    // Office encrypts an .xlsx by wrapping it in an OLE container with these streams.
    const encrypted = includesBytes(buf, utf16le('EncryptionInfo')) || includesBytes(buf, utf16le('EncryptedPackage'));
    throw new FileUnreadableError(name, encrypted ? 'encrypted' : 'legacy-xls');
  }
  if (!startsWith(buf, ZIP)) throw new FileUnreadableError(name, 'not-xlsx');
  return buf;
}

/** exceljs inflates every part: the declared sizes of all of them are checked first. */
function checkPackageSize(buf: Uint8Array, name: string): void {
  let entries;
  try {
    entries = listZip(buf);
  } catch (e) {
    if (e instanceof ZipError && e.kind === 'too-many-parts') {
      throw new FileUnreadableError(name, 'too-large', {
        vi: `tệp gồm ${e.detail} phần, vượt giới hạn ${LIMITS.parts}`,
        en: `the file has ${e.detail} parts, over the limit of ${LIMITS.parts}`,
      });
    }
    if (e instanceof ZipError && e.kind === 'truncated') throw new FileUnreadableError(name, 'truncated');
    return; // exceljs gives the message for a damaged zip
  }
  let total = 0;
  for (const e of entries.values()) total += e.size;
  if (total > LIMITS.packageBytes) {
    const mb = (n: number) => Math.round(n / 1024 / 1024);
    throw new FileUnreadableError(name, 'too-large', {
      vi: `tệp giải nén ra ${mb(total)} MB, vượt giới hạn ${mb(LIMITS.packageBytes)} MB`,
      en: `the file inflates to ${mb(total)} MB, over the limit of ${mb(LIMITS.packageBytes)} MB`,
    });
  }
}

/** Zip entry names are stored uncompressed, so a part's name can be found in the bytes. */
function hasPart(buf: Uint8Array, name: string): boolean {
  return includesBytes(buf, new TextEncoder().encode(name));
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 * i] = code & 0xff;
    out[2 * i + 1] = code >> 8;
  }
  return out;
}

/** Whether `needle` occurs in `hay` (Buffer.includes without node's Buffer, for the browser). */
function includesBytes(hay: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  const last = hay.length - needle.length;
  for (let i = hay.indexOf(first); i !== -1 && i <= last; i = hay.indexOf(first, i + 1)) {
    let k = 1;
    while (k < needle.length && hay[i + k] === needle[k]) k++;
    if (k === needle.length) return true;
  }
  return false;
}

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}
