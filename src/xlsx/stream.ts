/**
 * The .xlsx reader: only the parts the product needs (workbook, its relationships, the
 * worksheets and their relationships for hyperlinks, shared strings, and the number
 * formats of styles to tell dates), each inflated and parsed as a stream (fflate, xml.ts)
 * into sparse cells, then laid out as the dense grid of the shared contract over the
 * region that holds data. A stray cell at XFD1048576 or a merge N200:XFD1048576 is far
 * from that region and left out (counted in `outside`), so it costs nothing.
 *
 * The values are those exceljs gives (test/xlsx/stream.test.ts compares both readers on
 * every real-world fixture), which is also what Office.js reports for the open workbook.
 */
import type { CellValue } from '../core/answers';
import { a1, type CellRange } from '../workbook/grid';
import { FileUnreadableError } from './errors';
import type { FileSheetGrid, FileWorkbookGrid } from './buffer';
import { XmlScanner } from './xml';
import { LIMITS, listZip, streamEntryText, ZipError, type ZipEntry } from './zip';

/**
 * The data region: from A1 to the last used row and column before an empty stretch of
 * more than ROW_GAP rows / COL_GAP columns. A score table is contiguous, and notes below
 * it are a few rows away; anything beyond such a gap is not part of what we read.
 */
export const ROW_GAP = 2_000;
export const COL_GAP = 200;
/** Cells of the dense grid of one sheet (rows x columns of its data region). */
export const MAX_REGION_CELLS = 20_000_000;

const MB = 1024 * 1024;

interface Handlers {
  open(name: string, attrs: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** Streams one part through the tokenizer (xml.ts); element names without their namespace prefix. */
function parsePart(buf: Uint8Array, entry: ZipEntry, file: string, h: Handlers): void {
  const local = (n: string) => {
    const colon = n.indexOf(':');
    return colon < 0 ? n : n.slice(colon + 1);
  };
  const parser = new XmlScanner({
    open: (name, attrs) => h.open(local(name), attrs),
    ...(h.close ? { close: (name: string) => h.close!(local(name)) } : {}),
    ...(h.text ? { text: h.text } : {}),
  });
  try {
    streamEntryText(buf, entry, (text) => parser.write(text));
    parser.close();
  } catch (e) {
    if (e instanceof FileUnreadableError) throw e;
    // A broken XML or deflate stream: name the part, not the parser's internals.
    throw new FileUnreadableError(file, 'corrupt', entry.name);
  }
}

interface Rel {
  target: string;
  type: string;
}

/** Relationship id -> target resolved to a part path, with the relationship's type. */
function readRels(buf: Uint8Array, entries: Map<string, ZipEntry>, part: string, file: string): Map<string, Rel> {
  const out = new Map<string, Rel>();
  const slash = part.lastIndexOf('/');
  const dir = part.slice(0, slash + 1);
  const entry = entries.get(`${dir}_rels/${part.slice(slash + 1)}.rels`);
  if (!entry) return out;
  parsePart(buf, entry, file, {
    open(name, a) {
      if (name !== 'Relationship' || !a.Id) return;
      const target = a.Target ?? '';
      const resolved = a.TargetMode === 'External' ? target : resolvePath(dir, target);
      out.set(a.Id, { target: resolved, type: a.Type ?? '' });
    },
  });
  return out;
}

/** Hyperlink targets are kept as written; part targets are resolved against the part's folder. */
function relTargetsRaw(buf: Uint8Array, entries: Map<string, ZipEntry>, part: string, file: string): Map<string, string> {
  const out = new Map<string, string>();
  const slash = part.lastIndexOf('/');
  const entry = entries.get(`${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`);
  if (!entry) return out;
  parsePart(buf, entry, file, {
    open(name, a) {
      if (name === 'Relationship' && a.Id) out.set(a.Id, a.Target ?? '');
    },
  });
  return out;
}

function resolvePath(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** Excel's `_xHHHH_` escapes (a carriage return is `_x000D_`), decoded as exceljs does. */
const unescapeX = (s: string) => s.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

function readSharedStrings(buf: Uint8Array, entry: ZipEntry | undefined, file: string): (string | null)[] {
  const out: (string | null)[] = [];
  if (!entry) return out;
  let item: string[] | null = null;
  let t: string[] | null = null;
  let phonetic = 0;
  parsePart(buf, entry, file, {
    open(name) {
      if (name === 'si') item = null;
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) t = [];
    },
    text(text) {
      t?.push(text);
    },
    close(name) {
      if (name === 't' && t) {
        (item ??= []).push(unescapeX(t.join('')));
        t = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 'si') out.push(item ? item.join('') : null);
    },
  });
  return out;
}

/** Which cell formats (the `s` index of a cell) show numbers as dates, as exceljs decides. */
function readDateStyles(buf: Uint8Array, entry: ZipEntry | undefined, file: string): boolean[] {
  const out: boolean[] = [];
  if (!entry) return out;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  parsePart(buf, entry, file, {
    open(name, a) {
      if (name === 'numFmt') custom.set(parseInt(a.numFmtId, 10), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = parseInt(a.numFmtId, 10);
        out.push(id ? isDateFormat(custom.get(id) ?? BUILTIN_DATE_FORMATS.get(id)) : false);
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return out;
}

/** The built-in formats that show dates or times (ids 14-22, 45-47). */
const BUILTIN_DATE_FORMATS = new Map([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47].map((id) => [id, 'd']));

function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Excel serial -> the text Excel shows, as exceljs converts (1904 workbooks shifted). */
function serialDate(v: unknown, date1904: boolean): string {
  const ms = Math.round((Number(v) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  return formatDate(new Date(ms));
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

const XML_ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&apos;': "'", '&quot;': '"' };
/** exceljs decodes the five entities once more in formula string results (t="str"). */
const xmlDecode = (s: string) => s.replace(/&([a-z]*);/g, (m) => XML_ENTITIES[m] ?? m);

/** "AB12" -> [row 11, col 27], 0-based; undefined when it is no cell address. */
function decodeAddress(ref: string): [number, number] | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + c - 96;
  }
  const row = Number(ref.slice(i));
  if (i === 0 || i > 3 || !Number.isInteger(row) || row < 1) return undefined;
  return [row - 1, col - 1];
}

function decodeRange(ref: string): CellRange | undefined {
  const [from, to = from] = ref.split(':');
  const a = decodeAddress(from.replace(/\$/g, ''));
  const b = decodeAddress(to.replace(/\$/g, ''));
  if (!a || !b) return undefined;
  return { top: Math.min(a[0], b[0]), left: Math.min(a[1], b[1]), bottom: Math.max(a[0], b[0]), right: Math.max(a[1], b[1]) };
}

/** A shared formula moved from its master cell to another, relative references shifted (exceljs' slideFormula). */
function slideFormula(formula: string, from: [number, number], to: [number, number]): string {
  return formula.replace(/(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi, (match, sheet: string | undefined, _s, addr: string, paren: string | undefined) => {
    if (paren) return match;
    const m = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i.exec(addr);
    if (!m) return match;
    const colStr = m[2].toUpperCase();
    if (colStr.length > 3 || (colStr.length === 3 && colStr > 'XFD')) return match;
    let col = decodeAddress(`${colStr}1`)![1];
    let row = parseInt(m[4], 10);
    if (!m[1]) col += to[1] - from[1];
    if (!m[3]) row += to[0] - from[0];
    return `${sheet ?? ''}${m[1] ?? ''}${columnName(col)}${m[3] ?? ''}${row}`;
  });
}

function columnName(col: number): string {
  return a1(0, col).slice(0, -1);
}

/** Cells of one sheet as parsed, in parallel arrays (compact for large sheets). */
interface SparseSheet {
  rows: number[];
  cols: number[];
  values: CellValue[];
  formulas: (string | null)[];
  links: (string | undefined)[];
  merges: CellRange[];
}

interface SheetContext {
  strings: (string | null)[];
  dateStyles: boolean[];
  date1904: boolean;
  hyperlinkTargets: Map<string, string>;
}

function readSheetPart(buf: Uint8Array, entry: ZipEntry, file: string, ctx: SheetContext): SparseSheet {
  const sheet: SparseSheet = { rows: [], cols: [], values: [], formulas: [], links: [], merges: [] };
  const hyperlinks = new Map<string, string>();
  const masters = new Map<string, { formula: string; at: [number, number] }>();
  let row = -1;
  let col = -1;
  // The cell being read.
  let address = '';
  let at: [number, number] = [0, 0];
  let type: string | undefined;
  let style = -1;
  let value: string | undefined;
  let formula: string | undefined;
  let shared: { si?: string; ref?: string; type?: string } | null = null;
  let rich: string[] | null = null;
  let runText: string[] | null = null;
  let current: 'v' | 'f' | 't' | null = null;
  let inCell = false;
  // Cells come before hyperlinks in the part; hyperlinks are attached at the end.
  const pending: { address: string; index: number }[] = [];

  const finishCell = () => {
    let v: unknown;
    let f: string | null = null;
    const isDate = style >= 0 && ctx.dateStyles[style] === true;
    if (formula !== undefined || shared?.type !== undefined) {
      // As exceljs: an empty cached value is no result.
      let result: unknown;
      if (value) {
        if (type === 'str') result = xmlDecode(value);
        else if (type === 'b') result = parseInt(value, 10) !== 0;
        else if (type === 'e') result = { error: value };
        else result = parseFloat(value);
      }
      if (result !== undefined && isDate) result = serialDate(result, ctx.date1904);
      // exceljs keeps only truthy cached results: a formula showing 0, FALSE or "" read as
      // empty. Kept so that every reading stays as it was; Office.js reports the 0.
      if (!result) result = undefined;
      let text = formula;
      if (shared?.type === 'shared') {
        if (shared.ref !== undefined && shared.si !== undefined) masters.set(shared.si, { formula: formula ?? '', at });
        else if (shared.si !== undefined && !formula) {
          const master = masters.get(shared.si);
          text = master ? slideFormula(master.formula, master.at, at) : undefined;
        }
      }
      v = result;
      f = text !== undefined ? `=${text}` : null;
    } else if (rich !== null) {
      v = rich.join('');
    } else if (value !== undefined) {
      switch (type) {
        case 's':
          v = ctx.strings[parseInt(value, 10)];
          break;
        case 'str':
          v = xmlDecode(value);
          break;
        case 'inlineStr':
          v = value;
          break;
        case 'b':
          v = parseInt(value, 10) !== 0;
          break;
        case 'e':
          v = { error: value };
          break;
        default:
          v = isDate ? serialDate(parseFloat(value), ctx.date1904) : parseFloat(value);
      }
    }
    const cell = toCellValue(v);
    if (cell === null && f === null) return;
    sheet.rows.push(at[0]);
    sheet.cols.push(at[1]);
    sheet.values.push(cell);
    sheet.formulas.push(f);
    sheet.links.push(undefined);
    if (address) pending.push({ address, index: sheet.values.length - 1 });
  };

  parsePart(buf, entry, file, {
    open(name, a) {
      if (inCell) {
        if (name === 'v' || name === 'f' || name === 't') {
          current = name;
          if (name === 't' && rich !== null) runText = [];
          if (name === 'f') shared = { si: a.si, ref: a.ref, type: a.t };
        } else if (name === 'r') rich ??= [];
        return;
      }
      switch (name) {
        case 'row': {
          const r = Number(a.r);
          row = Number.isInteger(r) && r >= 1 ? r - 1 : row + 1;
          col = -1;
          break;
        }
        case 'c': {
          const pos = a.r !== undefined ? decodeAddress(a.r) : undefined;
          at = pos ?? [Math.max(row, 0), col + 1];
          row = at[0];
          col = at[1];
          address = a.r ?? '';
          type = a.t;
          style = a.s !== undefined ? parseInt(a.s, 10) : -1;
          value = undefined;
          formula = undefined;
          shared = null;
          rich = null;
          inCell = true;
          break;
        }
        case 'mergeCell': {
          const range = a.ref ? decodeRange(a.ref) : undefined;
          if (range) sheet.merges.push(range);
          break;
        }
        case 'hyperlink': {
          const target = a['r:id'] !== undefined ? ctx.hyperlinkTargets.get(a['r:id']) : undefined;
          if (a.ref && target !== undefined) hyperlinks.set(a.ref, target);
          break;
        }
      }
    },
    text(text) {
      if (current === 'f') formula = (formula ?? '') + text;
      else if (current === 't' && runText) runText.push(text);
      else if (current === 'v' || current === 't') value = (value ?? '') + text;
    },
    close(name) {
      if (!inCell) return;
      if (name === 'c') {
        inCell = false;
        finishCell();
      } else if (name === 't' && runText) {
        rich!.push(unescapeX(runText.join('')));
        runText = null;
        current = null;
      } else if (name === 'v' || name === 'f' || name === 't') current = null;
    },
  });
  for (const { address: ref, index } of pending) {
    const target = hyperlinks.get(ref);
    if (target === undefined) continue;
    // A hyperlink cell shows its text; exceljs keeps no formula for it.
    sheet.links[index] = target;
    sheet.formulas[index] = null;
  }
  return sheet;
}

function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && 'error' in v) return { error: String((v as { error: unknown }).error) };
  return null;
}

/**
 * The data region's last row and column (exclusive): walk the used rows (and the first and
 * last row of each merge) from the top, stop at the first gap wider than `gap`.
 */
function extent(points: number[], gap: number): number {
  const sorted = [...new Set(points)].sort((a, b) => a - b);
  let last = -1;
  for (const p of sorted) {
    if (p - last > gap) break;
    last = p;
  }
  return last + 1;
}

function layoutSheet(name: string, state: string | undefined, s: SparseSheet, file: string): FileSheetGrid {
  // Merged areas keep only their top-left value, as Office.js reports them.
  const rowPoints = s.rows.filter((_r, i) => s.values[i] !== null || s.formulas[i] !== null);
  const rows = extent([...rowPoints, ...s.merges.flatMap((m) => [m.top, m.bottom])], ROW_GAP);
  const colPoints = s.cols.filter((_c, i) => s.rows[i] < rows);
  const cols = extent([...colPoints, ...s.merges.filter((m) => m.top < rows).flatMap((m) => [m.left, m.right])], COL_GAP);
  if (rows * cols > MAX_REGION_CELLS) {
    throw new FileUnreadableError(file, 'too-large', {
      vi: `trang tính "${name}" có vùng dữ liệu ${rows} dòng × ${cols} cột, vượt giới hạn ${MAX_REGION_CELLS.toLocaleString('en')} ô`,
      en: `sheet "${name}" has a data region of ${rows} rows × ${cols} columns, over the limit of ${MAX_REGION_CELLS.toLocaleString('en')} cells`,
    });
  }
  const merges = s.merges
    .filter((m) => m.top < rows && m.left < cols)
    .map((m) => ({ top: m.top, left: m.left, bottom: Math.min(m.bottom, rows - 1), right: Math.min(m.right, cols - 1) }));
  const covered = mergeCover(merges);
  const values: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  let formulas: (string | null)[][] | undefined;
  const links: Record<string, string> = {};
  let outside = 0;
  let firstOutside: string | undefined;
  for (let i = 0; i < s.values.length; i++) {
    const r = s.rows[i];
    const c = s.cols[i];
    if (r >= rows || c >= cols) {
      outside++;
      firstOutside ??= a1(r, c);
      continue;
    }
    if (covered(r, c)) continue;
    values[r][c] = s.values[i];
    const f = s.formulas[i];
    if (f !== null) (formulas ??= Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null)))[r][c] = f;
    const link = s.links[i];
    if (link !== undefined && s.values[i] !== null) links[a1(r, c)] = link;
  }
  const grid: FileSheetGrid = { name, values, merges, visibility: state === 'hidden' || state === 'veryHidden' ? state : 'visible' };
  if (formulas) grid.formulas = formulas;
  if (Object.keys(links).length > 0) grid.links = links;
  if (outside > 0) grid.outside = { cells: outside, first: firstOutside! };
  return grid;
}

/** Whether a cell lies inside a merged area but is not its top-left cell. */
function mergeCover(merges: CellRange[]): (r: number, c: number) => boolean {
  if (merges.length === 0) return () => false;
  const byRow = new Map<number, CellRange[]>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const list = byRow.get(r);
      if (list) list.push(m);
      else byRow.set(r, [m]);
    }
  }
  return (r, c) => byRow.get(r)?.some((m) => c >= m.left && c <= m.right && (r !== m.top || c !== m.left)) ?? false;
}

/** `name` is the file name used in messages. */
export function readXlsxStreaming(buf: Uint8Array, name: string): FileWorkbookGrid {
  let entries: Map<string, ZipEntry>;
  try {
    entries = listZip(buf);
  } catch (e) {
    if (!(e instanceof ZipError)) throw e;
    if (e.kind === 'too-many-parts') {
      throw new FileUnreadableError(name, 'too-large', {
        vi: `tệp gồm ${e.detail} phần, vượt giới hạn ${LIMITS.parts}`,
        en: `the file has ${e.detail} parts, over the limit of ${LIMITS.parts}`,
      });
    }
    if (e.kind === 'not-zip' || e.kind === 'truncated') throw new FileUnreadableError(name, e.kind === 'not-zip' ? 'not-xlsx' : 'truncated');
    throw new FileUnreadableError(name, 'corrupt', 'zip');
  }
  if (![...entries.keys()].some((p) => p.startsWith('xl/'))) throw new FileUnreadableError(name, 'not-xlsx');
  const workbookEntry = entries.get('xl/workbook.xml');
  if (!workbookEntry) throw new FileUnreadableError(name, 'corrupt', 'xl/workbook.xml');

  const rels = readRels(buf, entries, 'xl/workbook.xml', name);
  const relOfType = (suffix: string, fallback: string) => entries.get([...rels.values()].find((r) => r.type.endsWith(suffix))?.target ?? fallback) ?? entries.get(fallback);
  const sheets: { name: string; state?: string; part: string }[] = [];
  let date1904 = false;
  parsePart(buf, workbookEntry, name, {
    open(tag, a) {
      if (tag === 'workbookPr') date1904 = a.date1904 === '1';
      else if (tag === 'sheet') {
        const rel = rels.get(a['r:id']);
        // Chart sheets and dialog sheets have no cells.
        if (rel && /\/worksheet$/.test(rel.type) && entries.has(rel.target)) sheets.push({ name: a.name ?? '', state: a.state, part: rel.target });
      }
    },
  });
  if (sheets.length === 0) throw new FileUnreadableError(name, 'no-sheets');

  const stringsEntry = relOfType('/sharedStrings', 'xl/sharedStrings.xml');
  const stylesEntry = relOfType('/styles', 'xl/styles.xml');
  checkSizes(name, [workbookEntry, stringsEntry, stylesEntry, ...sheets.map((s) => entries.get(s.part))]);

  const strings = readSharedStrings(buf, stringsEntry, name);
  const dateStyles = readDateStyles(buf, stylesEntry, name);
  return {
    sheets: sheets.map((s) => {
      const hyperlinkTargets = relTargetsRaw(buf, entries, s.part, name);
      const sparse = readSheetPart(buf, entries.get(s.part)!, name, { strings, dateStyles, date1904, hyperlinkTargets });
      return layoutSheet(s.name, s.state, sparse, name);
    }),
  };
}

/** Declared sizes, before anything is inflated. */
function checkSizes(file: string, parts: (ZipEntry | undefined)[]): void {
  let total = 0;
  for (const p of parts) {
    if (!p) continue;
    if (p.size > LIMITS.partBytes) {
      throw new FileUnreadableError(file, 'too-large', {
        vi: `phần ${p.name} giải nén ra ${mb(p.size)} MB, vượt giới hạn ${LIMITS.partBytes / MB} MB`,
        en: `part ${p.name} inflates to ${mb(p.size)} MB, over the limit of ${LIMITS.partBytes / MB} MB`,
      });
    }
    total += p.size;
  }
  if (total > LIMITS.totalBytes) {
    throw new FileUnreadableError(file, 'too-large', {
      vi: `các phần cần đọc giải nén ra ${mb(total)} MB, vượt giới hạn ${LIMITS.totalBytes / MB} MB`,
      en: `the parts to read inflate to ${mb(total)} MB, over the limit of ${LIMITS.totalBytes / MB} MB`,
    });
  }
}

const mb = (bytes: number) => (bytes / MB).toFixed(1);
