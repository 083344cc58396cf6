/**
 * Writes a WorkbookSpec as .xlsx XML directly, row by row into a streaming zip, without
 * exceljs's in-memory model (a cell object, a style object per cell): the consolidation
 * summary of hundreds of workbooks is written in little memory and time. Styles are
 * interned: each distinct combination of the spec's rules is one `xf`, and a cell's
 * combination is found by applying the rules over it in order from a small memo.
 * Strings are shared strings and never formulas; formulas get no cached result (Excel
 * computes them on open: fullCalcOnLoad). Charts are not written (as with exceljs).
 * Covers what write.ts renders: values, widths, heights, merges, styles, validations,
 * protection, frozen panes, filter buttons, print setup.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { a1, type CellRange, type WriteValue } from '../workbook/grid';
import type { CellStyle, SheetSpec, StreamedSheetSpec, StreamedWorkbookSpec, ValidationRule } from '../workbook/spec';
import { escapeText } from './surgical';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Raw DEFLATE of one chunk of a part, the chunks compressed one after another: a chunk
 * not `final` ends on a byte boundary without the final block (a sync flush), so the
 * outputs joined are one deflate stream. Node's zlib is several times faster than fflate
 * (write.ts passes it); the browser has only fflate, the default.
 */
export type ChunkDeflate = (chunk: Uint8Array, final: boolean) => Uint8Array<ArrayBuffer>;

export interface StreamOptions {
  deflate?: ChunkDeflate;
}

/** The .xlsx bytes of `spec`; only the compressed output is held in memory. */
export function streamSpecToBuffer(spec: StreamedWorkbookSpec, opts: StreamOptions = {}): Buffer {
  const chunks: Uint8Array[] = [];
  streamSpec(spec, (chunk) => chunks.push(chunk), opts);
  return Buffer.concat(chunks);
}

/** Writes the .xlsx of `spec` to `sink` chunk by chunk as it is compressed (a file need not be held whole). */
export function streamSpec(spec: StreamedWorkbookSpec, sink: (chunk: Uint8Array) => void, opts: StreamOptions = {}): void {
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else sink(data);
  });
  const open = (name: string) => new PartWriter(zip, name, opts.deflate);
  const styles = new StyleTable();
  const strings = new SharedStrings();
  spec.sheets.forEach((sheet, i) => {
    const part = open(`xl/worksheets/sheet${i + 1}.xml`);
    writeSheet(part, sheet, i, styles, strings);
    part.end();
  });
  const whole = (name: string, xml: string) => {
    const part = open(name);
    part.write(xml);
    part.end();
  };
  const sst = open('xl/sharedStrings.xml');
  strings.write(sst);
  sst.end();
  whole('xl/styles.xml', styles.xml());
  whole('xl/workbook.xml', workbookXml(spec));
  whole('xl/_rels/workbook.xml.rels', workbookRels(spec));
  whole('_rels/.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  whole('[Content_Types].xml', contentTypes(spec));
  zip.end();
  if (failure) throw failure;
}

/** A zip entry compressed by a ChunkDeflate (fflate computes its CRC and size in push). */
class ChunkDeflateEntry extends ZipPassThrough {
  constructor(
    name: string,
    private readonly deflate: ChunkDeflate,
  ) {
    super(name);
    this.compression = 8;
  }

  // A failure of the deflate throws through push to the writer's caller.
  override process(chunk: Uint8Array, final: boolean): void {
    this.ondata(null, this.deflate(chunk, final), final);
  }
}

/** One zip entry, deflated as it is written; text is buffered into chunks of about 64 KB. */
class PartWriter {
  private readonly file: ZipDeflate | ChunkDeflateEntry;
  private parts: string[] = [];
  private size = 0;
  private static readonly encoder = new TextEncoder();

  constructor(zip: Zip, name: string, deflate: ChunkDeflate | undefined) {
    // Level 1 with fflate: a third of level 6's time on the summary's repetitive XML, for a file ~40% larger (570 -> 790 KB at 150 units).
    this.file = deflate ? new ChunkDeflateEntry(name, deflate) : new ZipDeflate(name, { level: 1 });
    zip.add(this.file);
  }

  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= 65536) this.flush(false);
  }

  end(): void {
    this.flush(true);
  }

  private flush(final: boolean): void {
    this.file.push(PartWriter.encoder.encode(this.parts.join('')), final);
    this.parts = [];
    this.size = 0;
  }
}

// ---------------------------------------------------------------------------------------
// Shared strings

class SharedStrings {
  private readonly index = new Map<string, number>();
  private count = 0;

  /** The index of `s` in the table, added on first use. */
  of(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(s, i);
    }
    return i;
  }

  write(part: PartWriter): void {
    part.write(`${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.index.size}">`);
    for (const s of this.index.keys()) part.write(`<si><t xml:space="preserve">${escapeText(s)}</t></si>`);
    part.write('</sst>');
  }
}

// ---------------------------------------------------------------------------------------
// Styles

/** Excel's built-in number formats (ids below 164), as exceljs maps them. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '0.00E+00': 11, '@': 49 };
const STYLE_KEYS: (keyof CellStyle)[] = ['bold', 'italic', 'fontSize', 'fontName', 'color', 'fill', 'wrap', 'hAlign', 'vAlign', 'border', 'numberFormat', 'locked'];
const DEFAULT_FONT = { name: 'Calibri', size: 11 };

/**
 * The workbook's cell formats. A cell's style is the spec's rules over it applied in order
 * (a later rule changes only what it names): `apply(style, rule)` is memoised, so a rule
 * costs a map lookup per cell and equal combinations share one `xf`.
 */
class StyleTable {
  /** Combined styles; 0 is the default (no rule). */
  private readonly combined: CellStyle[] = [{}];
  private readonly combinedIds = new Map<string, number>();
  private readonly transitions = new Map<number, Map<CellStyle, number>>();
  private readonly fonts = new Interned();
  private readonly fills = new Interned();
  private readonly borders = new Interned();
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Interned();
  /** Combined style id -> xf index. */
  private readonly xfOfStyle = new Map<number, number>([[0, 0]]);

  constructor() {
    this.fonts.id(fontXml({}));
    this.fills.id('<fill><patternFill patternType="none"/></fill>');
    this.fills.id('<fill><patternFill patternType="gray125"/></fill>');
    this.borders.id('<border><left/><right/><top/><bottom/><diagonal/></border>');
    this.xfs.id('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
  }

  /** The combined style of `from` with `rule` applied over it. */
  apply(from: number, rule: CellStyle): number {
    let byRule = this.transitions.get(from);
    if (!byRule) this.transitions.set(from, (byRule = new Map()));
    let to = byRule.get(rule);
    if (to === undefined) {
      const merged: CellStyle = { ...this.combined[from] };
      for (const k of STYLE_KEYS) if (rule[k] !== undefined) (merged as Record<string, unknown>)[k] = rule[k];
      const key = JSON.stringify(STYLE_KEYS.map((k) => merged[k] ?? null));
      to = this.combinedIds.get(key);
      if (to === undefined) {
        to = this.combined.length;
        this.combined.push(merged);
        this.combinedIds.set(key, to);
      }
      byRule.set(rule, to);
    }
    return to;
  }

  /** The `s` attribute (xf index) of a combined style. */
  xf(style: number): number {
    let xf = this.xfOfStyle.get(style);
    if (xf === undefined) {
      xf = this.xfs.id(this.xfXml(this.combined[style]));
      this.xfOfStyle.set(style, xf);
    }
    return xf;
  }

  private xfXml(s: CellStyle): string {
    const font = this.fonts.id(fontXml(s));
    const fill = s.fill !== undefined ? this.fills.id(`<fill><patternFill patternType="solid"><fgColor rgb="FF${s.fill}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const border = s.border === 'thin' ? this.borders.id(`<border>${['left', 'right', 'top', 'bottom'].map((side) => `<${side} style="thin"><color indexed="64"/></${side}>`).join('')}<diagonal/></border>`) : 0;
    const numFmt = s.numberFormat === undefined ? 0 : this.format(s.numberFormat);
    const align = [
      s.hAlign !== undefined ? ` horizontal="${s.hAlign}"` : '',
      s.vAlign !== undefined ? ` vertical="${s.vAlign === 'middle' ? 'center' : s.vAlign}"` : '',
      s.wrap ? ' wrapText="1"' : '',
    ].join('');
    const attrs = [
      `numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"`,
      numFmt !== 0 ? ' applyNumberFormat="1"' : '',
      font !== 0 ? ' applyFont="1"' : '',
      fill !== 0 ? ' applyFill="1"' : '',
      border !== 0 ? ' applyBorder="1"' : '',
      align !== '' ? ' applyAlignment="1"' : '',
      s.locked !== undefined ? ' applyProtection="1"' : '',
    ].join('');
    const children = (align !== '' ? `<alignment${align}/>` : '') + (s.locked !== undefined ? `<protection locked="${s.locked ? 1 : 0}"/>` : '');
    return children === '' ? `<xf ${attrs}/>` : `<xf ${attrs}>${children}</xf>`;
  }

  private format(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = 164 + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  xml(): string {
    const list = (tag: string, items: readonly string[]) => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    const numFmts = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeText(code)}"/>`);
    return [
      XML_HEAD,
      `<styleSheet xmlns="${MAIN_NS}">`,
      numFmts.length > 0 ? list('numFmts', numFmts) : '',
      list('fonts', this.fonts.items),
      list('fills', this.fills.items),
      list('borders', this.borders.items),
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
      list('cellXfs', this.xfs.items),
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>',
      '</styleSheet>',
    ].join('');
  }
}

function fontXml(s: CellStyle): string {
  return [
    '<font>',
    s.bold ? '<b/>' : '',
    s.italic ? '<i/>' : '',
    `<sz val="${s.fontSize ?? DEFAULT_FONT.size}"/>`,
    s.color !== undefined ? `<color rgb="FF${s.color}"/>` : '<color theme="1"/>',
    `<name val="${escapeText(s.fontName ?? DEFAULT_FONT.name)}"/>`,
    '<family val="2"/>',
    s.fontName === undefined ? '<scheme val="minor"/>' : '',
    '</font>',
  ].join('');
}

/** A list of XML items, each kept once, by position. */
class Interned {
  readonly items: string[] = [];
  private readonly ids = new Map<string, number>();

  id(xml: string): number {
    let id = this.ids.get(xml);
    if (id === undefined) {
      id = this.items.length;
      this.items.push(xml);
      this.ids.set(xml, id);
    }
    return id;
  }
}

// ---------------------------------------------------------------------------------------
// Sheets

/** A rule's or a merge's rows, kept with its place in the spec (rules apply in that order). */
interface Span {
  range: CellRange;
  at: number;
  style?: CellStyle;
}

/**
 * The combined style of each styled cell, a row at a time, without a map of every cell:
 * the rows between two consecutive edges of the rules and merges (a band) are styled
 * alike, so each band's columns are computed once, by a sweep that keeps the rules and
 * merges over the band in spec order. The cells of a merged range share one style, their
 * top-left cell's: every rule over any of its cells applied in order (exceljs keeps one
 * style object for a merged range, and Excel shows the top-left cell's).
 */
class SheetStyles {
  /** Rules then merges, by their first row. */
  private readonly pending: Span[];
  private next = 0;
  /** Spans over the current band, in spec order (rules before merges). */
  private active: Span[] = [];
  private bandEnd = -1;
  /** Combined style by column in the current band; undefined where nothing covers the cell. */
  private cols: (number | undefined)[] = [];
  private readonly mergeStyles = new Map<Span, number>();
  readonly lastRow: number;
  readonly lastCol: number;

  constructor(
    sheet: SheetSpec | StreamedSheetSpec,
    private readonly styles: StyleTable,
  ) {
    const valid = (r: CellRange) => r.top <= r.bottom && r.left <= r.right;
    const rules = (sheet.styles ?? []).filter((rule) => valid(rule.range)).map((rule, at) => ({ range: rule.range, at, style: rule.style }));
    const merges = (sheet.merges ?? []).filter(valid).map((range, i) => ({ range, at: rules.length + i }));
    this.pending = [...rules, ...merges].sort((x, y) => x.range.top - y.range.top || x.at - y.at);
    this.lastRow = Math.max(-1, ...this.pending.map((p) => p.range.bottom));
    this.lastCol = Math.max(-1, ...this.pending.map((p) => p.range.right));
  }

  /** The styles of row `r` by column; rows are asked in increasing order. */
  row(r: number): readonly (number | undefined)[] {
    if (r > this.bandEnd) this.enterBand(r);
    return this.cols;
  }

  private enterBand(r: number): void {
    this.active = this.active.filter((p) => p.range.bottom >= r);
    while (this.next < this.pending.length && this.pending[this.next].range.top <= r) {
      const p = this.pending[this.next++];
      if (p.range.bottom < r) continue;
      let i = this.active.length;
      while (i > 0 && this.active[i - 1].at > p.at) i--;
      this.active.splice(i, 0, p);
    }
    // The band ends before the next edge: a span's end or the next span's start.
    let end = this.next < this.pending.length ? this.pending[this.next].range.top - 1 : Number.MAX_SAFE_INTEGER;
    for (const p of this.active) end = Math.min(end, p.range.bottom);
    this.bandEnd = end;
    const cols: (number | undefined)[] = [];
    const merged: boolean[] = [];
    const merges = this.active.filter((p) => p.style === undefined);
    for (const m of merges) for (let c = m.range.left; c <= m.range.right; c++) merged[c] = true;
    for (const p of this.active) {
      if (p.style === undefined) continue;
      for (let c = p.range.left; c <= p.range.right; c++) if (!merged[c]) cols[c] = this.styles.apply(cols[c] ?? 0, p.style);
    }
    for (const m of merges) {
      const style = this.mergeStyle(m);
      for (let c = m.range.left; c <= m.range.right; c++) cols[c] = style;
    }
    this.cols = cols;
  }

  /** Every rule over any cell of the merge, in order, as applied to its top-left cell. */
  private mergeStyle(m: Span): number {
    let style = this.mergeStyles.get(m);
    if (style === undefined) {
      style = 0;
      for (const p of this.pending) if (p.style !== undefined && intersects(p.range, m.range)) style = this.styles.apply(style, p.style);
      this.mergeStyles.set(m, style);
    }
    return style;
  }
}

const intersects = (a: CellRange, b: CellRange) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

function writeSheet(part: PartWriter, sheet: SheetSpec | StreamedSheetSpec, position: number, styles: StyleTable, strings: SharedStrings): void {
  const styled = new SheetStyles(sheet, styles);
  const heights = sheet.rowHeights ?? {};
  let lastRow = styled.lastRow;
  let lastCol = Math.max(0, styled.lastCol);
  sheet.values.forEach((row, r) => {
    if (row.length === 0) return;
    lastRow = Math.max(lastRow, r);
    lastCol = Math.max(lastCol, row.length - 1);
  });
  const more = sheet.more;
  const held = sheet.values.length;
  if (more && more.count > 0 && more.width > 0) {
    lastRow = Math.max(lastRow, held + more.count - 1);
    lastCol = Math.max(lastCol, more.width - 1);
  }
  const source = more?.rows()[Symbol.iterator]();
  for (const r of Object.keys(heights)) lastRow = Math.max(lastRow, Number(r));
  const print = sheet.print;

  part.write(`${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
  if (print?.fitToWidth) part.write('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  part.write(`<dimension ref="A1:${a1(Math.max(0, lastRow), lastCol)}"/>`);
  const pane = paneXml(sheet.freeze);
  if (pane !== '') part.write(`<sheetViews><sheetView${position === 0 ? ' tabSelected="1"' : ''} workbookViewId="0">${pane}</sheetView></sheetViews>`);
  part.write('<sheetFormatPr defaultRowHeight="15"/>');
  if (sheet.columnWidths?.length) {
    part.write(`<cols>${sheet.columnWidths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`);
  }
  part.write('<sheetData>');
  for (let r = 0; r <= lastRow; r++) {
    const values = (r < held ? sheet.values[r] : source?.next().value) ?? [];
    const rowStyles = styled.row(r);
    const height = heights[r];
    const cells: string[] = [];
    const width = Math.max(values.length, rowStyles.length);
    for (let c = 0; c < width; c++) {
      const v = values[c] ?? null;
      const style = rowStyles[c];
      if (v !== null || style !== undefined) cells.push(cellXml(r, c, v, styles.xf(style ?? 0), strings));
    }
    if (values.length === 0 && cells.length === 0 && height === undefined) continue;
    part.write(`<row r="${r + 1}"${height !== undefined ? ` ht="${height}" customHeight="1"` : ''}>${cells.join('')}</row>`);
  }
  part.write('</sheetData>');
  if (sheet.protect) part.write('<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>');
  // After sheetProtection, before mergeCells (CT_Worksheet's order); its defined name is in workbook.xml.
  if (sheet.autoFilter) part.write(`<autoFilter ref="${rangeA1(sheet.autoFilter)}"/>`);
  if (sheet.merges?.length) part.write(`<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${rangeA1(m)}"/>`).join('')}</mergeCells>`);
  if (sheet.validations?.length) part.write(`<dataValidations count="${sheet.validations.length}">${sheet.validations.map(validationXml).join('')}</dataValidations>`);
  // Without a print setup, exceljs's defaults (Excel's "Normal" margins, portrait).
  if (!print) part.write('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup orientation="portrait"/>');
  else {
    const m = print.margins;
    part.write(`<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`);
    part.write(`<pageSetup paperSize="9" orientation="${print.orientation}"${print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`);
    const header = print.centerHeader ? `<oddHeader>${escapeText(`&C${print.centerHeader}`)}</oddHeader>` : '';
    const footer = print.centerFooter ? `<oddFooter>${escapeText(`&C${print.centerFooter}`)}</oddFooter>` : '';
    if (header || footer) part.write(`<headerFooter>${header}${footer}</headerFooter>`);
    const breaks = print.rowBreaks ?? [];
    if (breaks.length > 0) part.write(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r + 1}" max="16383" man="1"/>`).join('')}</rowBreaks>`);
  }
  part.write('</worksheet>');
}

function cellXml(r: number, c: number, v: WriteValue, xf: number, strings: SharedStrings): string {
  const at = `r="${a1(r, c)}"${xf !== 0 ? ` s="${xf}"` : ''}`;
  if (v === null) return `<c ${at}/>`;
  if (typeof v === 'string') return `<c ${at} t="s"><v>${strings.of(v)}</v></c>`;
  if (typeof v === 'number') return Number.isFinite(v) ? `<c ${at}><v>${Object.is(v, -0) ? 0 : v}</v></c>` : `<c ${at} t="e"><v>#NUM!</v></c>`;
  if (typeof v === 'boolean') return `<c ${at} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c ${at}><f>${escapeText(v.formula.replace(/^=/, ''))}</f></c>`;
}

function paneXml(freeze: SheetSpec['freeze']): string {
  if (!freeze || (freeze.rows === 0 && freeze.cols === 0)) return '';
  const active = freeze.rows > 0 && freeze.cols > 0 ? 'bottomRight' : freeze.rows > 0 ? 'bottomLeft' : 'topRight';
  const split = `${freeze.cols > 0 ? ` xSplit="${freeze.cols}"` : ''}${freeze.rows > 0 ? ` ySplit="${freeze.rows}"` : ''}`;
  return `<pane${split} topLeftCell="${a1(freeze.rows, freeze.cols)}" activePane="${active}" state="frozen"/><selection pane="${active}"/>`;
}

/** As write.ts: Excel's length limits, a literal list up to 255 characters, else its bounds. */
function validationXml(rule: ValidationRule): string {
  const list = rule.kind === 'list' ? `"${rule.values.join(',')}"` : '';
  const common = `allowBlank="1" showInputMessage="1" errorStyle="stop" showErrorMessage="1" errorTitle="Giá trị không hợp lệ" error="${escapeText(rule.message.slice(0, 225))}" prompt="${escapeText(rule.message.slice(0, 255))}" sqref="${rangeA1(rule.range)}"`;
  if (rule.kind === 'list' && list.length <= 255) return `<dataValidation type="list" ${common}><formula1>${escapeText(list)}</formula1></dataValidation>`;
  const [min, max] = rule.kind === 'decimal' ? [rule.min, rule.max] : bounds(rule.values);
  return `<dataValidation type="decimal" operator="between" ${common}><formula1>${min}</formula1><formula2>${max}</formula2></dataValidation>`;
}

function bounds(values: readonly (number | string)[]): [number, number] {
  const numbers = values.map(Number).filter(Number.isFinite);
  return [Math.min(...numbers), Math.max(...numbers)];
}

function rangeA1(r: CellRange): string {
  const from = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? from : `${from}:${a1(r.bottom, r.right)}`;
}

// ---------------------------------------------------------------------------------------
// Workbook parts

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;
const absolute = (r: number, c: number) => a1(r, c).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');

function workbookXml(spec: StreamedWorkbookSpec): string {
  const sheets = spec.sheets.map((s, i) => `<sheet name="${escapeText(s.name)}" sheetId="${i + 1}"${s.visibility && s.visibility !== 'visible' ? ` state="${s.visibility}"` : ''} r:id="rId${i + 1}"/>`);
  const names: string[] = [];
  const area = (s: SheetSpec | StreamedSheetSpec, a: CellRange) => escapeText(`${quoteSheet(s.name)}!${absolute(a.top, a.left)}:${absolute(a.bottom, a.right)}`);
  // As Excel writes them: by name, then by sheet; the filter's range as a hidden name.
  spec.sheets.forEach((s, i) => {
    if (s.autoFilter) names.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${area(s, s.autoFilter)}</definedName>`);
  });
  spec.sheets.forEach((s, i) => {
    if (s.print?.printArea) names.push(`<definedName name="_xlnm.Print_Area" localSheetId="${i}">${area(s, s.print.printArea)}</definedName>`);
  });
  spec.sheets.forEach((s, i) => {
    const p = s.print;
    if (p?.titleRows) {
      names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeText(`${quoteSheet(s.name)}!$${p.titleRows[0] + 1}:$${p.titleRows[1] + 1}`)}</definedName>`);
    }
  });
  return [
    XML_HEAD,
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
    '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="12000" windowHeight="24000"/></bookViews>',
    `<sheets>${sheets.join('')}</sheets>`,
    names.length > 0 ? `<definedNames>${names.join('')}</definedNames>` : '',
    '<calcPr calcId="171027" fullCalcOnLoad="1"/>',
    '</workbook>',
  ].join('');
}

function workbookRels(spec: StreamedWorkbookSpec): string {
  const n = spec.sheets.length;
  const rels = spec.sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  rels.push(`<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`);
  rels.push(`<Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
}

function contentTypes(spec: StreamedWorkbookSpec): string {
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  return [
    XML_HEAD,
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>`,
    ...spec.sheets.map((_s, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.worksheet+xml"/>`),
    `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/>`,
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/>`,
    '</Types>',
  ].join('');
}
