/**
 * The subset of the Excel JavaScript API the adapter uses, as structural types. The
 * adapter is written against these, so tests can run it on the strict stand-in
 * (src/preview/standin); the check at the end of the file proves the real
 * `Excel.RequestContext` satisfies them, so nothing here is invented.
 * Enum-typed members are written as string literals: no `Excel` global at run time.
 */

export interface XlClientObject {
  /** True once a sync has shown the object does not exist (*OrNullObject methods). */
  readonly isNullObject: boolean;
}

export interface XlFont {
  bold: boolean;
  italic: boolean;
  size: number;
  color: string;
  /** Font family, e.g. 'Times New Roman'. */
  name: string;
}

export interface XlBorder {
  style: string;
  weight: string;
}

export interface XlRangeFormat {
  font: XlFont;
  fill: { color: string };
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  /** Points, not characters. */
  columnWidth: number;
  rowHeight: number;
  borders: { getItem(index: 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal'): XlBorder };
  protection: { locked: boolean };
}

/** ExcelApi 1.8. The rule and alert are plain objects, as in Office.js. */
export interface XlDataValidation {
  rule: {
    decimal?: { formula1: unknown; formula2?: unknown; operator: string };
    list?: { inCellDropDown: boolean; source: unknown };
  };
  errorAlert: { message: string; showAlert: boolean; style: string; title: string };
  clear(): void;
}

export interface XlRange extends XlClientObject {
  readonly address: string;
  readonly rowCount: number;
  readonly columnCount: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Office.js types cell matrices as any[][]
  values: any[][];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  formulas: any[][];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  numberFormat: any[][];
  readonly format: XlRangeFormat;
  readonly dataValidation: XlDataValidation;
  load(propertyNames: string): XlRange;
  getBoundingRect(anotherRange: XlRange | string): XlRange;
  /** ExcelApi 1.2; fails with ItemNotFound when the ranges do not meet. */
  getIntersection(anotherRange: XlRange | string): XlRange;
  merge(across?: boolean): void;
  select(): void;
}

export interface XlEventHandlerResult {
  context: { sync(): Promise<void> };
  remove(): void;
}

export interface XlWorksheetChangedEventArgs {
  address: string;
  worksheetId: string;
  source: string;
}

export interface XlWorksheetSelectionChangedEventArgs {
  address: string;
  worksheetId: string;
}

export interface XlPageLayout {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** Points. */
  topMargin: number;
  bottomMargin: number;
  leftMargin: number;
  rightMargin: number;
  headerMargin: number;
  footerMargin: number;
  headersFooters: { defaultForAllPages: { centerHeader: string; centerFooter: string } };
  setPrintTitleRows(printTitleRows: string): void;
  setPrintArea(printArea: string): void;
}

/** The chart types the specs draw (Excel.ChartType has many more). */
export type XlChartType = 'ColumnClustered' | 'BarClustered';

export interface XlChartSeries {
  name: string;
  /** ExcelApi 1.7: the category labels of the series. */
  setXAxisValues(sourceData: XlRange): void;
}

export interface XlChart {
  readonly title: { text: string };
  readonly series: { getItemAt(index: number): XlChartSeries };
  /** Top-left and bottom-right cells of the chart's frame. */
  setPosition(startCell: XlRange | string, endCell?: XlRange | string): void;
}

export interface XlChartCollection {
  add(type: XlChartType, sourceData: XlRange, seriesBy?: 'Auto' | 'Columns' | 'Rows'): XlChart;
}

export interface XlWorksheet extends XlClientObject {
  name: string;
  visibility: string;
  readonly onChanged: { add(handler: (args: XlWorksheetChangedEventArgs) => Promise<unknown>): XlEventHandlerResult };
  readonly onSelectionChanged: { add(handler: (args: XlWorksheetSelectionChangedEventArgs) => Promise<unknown>): XlEventHandlerResult };
  readonly protection: { protect(): void };
  readonly freezePanes: { freezeRows(count?: number): void; freezeColumns(count?: number): void; freezeAt(frozenRange: string): void };
  /** ExcelApi 1.9. */
  readonly pageLayout: XlPageLayout;
  readonly charts: XlChartCollection;
  /** ExcelApi 1.9. A new page starts at the top row of each range added. */
  readonly horizontalPageBreaks: { add(pageBreakRange: XlRange | string): unknown };
  /** ExcelApi 1.9. Filter buttons on the top row of the range, over the rows below it. */
  readonly autoFilter: { apply(range: XlRange | string): void };
  load(propertyNames: string): XlWorksheet;
  getRange(address?: string): XlRange;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XlRange;
  getUsedRange(valuesOnly?: boolean): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  activate(): void;
  delete(): void;
}

export interface XlWorksheetCollection {
  readonly items: XlWorksheet[];
  load(propertyNames: string): XlWorksheetCollection;
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
  add(name?: string): XlWorksheet;
}

export interface XlContext {
  readonly workbook: { readonly worksheets: XlWorksheetCollection };
  readonly application: { suspendApiCalculationUntilNextSync(): void };
  readonly runtime: { enableEvents: boolean; load(propertyNames: string): unknown };
  sync(): Promise<void>;
}

/** Excel.run's shape: a batch, optionally after run options such as { delayForCellEdit: true }. */
export interface ExcelRun {
  <T>(batch: (context: XlContext) => Promise<T>): Promise<T>;
  <T>(options: { delayForCellEdit?: boolean }, batch: (context: XlContext) => Promise<T>): Promise<T>;
}

/** Office.context.requirements.isSetSupported's shape. */
export type SetSupportCheck = (name: string, minVersion?: string) => boolean;

// Compile-time proof that the real API satisfies the subset (erased at run time).
export type RealContextFits = Excel.RequestContext extends XlContext ? true : never;
const realContextFits: RealContextFits = true;
void realContextFits;
