/**
 * Writes a WritePlan into an existing .xlsx by editing only the planned cells' XML inside
 * the zip: every other part (charts, pivots, slicers, macros, styles, notes, names) keeps
 * its exact bytes, and inside a touched sheet only the planned `<c>` elements change.
 * Besides them, the cached result of a same-sheet `SUM(...)` that depends on a written cell
 * is recomputed (as Excel does on open), so that readers without a calculation engine
 * (this project's CLI) do not see stale totals. Anything the text edit cannot do safely
 * is refused with a PlanError instead of risking a file Excel would "repair".
 */
import { posix } from 'node:path';
import JSZip from 'jszip';
import { a1, type WritePlan, type WriteValue } from '../workbook/grid';
import { transplantSheets } from './transplant';
import { PlanError, attributes, decodeXml, escapeXml, openZip, partText, relationships, relsPathOf, sheetParts, optionalText, unsafe } from './package';

export { PlanError } from './package';

export interface SurgicalResult {
  data: Buffer;
  /** `Sheet!D3` of SUM cells outside the plan whose cached result was recomputed. */
  recalculated: string[];
}

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** Sheets to carry over whole from `donor` (the same workbook written by exceljs): added, or replacing the file's sheet of that name. */
export interface SheetCopies {
  donor: Buffer;
  sheets: string[];
}

/**
 * Applies the plan to the workbook bytes `src` (never modified), then copies in `copies`;
 * `name` is the file name used in messages.
 */
export async function applyPlanSurgically(src: Buffer, plan: WritePlan, name: string, copies?: SheetCopies): Promise<SurgicalResult> {
  const zip = await openZip(src, name);
  const writes = collectWrites(plan);
  if (writes.size === 0 && !copies?.sheets.length) return { data: src, recalculated: [] };
  const parts = await sheetParts(zip, name);
  const recalculated: string[] = [];
  let formulaChanged = false;
  for (const [sheet, cells] of writes) {
    const part = parts.get(sheet);
    if (!part) throw new PlanError(`Không có trang tính "${sheet}" trong sổ làm việc.`, `Sheet "${sheet}" is not in the workbook.`);
    if (part.kind !== 'worksheet') throw new PlanError(`"${sheet}" là trang biểu đồ, không ghi được vào ô.`, `"${sheet}" is a chart sheet: it has no cells to write.`);
    const xml = await partText(zip, part.path, sheet);
    const headers = await tableHeaders(zip, part.path);
    const edit = editSheet(xml, sheet, cells, headers);
    zip.file(part.path, edit.xml);
    recalculated.push(...edit.recalculated.map((addr) => `${sheet}!${addr}`));
    formulaChanged ||= edit.formulaChanged;
  }
  if (copies?.sheets.length) formulaChanged = (await transplantSheets(zip, copies.donor, copies.sheets, name)).replaced || formulaChanged;
  await requestFullCalc(zip);
  // calcChain lists formula cells; an entry for a cell that lost its formula makes Excel repair the file.
  if (formulaChanged) await dropCalcChain(zip);
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { data, recalculated };
}

// ---------------------------------------------------------------------------------------
// The package: tables, workbook.xml, calcChain.

interface TableHeader {
  name: string;
  ref: string;
  row: number;
  left: number;
  right: number;
}

/** The header rows of the sheet's tables: Excel requires a header cell to equal its column's name. */
async function tableHeaders(zip: JSZip, sheetPath: string): Promise<TableHeader[]> {
  const rels = relationships(await optionalText(zip, relsPathOf(sheetPath)), posix.dirname(sheetPath));
  const out: TableHeader[] = [];
  for (const rel of rels.values()) {
    if (!rel.type.endsWith('/table')) continue;
    const xml = await optionalText(zip, rel.target);
    const a = attributes(/<(?:[\w.-]+:)?table\b([^>]*)>/.exec(xml)?.[1] ?? '');
    const range = parseRange(a.get('ref') ?? '');
    if (!range || a.get('headerRowCount') === '0') continue;
    out.push({ name: decodeXml(a.get('displayName') ?? a.get('name') ?? ''), ref: a.get('ref') ?? '', row: range.top, left: range.left, right: range.right });
  }
  return out;
}

/** `<calcPr fullCalcOnLoad="1"/>`: Excel recomputes every formula when it opens the file. */
async function requestFullCalc(zip: JSZip): Promise<void> {
  const xml = await optionalText(zip, 'xl/workbook.xml');
  const calc = /<([\w.-]+:)?calcPr\b([^>]*?)(\/?)>/.exec(xml);
  let next: string;
  if (calc) {
    const attrs = calc[2].replace(/\s+fullCalcOnLoad\s*=\s*("[^"]*"|'[^']*')/, '');
    next = xml.slice(0, calc.index) + `<${calc[1] ?? ''}calcPr${attrs} fullCalcOnLoad="1"${calc[3]}>` + xml.slice(calc.index + calc[0].length);
  } else {
    const prefix = /<([\w.-]+:)?workbook\b/.exec(xml)?.[1] ?? '';
    // calcPr comes after definedNames and before these, in the schema's order.
    const after = new RegExp(`<${prefix}(?:oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\\b|</${prefix}workbook>`).exec(xml);
    if (!after) return;
    next = xml.slice(0, after.index) + `<${prefix}calcPr fullCalcOnLoad="1"/>` + xml.slice(after.index);
  }
  zip.file('xl/workbook.xml', next);
}

async function dropCalcChain(zip: JSZip): Promise<void> {
  if (!zip.file('xl/calcChain.xml')) return;
  zip.remove('xl/calcChain.xml');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (rels) zip.file('xl/_rels/workbook.xml.rels', rels.replace(/<(?:[\w.-]+:)?Relationship\b[^>]*\/calcChain"[^>]*>/g, ''));
  const types = await zip.file('[Content_Types].xml')?.async('string');
  if (types) zip.file('[Content_Types].xml', types.replace(/<(?:[\w.-]+:)?Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*>/g, ''));
}

// ---------------------------------------------------------------------------------------
// The plan, cell by cell.

/** Sheet -> (row, col) key -> value; a cell named twice keeps the last value. */
function collectWrites(plan: WritePlan): Map<string, Map<number, WriteValue>> {
  const out = new Map<string, Map<number, WriteValue>>();
  for (const block of plan.blocks) {
    const cells = out.get(block.sheet) ?? new Map<number, WriteValue>();
    out.set(block.sheet, cells);
    block.values.forEach((rowValues, i) =>
      rowValues.forEach((value, j) => {
        const row = block.row + i + 1;
        const col = block.col + j + 1;
        if (!Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1 || row > MAX_ROW || col > MAX_COL) {
          throw new PlanError(`Ô (hàng ${row}, cột ${col}) của trang "${block.sheet}" nằm ngoài trang tính.`, `Cell (row ${row}, column ${col}) of sheet "${block.sheet}" is outside the sheet.`);
        }
        cells.set(key(row, col), value);
      }),
    );
  }
  return out;
}

const key = (row: number, col: number) => row * MAX_COL + (col - 1);
const addr = (row: number, col: number) => a1(row - 1, col - 1);

// ---------------------------------------------------------------------------------------
// The sheet part: rows and cells of <sheetData> as slices of the original text.

interface XmlCell {
  row: number;
  col: number;
  /** The element's text, and the whitespace before it. */
  text: string;
  lead: string;
  attrs: Map<string, string>;
  inner: string;
}

interface XmlRow {
  row: number;
  text: string;
  lead: string;
  attrs: Map<string, string>;
  cells: XmlCell[];
  /** Whitespace after the last cell. */
  tail: string;
}

interface SheetData {
  prefix: string;
  /** Offsets of the whole <sheetData> element. */
  start: number;
  end: number;
  openTag: string;
  rows: XmlRow[];
  tail: string;
}

function parseSheetData(xml: string, sheet: string): SheetData {
  const open = /<([\w.-]+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) throw unsafe(sheet, 'không thấy <sheetData>', 'no <sheetData> element');
  const prefix = open[1] ?? '';
  const openTag = open[2] ? open[0].replace(/\s*\/>$/, '>') : open[0];
  const bodyStart = open.index + open[0].length;
  const close = open[2] ? bodyStart : xml.indexOf(`</${prefix}sheetData>`, bodyStart);
  if (close < 0) throw unsafe(sheet, 'thiếu </sheetData>', 'no </sheetData>');
  const end = open[2] ? bodyStart : close + `</${prefix}sheetData>`.length;
  const body = xml.slice(bodyStart, close);
  const rows: XmlRow[] = [];
  const rowRe = new RegExp(`(\\s*)<${prefix}row\\b([^>]*?)(/?)>`, 'y');
  let pos = 0;
  for (let m = rowRe.exec(body); m; m = rowRe.exec(body)) {
    const attrs = attributes(m[2]);
    const rowNumber = Number(attrs.get('r'));
    if (!Number.isInteger(rowNumber) || rowNumber < 1) throw unsafe(sheet, 'có hàng không ghi số hàng (r)', 'a row without its number (r)');
    if (rows.length && rowNumber <= rows[rows.length - 1].row) throw unsafe(sheet, `hàng ${rowNumber} không theo thứ tự`, `row ${rowNumber} out of order`);
    const contentStart = m.index + m[0].length;
    const closeAt = m[3] ? contentStart : body.indexOf(`</${prefix}row>`, contentStart);
    if (closeAt < 0) throw unsafe(sheet, `hàng ${rowNumber} không đóng`, `row ${rowNumber} is not closed`);
    const rowEnd = m[3] ? contentStart : closeAt + `</${prefix}row>`.length;
    const { cells, tail } = parseCells(body.slice(contentStart, closeAt), prefix, rowNumber, sheet);
    rows.push({ row: rowNumber, text: body.slice(m.index + m[1].length, rowEnd), lead: m[1], attrs, cells, tail });
    pos = rowEnd;
    rowRe.lastIndex = rowEnd;
  }
  const tail = body.slice(pos);
  if (tail.trim()) throw unsafe(sheet, 'nội dung lạ trong <sheetData>', 'unexpected content in <sheetData>');
  return { prefix, start: open.index, end, openTag, rows, tail };
}

function parseCells(content: string, prefix: string, row: number, sheet: string): { cells: XmlCell[]; tail: string } {
  const cells: XmlCell[] = [];
  const cellRe = new RegExp(`(\\s*)<${prefix}c\\b([^>]*?)(/?)>`, 'y');
  let pos = 0;
  for (let m = cellRe.exec(content); m; m = cellRe.exec(content)) {
    const attrs = attributes(m[2]);
    const ref = /^([A-Z]{1,3})(\d+)$/.exec(attrs.get('r') ?? '');
    if (!ref || Number(ref[2]) !== row) throw unsafe(sheet, `có ô không ghi địa chỉ (r) ở hàng ${row}`, `a cell without its address (r) in row ${row}`);
    const col = colNumber(ref[1]);
    if (cells.length && col <= cells[cells.length - 1].col) throw unsafe(sheet, `ô ${attrs.get('r')} không theo thứ tự`, `cell ${attrs.get('r')} out of order`);
    const innerStart = m.index + m[0].length;
    const closeAt = m[3] ? innerStart : content.indexOf(`</${prefix}c>`, innerStart);
    if (closeAt < 0) throw unsafe(sheet, `ô ${attrs.get('r')} không đóng`, `cell ${attrs.get('r')} is not closed`);
    const cellEnd = m[3] ? innerStart : closeAt + `</${prefix}c>`.length;
    cells.push({ row, col, text: content.slice(m.index + m[1].length, cellEnd), lead: m[1], attrs, inner: content.slice(innerStart, closeAt) });
    pos = cellEnd;
    cellRe.lastIndex = cellEnd;
  }
  const tail = content.slice(pos);
  if (tail.trim()) throw unsafe(sheet, `nội dung lạ trong hàng ${row}`, `unexpected content in row ${row}`);
  return { cells, tail };
}

// ---------------------------------------------------------------------------------------
// What a cell holds, for the checks and the SUM results.

interface CellFormula {
  type: string;
  text: string;
  ref?: string;
  si?: string;
}

interface CellContent {
  formula?: CellFormula;
  /** The cached or literal value: numbers and errors matter to SUM, the rest does not. */
  value: number | { error: string } | 'other' | null;
}

function contentOf(attrs: Map<string, string>, inner: string, prefix: string): CellContent {
  const f = new RegExp(`<${prefix}f\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${prefix}f>)`).exec(inner);
  const v = new RegExp(`<${prefix}v\\b[^>]*?(?:/>|>([\\s\\S]*?)</${prefix}v>)`).exec(inner);
  const t = attrs.get('t') ?? 'n';
  const formula = f ? formulaOf(attributes(f[1]), decodeXml(f[2] ?? '')) : undefined;
  const raw = v ? decodeXml(v[1] ?? '') : undefined;
  let value: CellContent['value'] = null;
  if (t === 'n' && raw !== undefined && raw.trim() !== '') value = Number(raw);
  else if (t === 'e' && raw !== undefined) value = { error: raw };
  else if (raw !== undefined || t === 'inlineStr') value = 'other';
  return { formula, value };
}

function formulaOf(a: Map<string, string>, text: string): CellFormula {
  return { type: a.get('t') ?? 'normal', text, ref: a.get('ref'), si: a.get('si') };
}

// ---------------------------------------------------------------------------------------
// Editing one sheet.

interface Edit {
  /** The new element, or null to remove the cell. */
  xml: string | null;
  content: CellContent;
}

interface SheetEdit {
  xml: string;
  recalculated: string[];
  formulaChanged: boolean;
}

function editSheet(xml: string, sheet: string, writes: Map<number, WriteValue>, headers: TableHeader[]): SheetEdit {
  const data = parseSheetData(xml, sheet);
  const p = data.prefix;
  const cells = new Map<number, XmlCell>();
  for (const r of data.rows) for (const c of r.cells) cells.set(key(c.row, c.col), c);
  const contents = new Map<number, CellContent>([...cells].map(([k, c]) => [k, contentOf(c.attrs, c.inner, p)]));
  const merges = [...xml.matchAll(new RegExp(`<${p}mergeCell\\b[^>]*\\bref="([^"]+)"`, 'g'))].map((m) => parseRange(m[1])).filter((r) => r !== undefined);
  const blocked = blockedRanges(contents);
  const edits = new Map<number, Edit>();
  let formulaChanged = false;

  for (const [k, value] of writes) {
    const row = Math.floor(k / MAX_COL);
    const col = (k % MAX_COL) + 1;
    const at = addr(row, col);
    const merge = merges.find((m) => inRange(m, row, col));
    if (merge && (merge.top !== row || merge.left !== col)) {
      // Writing nothing into the hidden part of a merge changes nothing.
      if (value === null) continue;
      const master = addr(merge.top, merge.left);
      throw new PlanError(
        `Ô ${at} của trang "${sheet}" nằm trong vùng ô gộp ${master}:${addr(merge.bottom, merge.right)}; hãy ghi vào ô ${master}.`,
        `Cell ${at} of sheet "${sheet}" is inside a merged area (${master}:${addr(merge.bottom, merge.right)}); write to ${master}.`,
      );
    }
    const header = headers.find((h) => h.row === row && col >= h.left && col <= h.right);
    if (header) {
      throw new PlanError(
        `Ô ${at} của trang "${sheet}" là tiêu đề cột của bảng "${header.name}" (${header.ref}); hãy đổi tiêu đề trong Excel.`,
        `Cell ${at} of sheet "${sheet}" is a column header of table "${header.name}" (${header.ref}); rename it in Excel.`,
      );
    }
    refuseFormulaGroup(sheet, at, row, col, contents.get(k), blocked);
    const existing = cells.get(k);
    const edit = cellEdit(existing?.attrs ?? new Map([['r', at]]), value, p, sheet, at);
    formulaChanged ||= contents.get(k)?.formula !== undefined || edit.content.formula !== undefined;
    if (edit.xml !== null || existing) edits.set(k, edit);
  }

  const recalculated = recalcSums(contents, edits, cells, p);
  const head = widenDimension(xml.slice(0, data.start), edits, p);
  return { xml: head + renderSheetData(data, edits) + xml.slice(data.end), recalculated, formulaChanged };
}

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Array formulas and data tables span a range Excel only changes as a whole; shared formulas hang on their master. */
interface Blocked {
  arrays: { range: Range; ref: string }[];
  sharedUsers: Map<string, number>;
}

function blockedRanges(contents: Map<number, CellContent>): Blocked {
  const arrays: Blocked['arrays'] = [];
  const sharedUsers = new Map<string, number>();
  for (const c of contents.values()) {
    const f = c.formula;
    if (!f) continue;
    if ((f.type === 'array' || f.type === 'dataTable') && f.ref) {
      const range = parseRange(f.ref);
      if (range) arrays.push({ range, ref: f.ref });
    }
    if (f.type === 'shared' && f.si !== undefined) sharedUsers.set(f.si, (sharedUsers.get(f.si) ?? 0) + 1);
  }
  return { arrays, sharedUsers };
}

/**
 * Refuses a cell of an array formula or data table, and the master of a shared formula that
 * other cells still use: rewriting their formulas relative to each cell is a formula
 * translator's job, and leaving them would break every dependant.
 */
function refuseFormulaGroup(sheet: string, at: string, row: number, col: number, content: CellContent | undefined, blocked: Blocked): void {
  const array = blocked.arrays.find((a) => inRange(a.range, row, col));
  if (array) {
    throw new PlanError(
      `Ô ${at} của trang "${sheet}" thuộc công thức mảng ${array.ref}; hãy xóa công thức mảng trong Excel rồi ghi lại.`,
      `Cell ${at} of sheet "${sheet}" belongs to the array formula ${array.ref}; remove it in Excel, then write again.`,
    );
  }
  const f = content?.formula;
  if (f?.type === 'shared' && f.ref && f.si !== undefined && (blocked.sharedUsers.get(f.si) ?? 0) > 1) {
    throw new PlanError(
      `Ô ${at} của trang "${sheet}" là ô gốc của công thức dùng chung cho ${f.ref}; ghi đè sẽ làm hỏng công thức các ô còn lại. Hãy nhập lại công thức các ô đó trong Excel hoặc ghi vào ô khác.`,
      `Cell ${at} of sheet "${sheet}" is the master of the shared formula over ${f.ref}; overwriting it would break the other cells' formulas. Re-enter those formulas in Excel or write elsewhere.`,
    );
  }
}

/** The new `<c>`: the cell's own attributes (style, phonetic) kept, the value replaced. */
function cellEdit(attrs: Map<string, string>, value: WriteValue, p: string, sheet: string, at: string): Edit {
  const keep = [...attrs].filter(([k]) => k !== 't' && k !== 'cm' && k !== 'vm');
  const open = (t?: string) => `<${p}c${keep.map(([k, v]) => ` ${k}="${v}"`).join('')}${t ? ` t="${t}"` : ''}`;
  // An empty text clears the cell, as it does through Office.js.
  if (value === null || value === '') {
    // A cell with no style and no value is no cell at all (exceljs would read it as part of a merge).
    return { xml: keep.length > 1 ? `${open()}/>` : null, content: { value: null } };
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new PlanError(`Giá trị ghi vào ô ${at} của trang "${sheet}" không phải là số hữu hạn.`, `The value for cell ${at} of sheet "${sheet}" is not a finite number.`);
    return { xml: `${open()}><${p}v>${numberText(value)}</${p}v></${p}c>`, content: { value } };
  }
  if (typeof value === 'boolean') return { xml: `${open('b')}><${p}v>${value ? 1 : 0}</${p}v></${p}c>`, content: { value: 'other' } };
  if (typeof value === 'string') {
    const text = escapeText(value);
    // exceljs decodes _xHHHH_ only inside a run: a text that needs it is one run (same text for Excel).
    const t = `<${p}t xml:space="preserve">${text}</${p}t>`;
    const body = text === escapeXml(value) ? t : `<${p}r>${t}</${p}r>`;
    return { xml: `${open('inlineStr')}><${p}is>${body}</${p}is></${p}c>`, content: { value: 'other' } };
  }
  const text = value.formula.replace(/^=/, '').trim();
  if (!text) throw new PlanError(`Công thức ghi vào ô ${at} của trang "${sheet}" rỗng.`, `The formula for cell ${at} of sheet "${sheet}" is empty.`);
  return { xml: `${open()}><${p}f>${escapeXml(text)}</${p}f></${p}c>`, content: { formula: { type: 'normal', text }, value: null } };
}

function numberText(n: number): string {
  return Object.is(n, -0) ? '0' : String(n).toUpperCase();
}

// ---------------------------------------------------------------------------------------
// Cached results of the SUMs that depend on written cells.

const SUM = /^\s*SUM\(([^()]*)\)\s*$/i;
type Result = number | { error: string };

/**
 * Recomputes, in `edits`, the cached value of every plain same-sheet `SUM(A1:B2,C3,...)`
 * that depends (directly or through other SUMs) on a written cell. Other formulas keep
 * their cached value; Excel recomputes everything on open (fullCalcOnLoad).
 * Returns the addresses of SUM cells changed outside the plan.
 */
function recalcSums(contents: Map<number, CellContent>, edits: Map<number, Edit>, cells: Map<number, XmlCell>, p: string): string[] {
  const current = new Map(contents);
  for (const [k, e] of edits) current.set(k, e.content);
  const sums = new Map<number, Range[]>();
  for (const [k, c] of current) {
    const m = c.formula && c.formula.type === 'normal' ? SUM.exec(c.formula.text) : null;
    const ranges = m ? m[1].split(',').map((arg) => parseRange(arg.trim().replace(/\$/g, '').toUpperCase())) : [];
    if (m && ranges.every((r) => r !== undefined)) sums.set(k, ranges as Range[]);
  }
  // Dirty: written cells, then every SUM over a dirty cell, until nothing changes.
  const dirty = new Set(edits.keys());
  const rowOf = (k: number) => Math.floor(k / MAX_COL);
  const colOf = (k: number) => (k % MAX_COL) + 1;
  for (let grew = true; grew; ) {
    grew = false;
    for (const [k, ranges] of sums) {
      if (dirty.has(k) || ![...dirty].some((d) => ranges.some((r) => inRange(r, rowOf(d), colOf(d))))) continue;
      dirty.add(k);
      grew = true;
    }
  }
  const memo = new Map<number, Result | null>();
  /** A cell as SUM sees it: a result, 'skip' (text, blank, boolean), or null when it cannot be known. */
  const input = (k: number, c: CellContent, visiting: Set<number>): Result | 'skip' | null => {
    if (sums.has(k) && dirty.has(k)) return evaluate(k, visiting);
    if (c.formula && dirty.has(k)) return null; // a written formula has no result yet
    return c.value === null || c.value === 'other' ? 'skip' : c.value;
  };
  const evaluate = (k: number, visiting: Set<number>): Result | null => {
    if (memo.has(k)) return memo.get(k) ?? null;
    const ranges = sums.get(k);
    if (!ranges || visiting.has(k)) return null;
    visiting.add(k);
    let total: Result | null = 0;
    for (const [ck, c] of current) {
      if (total === null) break;
      if (ck !== k && ranges.some((r) => inRange(r, rowOf(ck), colOf(ck)))) total = add(total, input(ck, c, visiting));
    }
    visiting.delete(k);
    memo.set(k, total);
    return total;
  };
  const changed: string[] = [];
  for (const k of dirty) {
    if (!sums.has(k)) continue;
    const result = evaluate(k, new Set());
    if (result === null || sameResult(current.get(k)?.value ?? null, result)) continue;
    const edit = edits.get(k);
    const base = edit?.xml ?? (cells.get(k) as XmlCell).text;
    edits.set(k, { xml: withCachedResult(base, result, p), content: { ...(current.get(k) as CellContent), value: result } });
    if (!edit) changed.push(addr(rowOf(k), colOf(k)));
  }
  return changed;
}

/** SUM adds numbers and skips text, booleans and blanks; an error propagates; an unknown input stops it. */
function add(total: Result, v: Result | 'skip' | null): Result | null {
  if (v === null || (typeof v === 'number' && !Number.isFinite(v))) return null;
  if (v === 'skip' || typeof total !== 'number') return total;
  // Rounded so that 0.25 + 0.5 + 0.1 reads as 0.85, as Excel displays it.
  return typeof v === 'number' ? Math.round((total + v) * 1e9) / 1e9 : v;
}

function sameResult(cached: CellContent['value'], result: Result): boolean {
  if (typeof result === 'number') return cached === result;
  return typeof cached === 'object' && cached !== null && cached.error === result.error;
}

/** The cell element with its `<v>` (and `t`) set to the result. */
function withCachedResult(cellXml: string, result: Result, p: string): string {
  const open = new RegExp(`^<${p}c\\b([^>]*?)(/?)>`).exec(cellXml) as RegExpExecArray;
  const attrs = [...attributes(open[1])].filter(([k]) => k !== 't');
  const t = typeof result === 'number' ? '' : ' t="e"';
  const v = `<${p}v>${typeof result === 'number' ? numberText(result) : escapeXml(result.error)}</${p}v>`;
  const inner = open[2] ? '' : cellXml.slice(open[0].length, cellXml.length - `</${p}c>`.length);
  const vRe = new RegExp(`<${p}v\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}v>)`);
  const fRe = new RegExp(`<${p}f\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}f>)`);
  const f = fRe.exec(inner);
  const next = vRe.test(inner) ? inner.replace(vRe, v) : f ? inner.slice(0, f.index + f[0].length) + v + inner.slice(f.index + f[0].length) : v + inner;
  return `<${p}c${attrs.map(([k, val]) => ` ${k}="${val}"`).join('')}${t}>${next}</${p}c>`;
}

// ---------------------------------------------------------------------------------------
// Rendering the edited <sheetData>.

function renderSheetData(data: SheetData, edits: Map<number, Edit>): string {
  const p = data.prefix;
  const byRow = new Map<number, Map<number, Edit>>();
  for (const [k, e] of edits) {
    const row = Math.floor(k / MAX_COL);
    const m = byRow.get(row) ?? new Map<number, Edit>();
    m.set((k % MAX_COL) + 1, e);
    byRow.set(row, m);
  }
  const newRows = [...byRow.keys()].filter((r) => !data.rows.some((x) => x.row === r)).sort((a, b) => a - b);
  let out = data.openTag;
  let n = 0;
  const flushNewRows = (before: number) => {
    for (; n < newRows.length && newRows[n] < before; n++) {
      const cellsXml = [...(byRow.get(newRows[n]) as Map<number, Edit>)].sort(([a], [b]) => a - b).map(([, e]) => e.xml ?? '').join('');
      if (cellsXml) out += `<${p}row r="${newRows[n]}">${cellsXml}</${p}row>`;
    }
  };
  for (const row of data.rows) {
    flushNewRows(row.row);
    const rowEdits = byRow.get(row.row);
    out += row.lead + (rowEdits ? renderRow(row, rowEdits, p) : row.text);
  }
  flushNewRows(Infinity);
  return `${out}${data.tail}</${p}sheetData>`;
}

function renderRow(row: XmlRow, edits: Map<number, Edit>, p: string): string {
  const cols = new Set([...row.cells.map((c) => c.col), ...edits.keys()]);
  const byCol = new Map(row.cells.map((c) => [c.col, c]));
  let content = '';
  for (const col of [...cols].sort((a, b) => a - b)) {
    const cell = byCol.get(col);
    const edit = edits.get(col);
    content += (cell?.lead ?? '') + (edit ? (edit.xml ?? '') : (cell?.text ?? ''));
  }
  const attrs = new Map(row.attrs);
  const spans = /^(\d+):(\d+)$/.exec(attrs.get('spans') ?? '');
  const written = [...edits].filter(([, e]) => e.xml !== null).map(([c]) => c);
  if (spans && written.some((c) => c < Number(spans[1]) || c > Number(spans[2]))) {
    attrs.set('spans', `${Math.min(Number(spans[1]), ...written)}:${Math.max(Number(spans[2]), ...written)}`);
  }
  const open = `<${p}row${[...attrs].map(([k, v]) => ` ${k}="${v}"`).join('')}`;
  const body = content + row.tail;
  return body ? `${open}>${body}</${p}row>` : `${open}/>`;
}

/** `<dimension ref>` widened to take in new cells (readers such as openpyxl trust it). */
function widenDimension(head: string, edits: Map<number, Edit>, p: string): string {
  const m = new RegExp(`(<${p}dimension\\b[^>]*\\bref=")([^"]*)(")`).exec(head);
  const range = m ? parseRange(m[2]) : undefined;
  if (!m || !range) return head;
  let { top, left, bottom, right } = range;
  for (const [k, e] of edits) {
    if (e.xml === null) continue;
    const row = Math.floor(k / MAX_COL);
    const col = (k % MAX_COL) + 1;
    [top, left, bottom, right] = [Math.min(top, row), Math.min(left, col), Math.max(bottom, row), Math.max(right, col)];
  }
  if (top === range.top && left === range.left && bottom === range.bottom && right === range.right) return head;
  const ref = `${addr(top, left)}:${addr(bottom, right)}`;
  return head.slice(0, m.index) + m[1] + ref + m[3] + head.slice(m.index + m[0].length);
}

// ---------------------------------------------------------------------------------------
// Small XML helpers.

/**
 * Cell text as OOXML stores it: XML-escaped; characters XML cannot carry (controls other
 * than tab and line feed, carriage return which XML turns into a line feed, lone
 * surrogates, U+FFFE/U+FFFF) as `_xHHHH_`, and a literal `_xHHHH_` with its underscore
 * escaped so that it is not decoded.
 */
export function escapeText(s: string): string {
  const hex = (c: string) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
  return escapeXml(s.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')).replace(
    /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    hex,
  );
}

function colNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** `A1` or `A1:C5` (no `$`, no sheet) -> 1-based range. */
function parseRange(ref: string): Range | undefined {
  const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(ref);
  if (!m) return undefined;
  const [c1, r1, c2, r2] = [colNumber(m[1]), Number(m[2]), m[3] ? colNumber(m[3]) : colNumber(m[1]), m[4] ? Number(m[4]) : Number(m[2])];
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

function inRange(r: Range, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}
