/**
 * Rendering a SheetSpec (template, print-ready score sheet, consolidation output) in the
 * open workbook, whatever the number of rows in 2 syncs plus one per sheet (more only
 * when a sheet's values exceed one request): look up existing sheets; write each new
 * sheet under a temporary name (values, formats, filters, charts); replace the old ones
 * and turn events back on. A failure leaves the workbook as it was. Features the running
 * Excel lacks are skipped and reported.
 */
import { a1, type CellRange } from '../workbook/grid';
import type { CellStyle, ChartSpec, PrintSetup, SheetSpec, ValidationRule, WorkbookSpec } from '../workbook/spec';
import { specProblem } from '../workbook/specCheck';
import type { ExcelRun, XlContext, XlRange, XlWorksheet } from './api';
import { chunkBlocks, DEFAULT_BUDGET_BYTES } from './chunks';
import { ExcelAdapterError, wrapOfficeError } from './errors';
import { officeIsSetSupported, supports } from './support';
import { planPieces, type WriteOptions } from './write';

export interface SkippedFeature {
  sheet: string;
  feature: 'dataValidation' | 'pageLayout' | 'autoFilter';
  requirement: string;
  vi: string;
  en: string;
}

export interface SpecResult {
  syncs: number;
  skipped: SkippedFeature[];
}

const VISIBILITY = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const;
const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;
const POINTS_PER_INCH = 72;
const CHART_TYPE = { bar: 'BarClustered', column: 'ColumnClustered' } as const;

/** Column width in characters (the unit of .xlsx files) to Excel's points: (7 px per character + 5 px padding) x 0.75. */
export function widthToPoints(chars: number): number {
  return (chars * 7 + 5) * 0.75;
}

/** The parts of a print setup, named as the user knows them from File > Print. */
function printParts(p: PrintSetup): { vi: string; en: string } {
  const parts: [boolean, string, string][] = [
    [true, 'khổ giấy, hướng giấy, lề', 'paper, orientation, margins'],
    [p.fitToWidth, 'vừa khổ ngang', 'fit to page width'],
    [p.titleRows !== undefined, 'dòng tiêu đề lặp lại', 'repeated title rows'],
    [p.printArea !== undefined, 'vùng in', 'print area'],
    [p.centerHeader !== undefined, 'đầu trang', 'header'],
    [p.centerFooter !== undefined, 'chân trang', 'footer'],
    [(p.rowBreaks?.length ?? 0) > 0, 'ngắt trang', 'page breaks'],
  ];
  const present = parts.filter(([on]) => on);
  return { vi: present.map(([, vi]) => vi).join(', '), en: present.map(([, , en]) => en).join(', ') };
}

function skippedValidation(sheet: string): SkippedFeature {
  return {
    sheet, feature: 'dataValidation', requirement: 'ExcelApi 1.8',
    vi: `Trang tính "${sheet}": chưa đặt kiểm tra dữ liệu (danh sách điểm hợp lệ) vì phiên bản Excel này không hỗ trợ ExcelApi 1.8. Phần bổ trợ vẫn tự kiểm tra điểm khi bạn bấm Kiểm tra.`,
    en: `Sheet "${sheet}": data validation (the list of valid scores) was not set because this version of Excel lacks ExcelApi 1.8. The add-in still checks scores itself when you press Check.`,
  };
}

function skippedPrint(sheet: string, print: PrintSetup): SkippedFeature {
  const parts = printParts(print);
  return {
    sheet, feature: 'pageLayout', requirement: 'ExcelApi 1.9',
    vi: `Trang tính "${sheet}": chưa thiết lập trang in (${parts.vi}) vì phiên bản Excel này không hỗ trợ ExcelApi 1.9. Hãy thiết lập trong Tệp > In hoặc thẻ Bố trí Trang trước khi in.`,
    en: `Sheet "${sheet}": page setup (${parts.en}) was not applied because this version of Excel lacks ExcelApi 1.9. Set it in File > Print or on the Page Layout tab before printing.`,
  };
}

/** Said once for every sheet that would have had filter buttons. */
function skippedFilter(sheets: string[]): SkippedFeature {
  const list = sheets.map((s) => `"${s}"`).join(', ');
  return {
    sheet: sheets.join(', '), feature: 'autoFilter', requirement: 'ExcelApi 1.9',
    vi: `Trang tính ${list}: chưa bật nút lọc ở dòng tiêu đề vì phiên bản Excel này không hỗ trợ ExcelApi 1.9. Muốn lọc, chọn dòng tiêu đề của bảng rồi bấm Dữ liệu > Lọc.`,
    en: `Sheet ${list}: filter buttons were not turned on in the header row because this version of Excel lacks ExcelApi 1.9. To filter, select the table's header row and choose Data > Filter.`,
  };
}

function rangeOf(ws: XlWorksheet, r: CellRange): XlRange {
  return ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
}

function applyStyle(ws: XlWorksheet, r: CellRange, style: CellStyle): void {
  const range = rangeOf(ws, r);
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.fontName !== undefined) f.font.name = style.fontName;
  if (style.color !== undefined) f.font.color = `#${style.color}`;
  if (style.fill !== undefined) f.fill.color = `#${style.fill}`;
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.hAlign !== undefined) f.horizontalAlignment = H_ALIGN[style.hAlign];
  if (style.vAlign !== undefined) f.verticalAlignment = V_ALIGN[style.vAlign];
  if (style.border !== undefined) {
    const edges = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;
    const inside = [...(r.right > r.left ? ['InsideVertical' as const] : []), ...(r.bottom > r.top ? ['InsideHorizontal' as const] : [])];
    for (const edge of [...edges, ...inside]) {
      const border = f.borders.getItem(edge);
      border.style = style.border === 'thin' ? 'Continuous' : 'None';
      if (style.border === 'thin') border.weight = 'Thin';
    }
  }
  if (style.numberFormat !== undefined) {
    const format = style.numberFormat;
    range.numberFormat = Array.from({ length: r.bottom - r.top + 1 }, () => Array<string>(r.right - r.left + 1).fill(format));
  }
  if (style.locked !== undefined) f.protection.locked = style.locked;
}

function applyValidation(ws: XlWorksheet, v: ValidationRule): void {
  const dv = rangeOf(ws, v.range).dataValidation;
  dv.rule =
    v.kind === 'list'
      ? { list: { inCellDropDown: true, source: v.values.join(',') } }
      : { decimal: { formula1: v.min, formula2: v.max, operator: 'Between' } };
  dv.errorAlert = { message: v.message, showAlert: true, style: 'Stop', title: 'Giá trị không hợp lệ' };
}

function applyPrint(ws: XlWorksheet, p: PrintSetup): void {
  const pl = ws.pageLayout;
  pl.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  pl.paperSize = p.paperSize;
  if (p.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (p.titleRows) pl.setPrintTitleRows(`$${p.titleRows[0] + 1}:$${p.titleRows[1] + 1}`);
  if (p.printArea) pl.setPrintArea(`${a1(p.printArea.top, p.printArea.left)}:${a1(p.printArea.bottom, p.printArea.right)}`);
  pl.topMargin = p.margins.top * POINTS_PER_INCH;
  pl.bottomMargin = p.margins.bottom * POINTS_PER_INCH;
  pl.leftMargin = p.margins.left * POINTS_PER_INCH;
  pl.rightMargin = p.margins.right * POINTS_PER_INCH;
  pl.headerMargin = p.margins.header * POINTS_PER_INCH;
  pl.footerMargin = p.margins.footer * POINTS_PER_INCH;
  if (p.centerHeader !== undefined) pl.headersFooters.defaultForAllPages.centerHeader = p.centerHeader;
  if (p.centerFooter !== undefined) pl.headersFooters.defaultForAllPages.centerFooter = p.centerFooter;
  // A break after row r is a page starting at row r + 1.
  for (const r of p.rowBreaks ?? []) ws.horizontalPageBreaks.add(a1(r + 1, 0));
}

/** Values in one column, categories beside them; the frame covers the anchor's cells. */
function applyChart(ws: XlWorksheet, c: ChartSpec): void {
  const chart = ws.charts.add(CHART_TYPE[c.type], rangeOf(ws, c.values), 'Auto');
  chart.title.text = c.title;
  const series = chart.series.getItemAt(0);
  series.name = c.seriesName;
  series.setXAxisValues(rangeOf(ws, c.categories));
  const { row, col, rows, cols } = c.anchor;
  chart.setPosition(a1(row, col), a1(row + rows - 1, col + cols - 1));
}

/** Everything but values, queued after the values so number formats apply to written cells. */
export function applyLayout(ws: XlWorksheet, s: SheetSpec, can: { validation: boolean; print: boolean; filter: boolean }): void {
  s.columnWidths?.forEach((w, c) => {
    ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthToPoints(w);
  });
  for (const [row, height] of Object.entries(s.rowHeights ?? {})) {
    ws.getRangeByIndexes(Number(row), 0, 1, 1).format.rowHeight = height;
  }
  for (const m of s.merges ?? []) rangeOf(ws, m).merge(false);
  for (const rule of s.styles ?? []) applyStyle(ws, rule.range, rule.style);
  if (can.validation) for (const v of s.validations ?? []) applyValidation(ws, v);
  if (s.freeze && (s.freeze.rows > 0 || s.freeze.cols > 0)) {
    const { rows, cols } = s.freeze;
    if (cols === 0) ws.freezePanes.freezeRows(rows);
    else if (rows === 0) ws.freezePanes.freezeColumns(cols);
    else ws.freezePanes.freezeAt(`A1:${a1(rows - 1, cols - 1)}`);
  }
  if (can.filter && s.autoFilter) ws.autoFilter.apply(rangeOf(ws, s.autoFilter));
  if (can.print && s.print) applyPrint(ws, s.print);
  for (const c of s.charts ?? []) applyChart(ws, c);
  if (s.protect) ws.protection.protect();
  if (s.visibility && s.visibility !== 'visible') ws.visibility = VISIBILITY[s.visibility];
}

/** A sheet name no sheet of the workbook has (case-insensitive, as Excel compares them), marked as ours. */
function freeName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** The operation Excel refused, from its error location ("Range.merge"; the stand-in gives the proxy path). */
function operationOf(error: unknown, fallback: string): string {
  const location = (error as { debugInfo?: { errorLocation?: unknown } })?.debugInfo?.errorLocation;
  if (typeof location !== 'string' || location === '') return fallback;
  return location.replace(/:.*$/s, '').replace(/^.*\)\.?/, '') || fallback;
}

/**
 * Creates (or replaces) each sheet of the spec, as one transaction: every check first
 * (specProblem), then each sheet is written under a temporary name, one sync per sheet
 * (more only when its values exceed one request), and only when all are written the old
 * sheets give way, in the final sync: old ones renamed aside, new ones renamed, old ones
 * deleted. On any failure the sheets being written are removed and the old ones keep
 * their names and cells; the error names the sheet and the operation Excel refused.
 * Syncs: 1 (names) + one per sheet + 1 (replace, events back on); 2 more after a failure.
 */
export async function writeSpec(run: ExcelRun, spec: WorkbookSpec, opts: WriteOptions = {}): Promise<SpecResult> {
  // A spec Excel would refuse halfway is refused before the workbook is touched.
  const problem = specProblem(spec);
  if (problem) throw problem;
  const isSetSupported = opts.isSetSupported ?? officeIsSetSupported;
  const can = { validation: supports('dataValidation', isSetSupported), print: supports('pageLayout', isSetSupported), filter: supports('autoFilter', isSetSupported) };
  const skippedFeatures: SkippedFeature[] = [];
  for (const s of spec.sheets) {
    if (!can.validation && (s.validations?.length ?? 0) > 0) skippedFeatures.push(skippedValidation(s.name));
    if (!can.print && s.print) skippedFeatures.push(skippedPrint(s.name, s.print));
  }
  const filtered = spec.sheets.filter((s) => s.autoFilter).map((s) => s.name);
  if (!can.filter && filtered.length > 0) skippedFeatures.push(skippedFilter(filtered));
  const budget = opts.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  const chunksOf = spec.sheets.map((s) => {
    const chunks = chunkBlocks(planPieces({ blocks: [{ sheet: s.name, row: 0, col: 0, values: s.values }] }), budget);
    return chunks.length > 0 ? chunks : [[]];
  });
  const eventsToggle = isSetSupported('ExcelApi', '1.8');
  try {
    const syncs = await run({ delayForCellEdit: true }, async (ctx) => {
      const all = ctx.workbook.worksheets.load('items/name');
      const existing = spec.sheets.map((s) => ctx.workbook.worksheets.getItemOrNullObject(s.name));
      await ctx.sync();
      let syncs = 1;
      const taken = new Set(all.items.map((w) => w.name.toLowerCase()));
      const fresh = spec.sheets.map((_s, i) => freeName(`~chiso-moi-${i + 1}~`, taken));
      const aside = spec.sheets.map((_s, i) => freeName(`~chiso-cu-${i + 1}~`, taken));
      // The sheet of the request being sent, and what it does, for the message of a failure.
      let at = { sheet: spec.sheets[0]?.name ?? '', operation: 'worksheets.add' };
      try {
        if (eventsToggle) ctx.runtime.enableEvents = false;
        const created: XlWorksheet[] = [];
        for (const [i, s] of spec.sheets.entries()) {
          at = { sheet: s.name, operation: 'values' };
          const ws = ctx.workbook.worksheets.add(fresh[i]);
          created.push(ws);
          for (const [j, chunk] of chunksOf[i].entries()) {
            ctx.application.suspendApiCalculationUntilNextSync();
            for (const piece of chunk) ws.getRangeByIndexes(piece.row, piece.col, piece.values.length, piece.values[0].length).values = piece.values;
            if (j === chunksOf[i].length - 1) applyLayout(ws, s, can);
            // One sync per chunk: each request must stay under 5 MB.
            await ctx.sync();
            syncs++;
          }
        }
        // Every sheet is written: the old ones give way. Events first, so they are on again whatever follows.
        at = { sheet: spec.sheets.map((s) => s.name).join('", "'), operation: 'worksheet.name' };
        if (eventsToggle) ctx.runtime.enableEvents = true;
        existing.forEach((old, i) => {
          if (!old.isNullObject) old.name = aside[i];
        });
        spec.sheets.forEach((s, i) => {
          created[i].name = s.name;
        });
        existing.forEach((old) => {
          if (!old.isNullObject) old.delete();
        });
        await ctx.sync();
        return syncs + 1;
      } catch (error) {
        const params = { sheet: at.sheet, operation: operationOf(error, at.operation) };
        try {
          await undo(ctx, spec, fresh, aside, eventsToggle);
        } catch (secondary) {
          const e = new ExcelAdapterError('SHEET_WRITE_NOT_UNDONE', { cause: error, officeCode: wrapOfficeError(error).officeCode, params: { ...params, temporary: fresh.join(', ') } });
          e.secondary = secondary;
          throw e;
        }
        throw new ExcelAdapterError('SHEET_WRITE_FAILED', { cause: error, officeCode: wrapOfficeError(error).officeCode, params });
      }
    });
    return { syncs, skipped: skippedFeatures };
  } catch (error) {
    throw wrapOfficeError(error);
  }
}

/**
 * After a failure, the workbook as it was, found by name (Excel kept the actions of the
 * failed request that ran before the refused one): a sheet being written is deleted; an
 * old sheet already set aside gets its name back (the new one that took it deleted first).
 * Two syncs: look up, then repair with events back on.
 */
async function undo(ctx: XlContext, spec: WorkbookSpec, fresh: string[], aside: string[], eventsToggle: boolean): Promise<void> {
  const sheets = ctx.workbook.worksheets;
  const found = spec.sheets.map((s, i) => ({ fresh: sheets.getItemOrNullObject(fresh[i]), aside: sheets.getItemOrNullObject(aside[i]), named: sheets.getItemOrNullObject(s.name) }));
  await ctx.sync();
  if (eventsToggle) ctx.runtime.enableEvents = true;
  spec.sheets.forEach((s, i) => {
    const f = found[i];
    if (!f.fresh.isNullObject) f.fresh.delete();
    if (!f.aside.isNullObject) {
      // The name is held by the new sheet (renamed before the failure) or by nobody.
      if (!f.named.isNullObject) f.named.delete();
      f.aside.name = s.name;
    }
  });
  await ctx.sync();
}
