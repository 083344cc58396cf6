/**
 * Proxies for the part of the Excel object model the add-in uses: Worksheet(s), Range,
 * RangeFormat, DataValidation (1.8), PageLayout (1.9), runtime and application. Every
 * member checks its requirement set at sync; objects bind to their target when their
 * creating action runs, so a rename or add earlier in the same request is seen as in Excel.
 */
import type ExcelJS from 'exceljs';
import { cellCount, formatRect, parseAddress, qualified, MAX_COLS, MAX_ROWS, type Rect } from './address';
import { ChartCollection } from './charts';
import { hasValue, readFormulas, readNumberFormat, readValues, writeInput } from './cells';
import { ClientObject, Context, READ_CELL_LIMIT, type ChangeHandler, type RequestStats, type SelectionHandler } from './context';
import { StandInError } from './errors';

type EventSource<H> = { add(handler: H): { context: Context; remove(): void } };

const FORMAT_CELL_LIMIT = 2_000_000;
const POINTS_PER_INCH = 72;

function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const key = name.toLowerCase();
  return wb.worksheets.find((ws) => ws.name.toLowerCase() === key);
}

function visibleSheets(wb: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return wb.worksheets.filter((ws) => (ws.state ?? 'visible') === 'visible');
}

const VISIBILITY_OUT = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const;
const VISIBILITY_IN: Record<string, ExcelJS.WorksheetState> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

// ---------------------------------------------------------------- collection

export class WorksheetCollection extends ClientObject {
  private itemsList: Worksheet[] | undefined;
  protected readonly loadable = {};

  constructor(ctx: Context) {
    super(ctx, 'workbook.worksheets');
  }

  get items(): Worksheet[] {
    if (!this.itemsList) return this.read('items');
    return this.itemsList;
  }

  protected override loadNames(names: string[], request: RequestStats): void {
    const props = names.map((n) => {
      if (n === 'items') return '';
      if (!n.startsWith('items/')) throw new StandInError('StandInUnsupported', `${this.path}.load('${n}')`);
      return n.slice('items/'.length);
    });
    const wanted = props.includes('') ? [] : props;
    this.itemsList = this.ctx.session.workbook.worksheets.map((ws) => {
      const item = new Worksheet(this.ctx, `worksheets[${ws.name}]`, ws);
      item.fill(wanted, request);
      return item;
    });
  }

  getItem(key: string): Worksheet {
    return new Worksheet(this.ctx, `worksheets.getItem(${key})`, () => {
      const ws = findSheet(this.ctx.session.workbook, key);
      if (!ws) throw new StandInError('ItemNotFound', `worksheets.getItem(${key})`);
      return ws;
    });
  }

  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(this.ctx, `worksheets.getItemOrNullObject(${key})`, () => findSheet(this.ctx.session.workbook, key) ?? null, '1.4');
  }

  add(name?: string): Worksheet {
    return new Worksheet(this.ctx, `worksheets.add(${name ?? ''})`, () => {
      const wb = this.ctx.session.workbook;
      let sheetName = name;
      for (let i = wb.worksheets.length + 1; !sheetName; i++) if (!findSheet(wb, `Sheet${i}`)) sheetName = `Sheet${i}`;
      if (findSheet(wb, sheetName)) throw new StandInError('ItemAlreadyExists', `worksheets.add(${sheetName})`);
      try {
        return wb.addWorksheet(sheetName);
      } catch (error) {
        throw new StandInError('InvalidArgument', `worksheets.add(${sheetName}): ${(error as Error).message}`);
      }
    });
  }
}

// ---------------------------------------------------------------- worksheet

export class Worksheet extends ClientObject {
  private target: ExcelJS.Worksheet | null | undefined;
  protected readonly loadable: Record<string, () => unknown> = {
    name: () => this.sheet().name,
    visibility: () => VISIBILITY_OUT[this.sheet().state ?? 'visible'],
    id: () => String(this.sheet().id),
    position: () => this.ctx.session.workbook.worksheets.indexOf(this.sheet()),
  };

  /**
   * `bind` runs as the creating action: it returns the sheet, null for a null object, or
   * throws. A sheet given directly is an item the collection has just listed.
   */
  constructor(ctx: Context, path: string, bind: (() => ExcelJS.Worksheet | null) | ExcelJS.Worksheet, requires = '1.1') {
    super(ctx, path, requires, () => this.target === null);
    if (typeof bind === 'function') ctx.enqueue({ desc: { path }, requires, apply: () => void (this.target = bind()) });
    else {
      this.target = bind;
      this.settle();
    }
  }

  /** Loads properties of a listed item during the collection's load. */
  fill(names: string[], request: RequestStats): void {
    this.loadNames(names.length > 0 ? names : Object.keys(this.loadable), request);
  }

  sheet(): ExcelJS.Worksheet {
    if (!this.target) throw new StandInError('ItemNotFound', this.path);
    return this.target;
  }

  get name(): string {
    return this.read('name');
  }
  set name(value: string) {
    this.write('name', value, () => {
      const ws = this.sheet();
      const clash = findSheet(this.ctx.session.workbook, value);
      if (clash && clash !== ws) throw new StandInError('ItemAlreadyExists', `${this.path}.name`);
      const before = ws.name;
      try {
        ws.name = value;
      } catch (error) {
        throw new StandInError('InvalidArgument', `${this.path}.name: ${(error as Error).message}`);
      }
      // References follow a renamed sheet, as in Excel: the charts' ranges name the new one.
      const [from, to] = [before, value].map((n) => qualified(n, { top: 0, left: 0, bottom: 0, right: 0 }).slice(0, -'A1'.length));
      const renamed = (a: string) => (a.startsWith(from) ? `${to}${a.slice(from.length)}` : a);
      for (const chart of this.ctx.session.charts.get(ws) ?? []) {
        chart.source = renamed(chart.source);
        for (const series of chart.series) {
          series.values = renamed(series.values);
          if (series.xAxisValues !== null) series.xAxisValues = renamed(series.xAxisValues);
        }
      }
    });
  }

  get visibility(): string {
    return this.read('visibility');
  }
  set visibility(value: string) {
    this.write('visibility', value, () => {
      const state = VISIBILITY_IN[value];
      if (!state) throw new StandInError('InvalidArgument', `${this.path}.visibility`);
      const ws = this.sheet();
      const visible = visibleSheets(this.ctx.session.workbook);
      if (state !== 'visible' && visible.length === 1 && visible[0] === ws) throw new StandInError('InvalidOperation', `${this.path}.visibility`);
      ws.state = state;
    });
  }

  activate(): void {
    this.call('activate', [], () => void (this.ctx.session.activeSheet = this.sheet().name));
  }

  delete(): void {
    this.call('delete', [], () => {
      const wb = this.ctx.session.workbook;
      const ws = this.sheet();
      const visible = visibleSheets(wb);
      if (visible.length === 1 && visible[0] === ws) throw new StandInError('InvalidOperation', `${this.path}.delete()`);
      wb.removeWorksheet(ws.id);
      this.ctx.session.handlers.delete(ws);
      this.ctx.session.charts.delete(ws);
    });
  }

  getRange(address?: string): Range {
    return new Range(this, `${this.path}.getRange(${address ?? ''})`, () =>
      address === undefined ? { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } : parseAddress(address),
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return new Range(
      this,
      `${this.path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`,
      () => {
        const r = { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
        if (rowCount < 1 || columnCount < 1 || r.top < 0 || r.left < 0 || r.bottom >= MAX_ROWS || r.right >= MAX_COLS) {
          throw new StandInError('InvalidArgument', `${this.path}.getRangeByIndexes`);
        }
        return r;
      },
      '1.7',
    );
  }

  getUsedRange(valuesOnly?: boolean): Range {
    return new Range(this, `${this.path}.getUsedRange(${valuesOnly ?? ''})`, () => usedRect(this.sheet(), valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 }, valuesOnly === undefined ? '1.1' : '1.2');
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return new Range(this, `${this.path}.getUsedRangeOrNullObject(${valuesOnly ?? ''})`, () => usedRect(this.sheet(), valuesOnly === true), '1.4');
  }

  get protection(): { protect(): void } {
    return {
      protect: () =>
        this.call('protection.protect', [], async () => {
          await this.sheet().protect('', {});
        }, '1.2'),
    };
  }

  get freezePanes(): { freezeRows(count?: number): void; freezeColumns(count?: number): void; freezeAt(frozenRange: string): void } {
    const freeze = (rows: number, cols: number) => {
      this.sheet().views = [{ state: 'frozen', xSplit: cols, ySplit: rows }];
    };
    return {
      freezeRows: (count = 1) => this.call('freezePanes.freezeRows', [count], () => freeze(count, 0), '1.7'),
      freezeColumns: (count = 1) => this.call('freezePanes.freezeColumns', [count], () => freeze(0, count), '1.7'),
      freezeAt: (frozenRange: string) =>
        this.call('freezePanes.freezeAt', [frozenRange], () => {
          const r = parseAddress(frozenRange);
          freeze(r.bottom + 1, r.right + 1);
        }, '1.7'),
    };
  }

  get pageLayout(): PageLayout {
    return new PageLayout(this);
  }

  get charts(): ChartCollection {
    return new ChartCollection(this);
  }

  /** ExcelApi 1.9. exceljs keeps a break after a row: a page starting at row t breaks after row t - 1. */
  get horizontalPageBreaks(): { add(pageBreakRange: Range | string): void } {
    return {
      add: (pageBreakRange: Range | string) =>
        this.call('horizontalPageBreaks.add', [typeof pageBreakRange === 'string' ? pageBreakRange : pageBreakRange.path], () => {
          const ws = this.sheet();
          const r = typeof pageBreakRange === 'string' ? parseAddress(pageBreakRange) : pageBreakRange.resolved().rect;
          if (typeof pageBreakRange !== 'string' && pageBreakRange.resolved().ws !== ws) {
            throw new StandInError('InvalidArgument', `${this.path}.horizontalPageBreaks.add`);
          }
          // A break before row 1 would be an empty page: Excel refuses it.
          if (r.top === 0) throw new StandInError('InvalidArgument', `${this.path}.horizontalPageBreaks.add`);
          ws.getRow(r.top).addPageBreak();
        }, '1.9'),
    };
  }

  /** ExcelApi 1.9. Recorded as exceljs keeps it (the sheet's autoFilter ref), so a download has the filter buttons. */
  get autoFilter(): { apply(range: Range | string): void } {
    return {
      apply: (range: Range | string) =>
        this.call('autoFilter.apply', [typeof range === 'string' ? range : range.path], () => {
          const ws = this.sheet();
          if (typeof range !== 'string' && range.resolved().ws !== ws) throw new StandInError('InvalidArgument', `${this.path}.autoFilter.apply`);
          const r = typeof range === 'string' ? parseAddress(range) : range.resolved().rect;
          // Excel filters a bounded table, never whole columns or the whole sheet from a spec.
          if (r.bottom >= MAX_ROWS - 1 || r.right >= MAX_COLS - 1) throw new StandInError('StandInUnsupported', `${this.path}.autoFilter.apply(${formatRect(r)})`);
          ws.autoFilter = formatRect(r);
        }, '1.9'),
    };
  }

  get onSelectionChanged(): EventSource<SelectionHandler> {
    return this.event('onSelectionChanged', this.ctx.session.selectionHandlers);
  }

  get onChanged(): EventSource<ChangeHandler> {
    return this.event('onChanged', this.ctx.session.handlers);
  }

  /** A worksheet event (ExcelApi 1.7): handlers are added and removed when a request is synced. */
  private event<H>(name: string, registry: Map<ExcelJS.Worksheet, Set<H>>): EventSource<H> {
    return {
      add: (handler: H) => {
        let registered: ExcelJS.Worksheet | undefined;
        this.call(`${name}.add`, [], () => {
          registered = this.sheet();
          const set = registry.get(registered) ?? new Set();
          set.add(handler);
          registry.set(registered, set);
        }, '1.7');
        return {
          context: this.ctx,
          remove: () =>
            this.ctx.enqueue({
              desc: { path: this.path, call: `${name}.remove` },
              requires: '1.7',
              apply: () => void (registered && registry.get(registered)?.delete(handler)),
            }),
        };
      },
    };
  }
}

/** Bounding box of the cells holding a value (valuesOnly) or any cell exceljs keeps. */
function usedRect(ws: ExcelJS.Worksheet, valuesOnly: boolean): Rect | null {
  let rect: Rect | null = null;
  ws.eachRow({ includeEmpty: !valuesOnly }, (row, r) => {
    row.eachCell({ includeEmpty: !valuesOnly }, (cell, c) => {
      if (valuesOnly && !hasValue(cell)) return;
      const [top, left] = [r - 1, c - 1];
      rect = rect
        ? { top: Math.min(rect.top, top), left: Math.min(rect.left, left), bottom: Math.max(rect.bottom, top), right: Math.max(rect.right, left) }
        : { top, left, bottom: top, right: left };
    });
  });
  return rect;
}

// ---------------------------------------------------------------- range

export class Range extends ClientObject {
  private target: { ws: ExcelJS.Worksheet; rect: Rect } | null | undefined;
  protected readonly loadable: Record<string, () => unknown> = {
    address: () => qualified(this.resolved().ws.name, this.resolved().rect),
    rowCount: () => this.resolved().rect.bottom - this.resolved().rect.top + 1,
    columnCount: () => this.resolved().rect.right - this.resolved().rect.left + 1,
    values: () => this.matrix((cell) => (cell ? readValues(cell, this.date1904()) : '')),
    formulas: () => this.matrix((cell) => (cell ? readFormulas(cell, this.date1904()) : '')),
    numberFormat: () => this.matrix((cell) => (cell ? readNumberFormat(cell) : 'General')),
  };

  constructor(
    readonly worksheet: Worksheet,
    path: string,
    rect: () => Rect | null,
    requires = '1.1',
  ) {
    super(worksheet.ctx, path, requires, () => this.target === null);
    worksheet.ctx.enqueue({
      desc: { path },
      requires,
      apply: () => {
        if (worksheet.isNull()) return void (this.target = null);
        const r = rect();
        this.target = r ? { ws: worksheet.sheet(), rect: r } : null;
      },
    });
  }

  resolved(): { ws: ExcelJS.Worksheet; rect: Rect } {
    if (!this.target) throw new StandInError('ItemNotFound', this.path);
    return this.target;
  }

  private date1904(): boolean {
    return this.ctx.session.workbook.properties?.date1904 === true;
  }

  private matrix<T>(read: (cell: ExcelJS.Cell | undefined) => T): T[][] {
    const { ws, rect } = this.resolved();
    if (cellCount(rect) > READ_CELL_LIMIT) throw new StandInError('ResponsePayloadSizeLimitExceeded', `${this.path} (${cellCount(rect)} cells)`);
    const out: T[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row = ws.findRow(r + 1);
      const line: T[] = [];
      for (let c = rect.left; c <= rect.right; c++) line.push(read(row?.findCell(c + 1)));
      out.push(line);
    }
    return out;
  }

  /** Runs `fn` on every cell of a bounded range, creating cells as Excel's grid has them all. */
  forEachCell(fn: (cell: ExcelJS.Cell, r: number, c: number) => void): void {
    const { ws, rect } = this.resolved();
    if (cellCount(rect) > FORMAT_CELL_LIMIT) throw new StandInError('StandInUnsupported', `${this.path}: formats on ${cellCount(rect)} cells`);
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) fn(ws.getCell(r + 1, c + 1), r - rect.top, c - rect.left);
    }
  }

  private writeMatrix(name: 'values' | 'formulas' | 'numberFormat', value: unknown[][]): void {
    this.write(name, value, () => {
      const { ws, rect } = this.resolved();
      const rows = rect.bottom - rect.top + 1;
      const cols = rect.right - rect.left + 1;
      if (!Array.isArray(value) || value.length !== rows || value.some((line) => !Array.isArray(line) || line.length !== cols)) {
        throw new StandInError(
          'InvalidArgument',
          `${this.path}.${name}`,
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        );
      }
      this.forEachCell((cell, r, c) => {
        const input = value[r][c];
        if (name === 'numberFormat') {
          if (input !== null && input !== undefined) cell.numFmt = String(input);
        } else writeInput(cell, input, `${this.path}.${name}`);
      });
      if (name !== 'numberFormat') {
        this.ctx.session.dirty = true;
        this.ctx.session.notify(ws, formatRect(rect), 'addin');
      }
    });
  }

  get address(): string {
    return this.read('address');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get values(): unknown[][] {
    return this.read('values');
  }
  set values(value: unknown[][]) {
    this.writeMatrix('values', value);
  }
  get formulas(): unknown[][] {
    return this.read('formulas');
  }
  set formulas(value: unknown[][]) {
    this.writeMatrix('formulas', value);
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }
  set numberFormat(value: unknown[][]) {
    this.writeMatrix('numberFormat', value);
  }

  get format(): RangeFormat {
    return new RangeFormat(this);
  }

  get dataValidation(): DataValidation {
    return new DataValidation(this);
  }

  getIntersection(anotherRange: Range | string): Range {
    return new Range(
      this.worksheet,
      `${this.path}.getIntersection(${typeof anotherRange === 'string' ? anotherRange : anotherRange.path})`,
      () => {
        const a = this.resolved().rect;
        const b = typeof anotherRange === 'string' ? parseAddress(anotherRange) : anotherRange.resolved().rect;
        const r = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
        if (r.top > r.bottom || r.left > r.right) throw new StandInError('ItemNotFound', `${this.path}.getIntersection`);
        return r;
      },
      '1.2',
    );
  }

  getBoundingRect(anotherRange: Range | string): Range {
    return new Range(
      this.worksheet,
      `${this.path}.getBoundingRect(${typeof anotherRange === 'string' ? anotherRange : anotherRange.path})`,
      () => {
        const a = this.resolved().rect;
        const b = typeof anotherRange === 'string' ? parseAddress(anotherRange) : anotherRange.resolved().rect;
        return { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
      },
      '1.2',
    );
  }

  merge(across = false): void {
    this.call('merge', [across], () => {
      const { ws, rect } = this.resolved();
      const rows = across ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => rect.top + i) : [rect.top];
      for (const top of rows) {
        const bottom = across ? top : rect.bottom;
        try {
          ws.mergeCells(top + 1, rect.left + 1, bottom + 1, rect.right + 1);
        } catch (error) {
          throw new StandInError('InvalidOperation', `${this.path}.merge: ${(error as Error).message}`);
        }
      }
    }, '1.2');
  }

  select(): void {
    this.call('select', [], () => {
      // As in Excel, a selection made by the add-in fires onSelectionChanged too.
      const { ws, rect } = this.resolved();
      this.ctx.session.notifySelection(ws, formatRect(rect));
    });
  }
}

// ---------------------------------------------------------------- formats

/** A child object whose members write through to its range's cells. */
abstract class RangePart extends ClientObject {
  protected readonly loadable: Record<string, () => unknown> = {};

  constructor(
    readonly range: Range,
    path: string,
    requires: string,
  ) {
    super(range.ctx, `${range.path}.${path}`, requires, () => range.isNull());
  }

  protected setEach(name: string, value: unknown, fn: (cell: ExcelJS.Cell) => void): void {
    this.write(name, value, () => this.range.forEachCell(fn));
  }
}

function argb(color: string): string {
  const hex = color.replace('#', '');
  if (!/^[0-9a-fA-F]{6}$/.test(hex)) throw new StandInError('InvalidArgument', `color ${color}`);
  return `FF${hex.toUpperCase()}`;
}

export class RangeFont extends RangePart {
  constructor(range: Range) {
    super(range, 'format.font', '1.1');
  }
  set bold(v: boolean) {
    this.setEach('bold', v, (cell) => void (cell.font = { ...cell.font, bold: v }));
  }
  set italic(v: boolean) {
    this.setEach('italic', v, (cell) => void (cell.font = { ...cell.font, italic: v }));
  }
  set size(v: number) {
    this.setEach('size', v, (cell) => void (cell.font = { ...cell.font, size: v }));
  }
  set color(v: string) {
    this.setEach('color', v, (cell) => void (cell.font = { ...cell.font, color: { argb: argb(v) } }));
  }
  set name(v: string) {
    if (v.trim() === '') throw new StandInError('InvalidArgument', `${this.path}.name`);
    this.setEach('name', v, (cell) => void (cell.font = { ...cell.font, name: v }));
  }
  get name(): string {
    return this.read('name');
  }
  get bold(): boolean {
    return this.read('bold');
  }
  get italic(): boolean {
    return this.read('italic');
  }
  get size(): number {
    return this.read('size');
  }
  get color(): string {
    return this.read('color');
  }
}

const H_ALIGN: Record<string, ExcelJS.Alignment['horizontal']> = { Left: 'left', Center: 'center', Right: 'right' };
const V_ALIGN: Record<string, ExcelJS.Alignment['vertical']> = { Top: 'top', Center: 'middle', Bottom: 'bottom' };
const BORDER_STYLE: Record<string, ExcelJS.BorderStyle | undefined> = { Continuous: 'thin', None: undefined };

export class RangeFormat extends RangePart {
  constructor(range: Range) {
    super(range, 'format', '1.1');
  }

  get font(): RangeFont {
    return new RangeFont(this.range);
  }

  get fill(): { color: string } {
    const set = (v: string) =>
      this.setEach('fill.color', v, (cell) => void (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(v) } }));
    return {
      set color(v: string) {
        set(v);
      },
      get color(): string {
        throw new StandInError('StandInUnsupported', 'format.fill.color (read)');
      },
    };
  }

  set wrapText(v: boolean) {
    this.setEach('wrapText', v, (cell) => void (cell.alignment = { ...cell.alignment, wrapText: v }));
  }
  get wrapText(): boolean {
    return this.read('wrapText');
  }

  set horizontalAlignment(v: string) {
    if (!(v in H_ALIGN)) throw new StandInError('StandInUnsupported', `horizontalAlignment ${v}`);
    this.setEach('horizontalAlignment', v, (cell) => void (cell.alignment = { ...cell.alignment, horizontal: H_ALIGN[v] }));
  }
  get horizontalAlignment(): string {
    return this.read('horizontalAlignment');
  }

  set verticalAlignment(v: string) {
    if (!(v in V_ALIGN)) throw new StandInError('StandInUnsupported', `verticalAlignment ${v}`);
    this.setEach('verticalAlignment', v, (cell) => void (cell.alignment = { ...cell.alignment, vertical: V_ALIGN[v] }));
  }
  get verticalAlignment(): string {
    return this.read('verticalAlignment');
  }

  /**
   * Points; exceljs keeps characters: (points / 0.75 - 5 px padding) / 7 px per character.
   * A width of exactly 9 is kept as 9.001, as src/xlsx/write.ts does: exceljs would drop
   * it when the workbook is saved (the preview's download), and Excel would show 8.43.
   */
  set columnWidth(points: number) {
    this.write('columnWidth', points, () => {
      const { ws, rect } = this.range.resolved();
      const chars = (points / 0.75 - 5) / 7;
      for (let c = rect.left; c <= rect.right; c++) ws.getColumn(c + 1).width = Math.abs(chars - 9) < 1e-9 ? 9.001 : chars;
    }, '1.2');
  }
  get columnWidth(): number {
    return this.read('columnWidth');
  }

  set rowHeight(points: number) {
    this.write('rowHeight', points, () => {
      const { ws, rect } = this.range.resolved();
      for (let r = rect.top; r <= rect.bottom; r++) ws.getRow(r + 1).height = points;
    }, '1.2');
  }
  get rowHeight(): number {
    return this.read('rowHeight');
  }

  get borders(): { getItem(index: string): { style: string; weight: string } } {
    return {
      getItem: (index: string) => {
        const write = (name: string, value: string, fn: (cell: ExcelJS.Cell, r: number, c: number) => void) =>
          this.write(`borders.${index}.${name}`, value, () => this.range.forEachCell(fn));
        const side = (r: number, c: number): (keyof ExcelJS.Borders)[] => {
          const { rect } = this.range.resolved();
          const [h, w] = [rect.bottom - rect.top, rect.right - rect.left];
          const sides: Record<string, (keyof ExcelJS.Borders)[]> = {
            EdgeTop: r === 0 ? ['top'] : [],
            EdgeBottom: r === h ? ['bottom'] : [],
            EdgeLeft: c === 0 ? ['left'] : [],
            EdgeRight: c === w ? ['right'] : [],
            InsideHorizontal: [...(r > 0 ? ['top' as const] : []), ...(r < h ? ['bottom' as const] : [])],
            InsideVertical: [...(c > 0 ? ['left' as const] : []), ...(c < w ? ['right' as const] : [])],
          };
          const found = sides[index];
          if (!found) throw new StandInError('InvalidArgument', `borders.getItem(${index})`);
          return found;
        };
        return {
          set style(v: string) {
            if (!(v in BORDER_STYLE)) throw new StandInError('StandInUnsupported', `border style ${v}`);
            write('style', v, (cell, r, c) => {
              const border = { ...cell.border };
              for (const s of side(r, c)) {
                const style = BORDER_STYLE[v];
                if (style) border[s] = { style };
                else delete border[s];
              }
              cell.border = border;
            });
          },
          set weight(v: string) {
            // exceljs has one thin style; only Thin is simulated.
            if (v !== 'Thin') throw new StandInError('StandInUnsupported', `border weight ${v}`);
            write('weight', v, () => undefined);
          },
          get style(): string {
            throw new StandInError('StandInUnsupported', 'border style (read)');
          },
          get weight(): string {
            throw new StandInError('StandInUnsupported', 'border weight (read)');
          },
        };
      },
    };
  }

  get protection(): { locked: boolean } {
    const set = (v: boolean) =>
      this.write('protection.locked', v, () => this.range.forEachCell((cell) => void (cell.protection = { ...cell.protection, locked: v })), '1.2');
    return {
      set locked(v: boolean) {
        set(v);
      },
      get locked(): boolean {
        throw new StandInError('StandInUnsupported', 'format.protection.locked (read)');
      },
    };
  }
}

// ---------------------------------------------------------------- data validation (1.8)

interface Rule {
  decimal?: { formula1: unknown; formula2?: unknown; operator: string };
  list?: { inCellDropDown: boolean; source: unknown };
}

export class DataValidation extends RangePart {
  constructor(range: Range) {
    super(range, 'dataValidation', '1.8');
  }

  set rule(rule: Rule) {
    this.setEach('rule', rule, (cell) => {
      if (rule.list) {
        cell.dataValidation = { ...cell.dataValidation, type: 'list', allowBlank: true, formulae: [`"${String(rule.list.source)}"`] };
      } else if (rule.decimal && rule.decimal.operator === 'Between') {
        cell.dataValidation = {
          ...cell.dataValidation, type: 'decimal', operator: 'between', allowBlank: true,
          formulae: [rule.decimal.formula1, rule.decimal.formula2],
        };
      } else throw new StandInError('StandInUnsupported', `${this.path}.rule ${JSON.stringify(rule)}`);
    });
  }
  get rule(): Rule {
    return this.read('rule');
  }

  set errorAlert(alert: { message: string; showAlert: boolean; style: string; title: string }) {
    this.setEach('errorAlert', alert, (cell) => {
      const current: ExcelJS.DataValidation = cell.dataValidation ?? { type: 'any' };
      cell.dataValidation = {
        ...current, showErrorMessage: alert.showAlert, error: alert.message, errorTitle: alert.title, errorStyle: alert.style.toLowerCase(),
      };
    });
  }
  get errorAlert(): { message: string; showAlert: boolean; style: string; title: string } {
    return this.read('errorAlert');
  }

  clear(): void {
    this.call('clear', [], () => this.range.forEachCell((cell) => void (cell.dataValidation = undefined as unknown as ExcelJS.DataValidation)));
  }
}

// ---------------------------------------------------------------- page layout (1.9)

const PAPER: Record<string, number> = { Letter: 1, A4: 9, A3: 8 };

export class PageLayout extends ClientObject {
  protected readonly loadable: Record<string, () => unknown> = {};

  constructor(readonly worksheet: Worksheet) {
    super(worksheet.ctx, `${worksheet.path}.pageLayout`, '1.9', () => worksheet.isNull());
  }

  private set<K extends keyof ExcelJS.PageSetup>(name: string, value: unknown, key: K, v: ExcelJS.PageSetup[K]): void {
    this.write(name, value, () => void (this.worksheet.sheet().pageSetup[key] = v));
  }

  private margin(name: string, key: keyof ExcelJS.Margins, points: number): void {
    this.write(name, points, () => {
      const ps = this.worksheet.sheet().pageSetup;
      ps.margins = { ...ps.margins, [key]: points / POINTS_PER_INCH } as ExcelJS.Margins;
    });
  }

  set orientation(v: string) {
    if (v !== 'Landscape' && v !== 'Portrait') throw new StandInError('InvalidArgument', `${this.path}.orientation`);
    this.set('orientation', v, 'orientation', v === 'Landscape' ? 'landscape' : 'portrait');
  }
  get orientation(): string {
    return this.read('orientation');
  }
  set paperSize(v: string) {
    if (!(v in PAPER)) throw new StandInError('StandInUnsupported', `${this.path}.paperSize ${v}`);
    this.set('paperSize', v, 'paperSize', PAPER[v]);
  }
  get paperSize(): string {
    return this.read('paperSize');
  }
  set zoom(z: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.write('zoom', z, () => {
      const ps = this.worksheet.sheet().pageSetup;
      if (z.scale !== undefined) {
        ps.fitToPage = false;
        ps.scale = z.scale;
      } else {
        ps.fitToPage = true;
        ps.fitToWidth = z.horizontalFitToPages ?? 1;
        ps.fitToHeight = z.verticalFitToPages ?? 1;
      }
    });
  }
  get zoom(): { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } {
    return this.read('zoom');
  }
  set topMargin(v: number) {
    this.margin('topMargin', 'top', v);
  }
  set bottomMargin(v: number) {
    this.margin('bottomMargin', 'bottom', v);
  }
  set leftMargin(v: number) {
    this.margin('leftMargin', 'left', v);
  }
  set rightMargin(v: number) {
    this.margin('rightMargin', 'right', v);
  }
  set headerMargin(v: number) {
    this.margin('headerMargin', 'header', v);
  }
  set footerMargin(v: number) {
    this.margin('footerMargin', 'footer', v);
  }
  get topMargin(): number {
    return this.read('topMargin');
  }
  get bottomMargin(): number {
    return this.read('bottomMargin');
  }
  get leftMargin(): number {
    return this.read('leftMargin');
  }
  get rightMargin(): number {
    return this.read('rightMargin');
  }
  get headerMargin(): number {
    return this.read('headerMargin');
  }
  get footerMargin(): number {
    return this.read('footerMargin');
  }

  get headersFooters(): { defaultForAllPages: { centerHeader: string; centerFooter: string } } {
    const section = (name: 'centerHeader' | 'centerFooter', v: string) =>
      this.write(`headersFooters.defaultForAllPages.${name}`, v, () => {
        const hf = this.worksheet.sheet().headerFooter;
        if (name === 'centerHeader') hf.oddHeader = `&C${v}`;
        else hf.oddFooter = `&C${v}`;
      });
    const unsupported = () => {
      throw new StandInError('StandInUnsupported', 'headersFooters (read)');
    };
    return {
      defaultForAllPages: {
        set centerHeader(v: string) {
          section('centerHeader', v);
        },
        set centerFooter(v: string) {
          section('centerFooter', v);
        },
        get centerHeader(): string {
          return unsupported();
        },
        get centerFooter(): string {
          return unsupported();
        },
      },
    };
  }

  setPrintTitleRows(printTitleRows: string): void {
    this.call('setPrintTitleRows', [printTitleRows], () => {
      const r = parseAddress(printTitleRows);
      this.worksheet.sheet().pageSetup.printTitlesRow = `${r.top + 1}:${r.bottom + 1}`;
    });
  }

  setPrintArea(printArea: string): void {
    this.call('setPrintArea', [printArea], () => {
      this.worksheet.sheet().pageSetup.printArea = formatRect(parseAddress(printArea));
    });
  }
}

// ---------------------------------------------------------------- runtime, application

export class Runtime extends ClientObject {
  protected readonly loadable: Record<string, () => unknown> = { enableEvents: () => this.ctx.session.eventsEnabled };

  constructor(ctx: Context) {
    super(ctx, 'runtime', '1.5');
  }

  get enableEvents(): boolean {
    return this.read('enableEvents');
  }
  set enableEvents(v: boolean) {
    this.write('enableEvents', v, () => void (this.ctx.session.eventsEnabled = v), '1.8');
  }
}

export class Application extends ClientObject {
  protected readonly loadable: Record<string, () => unknown> = {};

  constructor(ctx: Context) {
    super(ctx, 'application');
  }

  suspendApiCalculationUntilNextSync(): void {
    this.call('suspendApiCalculationUntilNextSync', [], (request) => void (request.calcSuspended = true), '1.6');
  }
}
