/**
 * The WorkbookService over the open workbook: src/excel reads and writes it (Office.js),
 * src/workbook finds the table, validates and plans the cells. The only pane file that
 * imports src/excel; Office itself is named only there.
 */
import { cellText } from '../core/answers';
import { localToday } from '../core/clock';
import * as excel from '../excel';
import type { ExcelRun, SetSupportCheck } from '../excel';
import type { AnswerChange } from '../workbook/answers';
import { planAnswers } from '../workbook/answers';
import { headerTexts, layoutFromMapping } from '../workbook/layout';
import { columnMapFromIndices, METADATA_FORMAT, METADATA_SHEET, metadataSheetSpec, readMetadata } from '../workbook/metadata';
import { alignReading, cellOf, locateFinding, readUnitWorkbook, validateReading, type ColumnMapping, type UnitReading } from '../workbook/read';
import type { SetMatch } from '../workbook/setMatch';
import { sortFindings, type Finding } from '../core/findings';
import type { CriteriaSet } from '../core/criteria';
import { columnLetter, type WorkbookGrid } from '../workbook/grid';
import { WorkbookError } from '../workbook/errors';
import { withReferenceFlags } from '../workbook/reference';
import { parentAuthority } from '../workbook/letterhead';
import { bundledMatchFor } from './bundledSets';
import type { LoadResult, ServiceFeature, SheetPreview, SheetSelection, SkippedSetting, ThemeKind, WorkbookService } from './service';

/** What the service needs from the host; defaultHost() takes it from src/excel. */
export interface ExcelHost {
  run: ExcelRun;
  isSetSupported: SetSupportCheck;
  /** Resolves once Office.js is initialised (Office.onReady). */
  ready(): Promise<void>;
  theme(): ThemeKind;
  /** Office's display language (Office.context.displayLanguage). */
  displayLanguage(): string;
  /** Selection events of one sheet (ExcelApi 1.7 worksheet.onSelectionChanged); absent when the adapter lacks them. */
  onSelectionChanged?: (run: ExcelRun, sheet: string, handler: (address: string) => void) => Promise<() => Promise<void>>;
  /** ISO date of today (evidence dated later is flagged). */
  today(): string;
  /** The reference set of a workbook (the one it names, or the one its contents match); among the bundled sets by default. */
  matchReference?: (reading: UnitReading) => Promise<SetMatch>;
}

export function defaultHost(): ExcelHost {
  return {
    run: excel.excelRun,
    isSetSupported: excel.officeIsSetSupported,
    ready: excel.officeReady,
    theme: excel.officeTheme,
    displayLanguage: excel.officeDisplayLanguage,
    onSelectionChanged: excel.onSelectionChanged,
    today: () => localToday(),
  };
}

const PREVIEW_ROWS = 30;
const PREVIEW_COLUMNS = 30;

/** The first rows of each visible sheet as text, for the column-mapping step. */
export function sheetPreviews(wb: WorkbookGrid): SheetPreview[] {
  return wb.sheets
    .filter((s) => (s.visibility ?? 'visible') === 'visible' && s.name !== METADATA_SHEET)
    .map((s) => ({
      name: s.name,
      rows: s.values.slice(0, PREVIEW_ROWS).map((row) => row.slice(0, PREVIEW_COLUMNS).map((v) => cellText(v, 'label'))),
    }));
}

/** 'G12' or 'Sheet1!G12:H14' -> 12 (the first row). */
function rowOfAddress(address: string): number | undefined {
  const m = /(?:^|!)\$?[A-Z]{1,3}\$?(\d+)/i.exec(address);
  return m ? Number(m[1]) : undefined;
}

/** The reading with more findings (CODES_RENUMBERED, SET_NOT_MATCHED) located on its sheet, in order. */
function withFindings(reading: UnitReading, findings: readonly Finding[]): UnitReading {
  if (findings.length === 0) return reading;
  return { ...reading, findings: sortFindings([...reading.findings, ...findings.map((f) => locateFinding(reading, f))]) };
}

/**
 * The reading the pane shows against its reference: a sheet numbered its own way (a
 * hand-made one matched by its contents) in the reference's numbering, as its findings
 * are, with CODES_RENUMBERED kept among its own findings; then the reference's flags.
 */
function referenceReading(read: UnitReading, reference: CriteriaSet): UnitReading {
  const aligned = alignReading(read, reference);
  return withReferenceFlags(withFindings(aligned.reading, aligned.findings), reference);
}

export function createExcelService(host: ExcelHost = defaultHost()): WorkbookService {
  const ready = host.ready();
  let grid: WorkbookGrid | undefined;
  let reading: UnitReading | undefined;
  let watched: string | undefined;
  const stops: (() => Promise<void>)[] = [];
  const external = new Set<() => void>();
  const selection = new Set<(s: SheetSelection) => void>();

  async function watch(sheet: string): Promise<void> {
    if (watched === sheet) return;
    await Promise.all(stops.splice(0).map((stop) => stop()));
    watched = sheet;
    if (host.isSetSupported('ExcelApi', '1.7')) {
      stops.push(await excel.onSheetChanged(host.run, sheet, () => external.forEach((cb) => cb())));
      if (host.onSelectionChanged) {
        stops.push(
          await host.onSelectionChanged(host.run, sheet, (address) => {
            const row = rowOfAddress(address);
            if (row !== undefined) selection.forEach((cb) => cb({ sheet, row }));
          }),
        );
      }
    }
  }

  const current = (): UnitReading => {
    if (!reading) throw new WorkbookError('SHEET_NOT_FOUND', { sheet: '—' });
    return reading;
  };

  return {
    async load(): Promise<LoadResult> {
      await ready;
      grid = await excel.readWorkbook(host.run);
      const read = readUnitWorkbook(grid);
      if (!read.ok) return { ok: false, findings: read.findings, sheets: sheetPreviews(grid) };
      const match = await (host.matchReference ?? bundledMatchFor)(read);
      const reference = match.set;
      // No set fits: the sheet is checked against itself, and the pane says which set came closest and why.
      reading = reference ? referenceReading(read, reference) : withFindings(read, match.finding ? [match.finding] : []);
      await watch(read.sheet);
      const today = host.today();
      const table = grid.sheets.find((s) => s.name === read.sheet);
      const issuer = parentAuthority(table);
      const used = new Set(Object.values(read.layout.columns));
      const spareColumns = table ? headerTexts(table, read.layout).flatMap((header, column) => (used.has(column) ? [] : [{ column, header }])) : [];
      return {
        ok: true,
        reading,
        findings: validateReading(reading, { today, ...(reference ? { reference } : {}) }),
        today,
        ...(reference ? { reference } : {}),
        ...(issuer !== undefined ? { issuer } : {}),
        spareColumns,
      };
    },
    async chooseColumn(key, column): Promise<void> {
      await ready;
      const r = current();
      // Read afresh: the metadata sheet is rewritten whole, keeping what was recorded since the load.
      grid = await excel.readWorkbook(host.run);
      const sheet = grid.sheets.find((s) => s.name === r.sheet);
      if (!sheet) throw new WorkbookError('SHEET_NOT_FOUND', { sheet: r.sheet });
      const header = headerTexts(sheet, r.layout)[column] ?? '';
      const meta = readMetadata(grid) ?? { format: METADATA_FORMAT };
      const chosenColumns = { ...meta.chosenColumns, [key]: { column: columnLetter(column), header } };
      await excel.writeSpec(host.run, { sheets: [metadataSheetSpec({ ...meta, sheet: r.sheet, chosenColumns })] }, { isSetSupported: host.isSetSupported });
    },
    async write(changes: readonly AnswerChange[]): Promise<void> {
      await excel.applyPlan(host.run, planAnswers(current(), changes), { isSetSupported: host.isSetSupported });
    },
    async select(code, field): Promise<void> {
      const r = current();
      const cell = cellOf(r, code, field);
      if (cell !== undefined) await excel.selectCell(host.run, r.sheet, cell);
    },
    async saveMapping(mapping: ColumnMapping): Promise<void> {
      await ready;
      grid ??= await excel.readWorkbook(host.run);
      const sheet = grid.sheets.find((s) => s.name === mapping.sheet);
      if (!sheet) throw new WorkbookError('SHEET_NOT_FOUND', { sheet: mapping.sheet });
      layoutFromMapping(sheet, mapping.headerRow, mapping.columns); // throws a WorkbookError the form shows
      const meta = readMetadata(grid) ?? { format: METADATA_FORMAT };
      const spec = metadataSheetSpec({ ...meta, sheet: mapping.sheet, headerRow: mapping.headerRow + 1, columnMap: columnMapFromIndices(mapping.columns) });
      await excel.writeSpec(host.run, { sheets: [spec] }, { isSetSupported: host.isSetSupported });
    },
    async writeSheets(sheets, show): Promise<SkippedSetting[]> {
      await ready;
      const { skipped } = await excel.writeSpec(host.run, { sheets: [...sheets] }, { isSetSupported: host.isSetSupported });
      if (show !== undefined) await excel.selectCell(host.run, show, 'A1');
      return skipped.map(({ vi, en }) => ({ vi, en }));
    },
    async appendRows(sheet, rows, formats): Promise<number> {
      await ready;
      return excel.appendRows(host.run, sheet, rows, { isSetSupported: host.isSetSupported, ...(formats ? { formats } : {}) });
    },
    async openWorkbook(bytes): Promise<void> {
      await ready;
      await excel.createWorkbook(bytes);
    },
    async showCell(sheet, address): Promise<void> {
      await ready;
      await excel.selectCell(host.run, sheet, address);
    },
    onExternalChange(cb) {
      external.add(cb);
      return () => external.delete(cb);
    },
    onSelectionChange(cb) {
      selection.add(cb);
      return () => selection.delete(cb);
    },
    supports(feature: ServiceFeature): boolean {
      switch (feature) {
        case 'changeEvents':
          return host.isSetSupported('ExcelApi', '1.7');
        case 'selectionEvents':
          return host.onSelectionChanged !== undefined && host.isSetSupported('ExcelApi', '1.7');
        case 'createWorkbook':
          return excel.canCreateWorkbook(host.isSetSupported);
        default:
          return excel.supports(feature, host.isSetSupported);
      }
    },
    theme: () => host.theme(),
    displayLanguage: () => host.displayLanguage(),
  };
}
