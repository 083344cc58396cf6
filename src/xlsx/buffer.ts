/**
 * Reads .xlsx bytes into grids of cell values (src/workbook/grid.ts), as the Office.js
 * adapter would deliver them from the open workbook. No node API: the task pane's
 * consolidation worker runs this in the browser; read.ts adds reading from a path.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../core/answers';
import { a1, type CellRange, type SheetGrid, type SheetVisibility, type WorkbookGrid } from '../workbook/grid';
import { FileUnreadableError } from './errors';

/**
 * A sheet as read from a file. Beyond the shared contract it keeps hyperlink targets:
 * `links` maps an A1 address to the target of the cell's hyperlink (the cell's value is
 * the link's display text, as in Excel), only for cells that carry one.
 */
export interface FileSheetGrid extends SheetGrid {
  links?: Record<string, string>;
}

export interface FileWorkbookGrid extends WorkbookGrid {
  sheets: FileSheetGrid[];
}

/** `name` is the file name used in messages. */
export async function readWorkbookBuffer(buf: Uint8Array | ArrayBuffer, name: string): Promise<FileWorkbookGrid> {
  // Data validations do not change values, and exceljs expands each of them cell by cell:
  // one on A1:XFD1048576 (seen in real files) never finishes loading.
  const wb = await loadWorkbook(buf, name, { ignoreNodes: ['dataValidations'] });
  return { sheets: wb.worksheets.map(readSheet) };
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Loads a workbook with exceljs after checking what the bytes are, so that a .xls, a
 * password-protected file or a renamed text file gets its own message. Shared with write.ts.
 */
export async function loadWorkbook(
  input: Uint8Array | ArrayBuffer,
  name: string,
  options: { ignoreNodes?: string[] } = {},
): Promise<ExcelJS.Workbook> {
  // isView, not instanceof: a node Buffer from another realm (jest) stays as it is.
  const buf = ArrayBuffer.isView(input) ? (input as Uint8Array) : new Uint8Array(input);
  if (buf.length === 0) throw new FileUnreadableError(name, 'empty-file');
  if (startsWith(buf, CFB)) {
    // Office encrypts an .xlsx by wrapping it in an OLE container with these streams.
    const encrypted = includesBytes(buf, utf16le('EncryptionInfo')) || includesBytes(buf, utf16le('EncryptedPackage'));
    throw new FileUnreadableError(name, encrypted ? 'encrypted' : 'legacy-xls');
  }
  if (!startsWith(buf, ZIP)) throw new FileUnreadableError(name, 'not-xlsx');
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs' typing asks for its own Buffer type; JSZip underneath reads any Uint8Array.
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer, options);
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0].slice(0, 200) : String(e);
    throw new FileUnreadableError(name, hasPart(buf, 'xl/') ? 'corrupt' : 'not-xlsx', detail);
  }
  if (wb.worksheets.length === 0) {
    // A .docx or a plain .zip has no xl/ parts; a damaged workbook may lack its workbook part.
    if (!hasPart(buf, 'xl/')) throw new FileUnreadableError(name, 'not-xlsx');
    if (!hasPart(buf, 'xl/workbook.xml')) throw new FileUnreadableError(name, 'corrupt', 'missing xl/workbook.xml');
    throw new FileUnreadableError(name, 'no-sheets');
  }
  return wb;
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

function readSheet(ws: ExcelJS.Worksheet): FileSheetGrid {
  const cells: { r: number; c: number; value: CellValue; formula: string | null }[] = [];
  const links: Record<string, string> = {};
  let rows = 0;
  let cols = 0;
  let anyFormula = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // A merged area's value lives in its top-left cell only, as Office.js reports it.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const value = cellValue(cell.value);
      const formula = cell.type === ExcelJS.ValueType.Formula ? `=${cell.formula}` : null;
      if (value === null && formula === null) return;
      cells.push({ r: rowNumber - 1, c: colNumber - 1, value, formula });
      rows = Math.max(rows, rowNumber);
      cols = Math.max(cols, colNumber);
      if (formula) anyFormula = true;
      const target = hyperlinkOf(cell.value);
      if (target) links[a1(rowNumber - 1, colNumber - 1)] = target;
    });
  });
  // A merged area belongs to the used range even when only its top-left cell has a value.
  const merges = mergesOf(ws);
  for (const m of merges) {
    rows = Math.max(rows, m.bottom + 1);
    cols = Math.max(cols, m.right + 1);
  }
  const values: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  const formulas = anyFormula ? Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null)) : undefined;
  for (const { r, c, value, formula } of cells) {
    values[r][c] = value;
    if (formulas) formulas[r][c] = formula;
  }
  const grid: FileSheetGrid = { name: ws.name, values, merges, visibility: visibilityOf(ws.state) };
  if (formulas) grid.formulas = formulas;
  if (Object.keys(links).length > 0) grid.links = links;
  return grid;
}

/** Some writers put other words than Excel's three (e.g. 'show'): anything else is visible. */
function visibilityOf(state: string | undefined): SheetVisibility {
  return state === 'hidden' || state === 'veryHidden' ? state : 'visible';
}

/** exceljs keeps merges privately, keyed by master cell; the public `model` would rebuild every row. */
function mergesOf(ws: ExcelJS.Worksheet): CellRange[] {
  const merges = (ws as unknown as { _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges;
  return Object.values(merges ?? {}).map(({ model: m }) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
}

/** exceljs' cell value -> the value Excel shows (formulas as their cached result). */
export function cellValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return formatDate(v);
  if ('error' in v) return { error: String(v.error) };
  if ('richText' in v) return v.richText.map((run) => run.text).join('');
  if ('hyperlink' in v) return cellValue(v.text as ExcelJS.CellValue);
  if ('formula' in v || 'sharedFormula' in v) return cellValue(v.result as ExcelJS.CellValue);
  return null;
}

function hyperlinkOf(v: ExcelJS.CellValue): string | undefined {
  if (v && typeof v === 'object' && 'hyperlink' in v && typeof v.hyperlink === 'string') return v.hyperlink;
  return undefined;
}

/**
 * exceljs turns date-formatted serials into Dates at UTC midnight (1904 workbooks
 * included). Excel shows them as the user's date format; Vietnamese users read dd/mm/yyyy.
 */
export function formatDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  const hasTime = d.getUTCHours() + d.getUTCMinutes() + d.getUTCSeconds() > 0;
  return hasTime ? `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : date;
}
